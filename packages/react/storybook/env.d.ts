// Vite handles CSS imports in stories and the preview.
declare module '*.css';
