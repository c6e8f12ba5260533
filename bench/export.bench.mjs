// Export benchmarks (run by bench/run.mjs, or alone: node bench/export.bench.mjs [--quick]).
// The export code is TypeScript, so a small entry (a virtual module: it only re-exports) is
// bundled with vite into a temporary folder and imported. Each line compares the export with
// encoding the same document's Yjs state in the same run (the cheapest whole-document work):
//   export.plan-json.<n>k  validated snapshot → derivePlan → JSON text
//   export.plan-pdf.<n>k   validated snapshot → derivePlan → PDF bytes (fonts already in memory)
// Values are medians of several runs after one warm-up, in milliseconds.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';
import { emit } from './common.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const quick = process.argv.includes('--quick');
const ENTRY = 'virtual:dreamboard-export-bench';
const RESOLVED_ENTRY = `\0${ENTRY}`;

const entrySource = `
export * as Y from 'yjs';
export { createCards, createConnector, createFrame, DocumentIndex, transact, updateMeta } from ${JSON.stringify(join(root, 'shared/doc/index.ts'))};
export { encodeState as encodeYjsState } from ${JSON.stringify(join(root, 'shared/doc/updates.ts'))};
export { derivePlan } from ${JSON.stringify(join(root, 'shared/plan/index.ts'))};
export { buildPlanPdf } from ${JSON.stringify(join(root, 'shared/export/index.ts'))};
export { CARD_KINDS, CONNECTOR_KINDS } from ${JSON.stringify(join(root, 'shared/model/index.ts'))};
`;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function timed(fn, runs) {
  await fn(); // warm-up: JIT, font parsing caches
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** A deterministic workshop of `cards` cards in 10 frames, every kind, filled fields, cards/2 connectors. */
function buildWorkshop(lib, cards) {
  const { Y, createCards, createConnector, createFrame, transact, updateMeta, CARD_KINDS, CONNECTOR_KINDS } =
    lib;
  let seed = 12345;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const doc = new Y.Doc();
  const titles = [
    'Today',
    'The dream',
    'People and what matters',
    'Strengths',
    'Partners',
    'Resources',
    'Barriers',
    'Learning',
    'Next steps',
    'Parking',
  ];
  const perFrame = Math.ceil(cards / titles.length);
  const columns = Math.ceil(Math.sqrt(perFrame));
  const frameSize = columns * 240 + 80;
  transact(doc, () => {
    updateMeta(doc, {
      schemaVersion: 1,
      title: `Benchmark workshop — ${cards} cards`,
      context: 'Synthetic',
      createdAt: 1,
      template: 'blank',
    });
    const frameIds = titles.map((title, i) =>
      createFrame(doc, {
        title,
        x: (i % 5) * (frameSize + 100),
        y: Math.floor(i / 5) * (frameSize + 100),
        w: frameSize,
        h: frameSize,
      }),
    );
    const newCards = [];
    for (let i = 0; i < cards; i++) {
      const f = Math.floor(i / perFrame);
      const k = i % perFrame;
      const frameX = (f % 5) * (frameSize + 100);
      const frameY = Math.floor(f / 5) * (frameSize + 100);
      const kind = CARD_KINDS[i % CARD_KINDS.length];
      newCards.push({
        kind,
        x: frameX + 40 + (k % columns) * 240,
        y: frameY + 60 + Math.floor(k / columns) * 160,
        frame: frameIds[f],
        text: `Card ${i}: somewhere safe to stay, close to school — cymorth ŵyr ${Math.floor(random() * 1000)}`,
        fields: {
          horizon: 'medium',
          indicator: 'Fewer repeat visits',
          owner: i % 3 ? 'Commissioner' : '',
          reviewDate: i % 4 ? '2026-01-15' : '',
          consent: 'yes',
          evidence: 'data',
        },
      });
    }
    const ids = createCards(doc, newCards, { participantId: 'bench', role: 'frontline' });
    for (let i = 0; i < cards / 2; i++) {
      const from = ids[Math.floor(random() * ids.length)];
      const to = ids[Math.floor(random() * ids.length)];
      if (from !== to) createConnector(doc, { from, to, kind: CONNECTOR_KINDS[i % CONNECTOR_KINDS.length] });
    }
  });
  return doc;
}

const outDir = await mkdtemp(join(tmpdir(), 'dreamboard-export-bench-'));
try {
  await build({
    configFile: false,
    logLevel: 'silent',
    plugins: [
      {
        name: 'export-bench-entry',
        enforce: 'pre',
        resolveId: (id) => (id.endsWith(ENTRY) ? RESOLVED_ENTRY : null),
        load: (id) => (id === RESOLVED_ENTRY ? entrySource : null),
      },
    ],
    build: {
      ssr: ENTRY,
      outDir,
      emptyOutDir: true,
      minify: false,
      rolldownOptions: { output: { format: 'es', entryFileNames: 'export-bench.mjs' } },
    },
    ssr: { noExternal: true, target: 'node' },
  });
  const lib = await import(pathToFileURL(join(outDir, 'export-bench.mjs')).href);
  const fonts = {
    regular: new Uint8Array(await readFile(join(root, 'resources/fonts/DejaVuSans.ttf'))),
    bold: new Uint8Array(await readFile(join(root, 'resources/fonts/DejaVuSans-Bold.ttf'))),
  };
  for (const cards of quick ? [1000] : [1000, 5000]) {
    const doc = buildWorkshop(lib, cards);
    const runs = cards <= 1000 ? 5 : 3;
    const snapshotOf = () => {
      const index = new lib.DocumentIndex(doc);
      const snapshot = index.getSnapshot();
      index.destroy();
      return snapshot;
    };
    const options = { appVersion: 'bench', now: 1_760_000_000_000 };
    const encode = await timed(() => lib.encodeYjsState(doc), runs);
    const json = await timed(() => JSON.stringify(lib.derivePlan(snapshotOf(), options)), runs);
    const pdf = await timed(async () => {
      const snapshot = snapshotOf();
      await lib.buildPlanPdf({ plan: lib.derivePlan(snapshot, options), board: snapshot, fonts });
    }, runs);
    const label = `${cards / 1000}k`;
    emit(`export.plan-json.${label}`, json, 'ms', encode);
    emit(`export.plan-pdf.${label}`, pdf, 'ms', encode);
  }
} finally {
  await rm(outDir, { recursive: true, force: true });
}
