import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `vite build -c vite.baseline.config.ts`: the baseline app, for size comparisons.
export default defineConfig({
  plugins: [react()],
  root: 'baseline',
  build: { outDir: '../dist-baseline', emptyOutDir: true },
});
