import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The benchmark page: built separately from the app so it never ships to users.
export default defineConfig({
  root: 'renderer/bench',
  base: './',
  plugins: [react()],
  build: { outDir: '../../dist/bench', emptyOutDir: true, target: 'es2022' },
});
