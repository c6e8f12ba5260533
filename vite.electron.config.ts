import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

// Main process, preload and command line, bundled as CommonJS for Node/Electron.
// Sandboxed preloads must be a single CommonJS file, so everything is bundled in;
// only Electron itself and Node built-ins stay external.
export default defineConfig({
  build: {
    ssr: true,
    outDir: 'dist/electron',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    minify: false,
    rolldownOptions: {
      input: {
        main: 'electron/main/index.ts',
        preload: 'electron/preload/index.ts',
        cli: 'electron/cli/index.ts',
      },
      external: ['electron', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      output: { format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: 'chunks/[name]-[hash].cjs' },
    },
  },
  ssr: { noExternal: true, target: 'node' },
});
