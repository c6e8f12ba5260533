// Storage benchmarks (run by bench/run.mjs, or alone: node bench/storage.bench.mjs [--quick]).
// The engine is TypeScript, so it is bundled once into a temporary folder and imported.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = await mkdtemp(join(tmpdir(), 'dreamboard-storage-bench-'));
try {
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      ssr: join(here, 'storage-bench-entry.ts'),
      outDir,
      emptyOutDir: true,
      minify: false,
      rolldownOptions: { output: { format: 'es', entryFileNames: 'storage-bench.mjs' } },
    },
    ssr: { noExternal: true, target: 'node' },
  });
  const { runStorageBench } = await import(pathToFileURL(join(outDir, 'storage-bench.mjs')).href);
  for (const line of await runStorageBench(process.argv.includes('--quick')))
    console.log(JSON.stringify(line));
} finally {
  await rm(outDir, { recursive: true, force: true });
}
