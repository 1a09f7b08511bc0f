// Vite handles CSS imports in stories and the preview.
declare module '*.css';
// `?raw` imports are the file's text (the token table reads the theme's variables from it).
declare module '*?raw' {
  const text: string;
  export default text;
}

declare module 'virtual:orgkit-styling-hooks' {
  const hooks: Record<
    string,
    { readonly slots: string[]; readonly attributes: string[]; readonly variables: string[] }
  >;
  export default hooks;
}
