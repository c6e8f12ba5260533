// `npm run bench`: runs every benchmark and prints one JSON object per line:
// {"bench": name, "value": measured, "unit": ..., "baseline": same work done the plain way in the
// same run, "ratio": value / baseline}. Other bench files in this folder named *.bench.mjs are run
// as child processes and their JSON lines passed through.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { preview } from 'vite';
import { emit, launchChromium } from './common.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const only = process.argv.slice(2).find((a) => !a.startsWith('--'));
const quick = process.argv.includes('--quick');

async function canvasBenchmarks() {
  const server = await preview({
    configFile: join(root, 'vite.bench.config.ts'),
    preview: { host: '127.0.0.1', port: 0 },
    logLevel: 'error',
  });
  const url = server.resolvedUrls?.local[0];
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('pageerror', (e) => console.error('bench page error:', e.message));
    await page.goto(url);
    await page.waitForFunction(() => window.benchReady === true);
    const sizes = quick ? [1000] : [1000, 5000, 10000];
    for (const cards of sizes) {
      for (const mode of ['zoom1', 'fit']) {
        const r = await page.evaluate(([n, m]) => window.runBench(n, m), [cards, mode]);
        const name = `canvas.pan.${mode}.${cards / 1000}k`;
        // The baseline is whichever plain-Konva scene was faster at p95 (see renderer/bench/).
        emit(`${name}.p50`, r.app.p50, 'ms', r.baseline.p50);
        emit(`${name}.p95`, r.app.p95, 'ms', r.baseline.p95);
        console.error(
          `  ${name}: baseline used = ${r.baseline.name}; nodes p95 ${r.nodes.p95.toFixed(1)} ms, direct p95 ${r.direct.p95.toFixed(1)} ms`,
        );
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

if (!only || only === 'canvas') await canvasBenchmarks();

for (const file of readdirSync(here)
  .filter((f) => f.endsWith('.bench.mjs'))
  .sort()) {
  if (only && !file.startsWith(only)) continue;
  const run = spawnSync(process.execPath, [join(here, file), ...(quick ? ['--quick'] : [])], {
    stdio: ['ignore', 'inherit', 'inherit'],
    cwd: root,
  });
  if (run.status !== 0) {
    console.error(`${file} failed with exit code ${run.status}`);
    process.exitCode = 1;
  }
}
