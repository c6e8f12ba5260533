import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

// Main process, preload and command line, bundled as CommonJS for Node/Electron.
// Sandboxed preloads must be a single CommonJS file, so everything is bundled in;
// only Electron itself and Node built-ins stay external.
// A sandboxed preload cannot require() a shared chunk, and code splitting cannot be turned off
// for several inputs, so the preload is a second pass: `--mode preload` (see build:electron).
const entryPoints = (mode: string): Record<string, string> =>
  mode === 'preload'
    ? { preload: 'electron/preload/index.ts' }
    : { main: 'electron/main/index.ts', cli: 'electron/cli/index.ts' };

export default defineConfig(({ mode }) => ({
  build: {
    ssr: true,
    outDir: 'dist/electron',
    emptyOutDir: mode !== 'preload',
    target: 'node20',
    sourcemap: true,
    minify: false,
    rolldownOptions: {
      input: entryPoints(mode),
      external: ['electron', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      output: {
        ...(mode === 'preload' ? { codeSplitting: false } : {}),
        format: 'cjs',
        entryFileNames: '[name].cjs',
        chunkFileNames: 'chunks/[name]-[hash].cjs',
      },
    },
  },
  ssr: { noExternal: true, target: 'node' },
}));
