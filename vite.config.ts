import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer: one static bundle served by Electron's app:// protocol or, for `npm run web`,
// tests and benchmarks, by `vite preview` on 127.0.0.1. Relative base so both hosts work.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
