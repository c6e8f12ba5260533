import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { roomServerPlugin } from './vite-plugins/room-server';

/**
 * The dev server injects an inline script (React Fast Refresh) that the production CSP forbids, so
 * the CSP meta tag is dropped while serving for development only. Builds keep it untouched.
 */
const devWithoutCsp: Plugin = {
  name: 'dreamboard-dev-without-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[\s\S]*?\/>/, ''),
};

// The renderer: one static bundle served by Electron's app:// protocol or, for `npm run web`,
// tests and benchmarks, by `vite preview` on 127.0.0.1. Relative base so both hosts work.
export default defineConfig({
  root: 'renderer',
  base: './',
  // roomServerPlugin: the "In this room" server for the browser build (vite-plugins/room-server.ts).
  plugins: [react(), devWithoutCsp, roomServerPlugin()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
