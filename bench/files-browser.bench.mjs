// Workshop files in the browser build (issue #3), run by bench/run.mjs or alone:
//   node bench/files-browser.bench.mjs [--quick]
// The app is built into a temporary folder (so a rebuild of dist/ by someone else cannot pull the
// page away mid-run), served by `vite preview` on 127.0.0.1 and driven in Debian's Chromium.
// The workshop is made in Node with the app's own code (bench/files-browser-entry.ts) and written
// into the page's OPFS `workshops/` folder, where the browser build keeps workshops.
//
// Lines (JSON, like the other benches):
// - files-browser.open-first-paint.<n>k: click on the workshop in the recent list → the first frame in
//   which the board has drawn (a rAF after the snapshot landed, then a pixel read, which waits for the
//   canvas). Baseline: Y.applyUpdate of the same state into a fresh Y.Doc, in the same page.
// - files-browser.autosave-longest-task.<n>k: the longest main-thread task ('longtask' entries) while
//   editing for ~10 s with autosave running, including one compaction and the first-change version
//   snapshot. Baseline: Y.encodeStateAsUpdate of the same state in the same page (what any save of
//   the whole state on the main thread blocks for at least).
// - files-browser.autosave-engine-block.<n>k: of that, the longest main-thread block with the storage
//   engine on the stack (a CPU profile of the window, 1 ms samples). Same baseline.
// - files-browser.autosave-longest-frame.<n>k: the longest gap between animation frames in the same
//   window. Baseline: the median gap (the frame interval).
// - files-browser.bytes-per-card.<n>k: bytes per card of the stored (compacted) file. Baseline: the
//   plain Yjs state.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, preview } from 'vite';
import { emit, launchChromium, inclusiveTimes } from './common.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const quick = process.argv.includes('--quick');
const cards = quick ? 2000 : 10_000;
const openRuns = quick ? 2 : 5;
const editSeconds = quick ? 4 : 10;
const label = `${cards / 1000}k`;
// DREAMBOARD_BENCH_PROFILE=1: also print where the main thread went while editing.
const printProfile = process.env.DREAMBOARD_BENCH_PROFILE === '1';
/** Functions of the storage engine (shared/storage, renderer/platform storage) as the profile names them. */
const ENGINE =
  /^(recordInto|writeOnce|compact|append|encodeWorkshopFile|takeSnapshot|readWorkshopFile|readWorkshopBytes|openForEditing|openFile|startSession|listWorkshops|describeStored|currentFacts|flushAll)$/;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const log = (message) => console.error(`  files-browser: ${message}`);

async function buildAll(tmp) {
  const nodeOut = join(tmp, 'node');
  const pageOut = join(tmp, 'page');
  const appOut = join(tmp, 'app');
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      ssr: join(here, 'files-browser-entry.ts'),
      outDir: nodeOut,
      emptyOutDir: true,
      minify: false,
      rolldownOptions: { output: { format: 'es', entryFileNames: 'files-browser.mjs' } },
    },
    ssr: { noExternal: true, target: 'node' },
  });
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      lib: {
        entry: join(here, 'files-browser-page.ts'),
        formats: ['iife'],
        name: 'benchYjsPage',
        fileName: () => 'yjs.js',
      },
      outDir: pageOut,
      emptyOutDir: true,
      target: 'es2022',
    },
  });
  await build({
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'silent',
    // Unminified, so the profile of the editing window names the app's functions.
    build: { outDir: appOut, emptyOutDir: true, sourcemap: false, minify: false },
  });
  return { nodeOut, pageOut, appOut };
}

/** Replaces everything in OPFS `workshops/` and `history/` with one file fetched from `src`. */
async function storeWorkshop(page, fileName, src) {
  await page.evaluate(
    async ({ fileName, src }) => {
      const bytes = new Uint8Array(await (await fetch(src)).arrayBuffer());
      const opfs = await navigator.storage.getDirectory();
      for await (const name of opfs.keys()) await opfs.removeEntry(name, { recursive: true });
      const dir = await opfs.getDirectoryHandle('workshops', { create: true });
      const writable = await (await dir.getFileHandle(fileName, { create: true })).createWritable();
      await writable.write(bytes);
      await writable.close();
    },
    { fileName, src },
  );
}

/**
 * In the page: clicks the recent entry and resolves when a frame has drawn the board with every
 * card in the snapshot. Polls once per frame, after the frame's callbacks (rAF, then a task), so the
 * board's own rAF draw has run; the pixel read waits for the canvas to hold that draw.
 */
function openAndWaitForPaint({ title, cards }) {
  return new Promise((resolve, reject) => {
    const button = [...document.querySelectorAll('.recent-open')].find(
      (b) => b.querySelector('.recent-title')?.textContent === title,
    );
    if (!button) return reject(new Error(`no recent entry "${title}"`));
    const probe = document.createElement('canvas');
    probe.width = probe.height = 16;
    const probeContext = probe.getContext('2d', { willReadFrequently: true });
    const drawn = (canvas) => {
      probeContext.clearRect(0, 0, 16, 16);
      probeContext.drawImage(canvas, 0, 0, 16, 16);
      const pixels = probeContext.getImageData(0, 0, 16, 16).data;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return true;
      return false;
    };
    const longtasks = [];
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longtasks.push(e.duration);
    });
    observer.observe({ type: 'longtask' });
    let sessionAt = null;
    const t0 = performance.now();
    button.click();
    const check = () => {
      const session = window.dreamboardDebug?.session;
      if (session && sessionAt === null) sessionAt = performance.now() - t0;
      const canvas = document.querySelector('.db-board canvas');
      if (session && canvas && session.snapshot().cards.size >= cards && drawn(canvas)) {
        const ms = performance.now() - t0;
        // Entries are delivered after the task; give them a moment before reading them.
        setTimeout(() => {
          observer.disconnect();
          resolve({ ms, sessionAt, longtasks });
        }, 50);
        return;
      }
      if (performance.now() - t0 > 60_000) return reject(new Error('the board never drew'));
      requestAnimationFrame(() => setTimeout(check, 0));
    };
    requestAnimationFrame(() => setTimeout(check, 0));
  });
}

/** Opens the stored workshop from the recent list of a fresh page; returns the page and the timings. */
async function openFresh(context, url, workshop, variant) {
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('bench page error:', e.message));
  await page.goto(`${url}?debug=1`);
  await storeWorkshop(page, `${workshop.title}.dreamboard`, `${url}__bench/${variant}`);
  await page.reload();
  await page.locator('.recent-open', { hasText: workshop.title }).waitFor({ timeout: 60_000 });
  await page.addScriptTag({ url: `${url}__bench/yjs.js` });
  const baseline = await page.evaluate(async (src) => {
    const state = new Uint8Array(await (await fetch(src)).arrayBuffer());
    // The app's Yjs is warm by now (the recent list replays files to count cards): warm this one too.
    window.benchYjs.applyUpdate(state);
    return window.benchYjs.applyUpdate(state);
  }, `${url}__bench/state`);
  await page.waitForTimeout(300);
  const cdp = printProfile ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
    await cdp.send('Profiler.start');
  }
  const open = await page.evaluate(openAndWaitForPaint, { title: workshop.title, cards: workshop.cards });
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    const rows = inclusiveTimes(profile).slice(0, 40);
    log(
      `profile of opening, inclusive ms:\n${rows.map(([k, ms]) => `    ${ms.toFixed(0).padStart(6)}  ${k}`).join('\n')}`,
    );
  }
  return { page, open, baseline };
}

/** In the page: starts the long-task observer, the frame-gap monitor and the save-status log. */
function startMonitors() {
  const monitor = { longtasks: [], gaps: [], saves: [], stop: false, observer: null, mutations: null };
  monitor.observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) monitor.longtasks.push({ at: e.startTime, ms: e.duration });
  });
  monitor.observer.observe({ type: 'longtask' });
  const status = document.querySelector('[data-testid="save-status"]');
  const noteStatus = () => monitor.saves.push({ at: performance.now(), text: status?.textContent ?? '' });
  if (status) {
    monitor.mutations = new MutationObserver(noteStatus);
    monitor.mutations.observe(status, { subtree: true, childList: true, characterData: true });
    noteStatus();
  }
  let last = performance.now();
  const frame = () => {
    const now = performance.now();
    monitor.gaps.push({ at: last, ms: now - last });
    last = now;
    if (!monitor.stop) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  window.__benchMonitor = monitor;
}

function stopMonitors() {
  const monitor = window.__benchMonitor;
  monitor.stop = true;
  monitor.observer.disconnect();
  monitor.mutations?.disconnect();
  return { longtasks: monitor.longtasks, gaps: monitor.gaps, saves: monitor.saves };
}

/** What the save status said at `at` (the last change before it). */
function statusAt(saves, at) {
  let text = '';
  for (const s of saves) if (s.at <= at) text = s.text;
  return text.replace(/\s+/g, ' ').trim();
}

/** Edits like a person at the board, by keyboard: add a note, type into it, nudge it with the arrows. */
async function editForAWhile(page, seconds) {
  const board = page.locator('.db-board');
  await board.focus();
  const until = Date.now() + seconds * 1000;
  let edits = 0;
  for (let i = 0; Date.now() < until; i++) {
    await page.keyboard.press('n');
    await page.getByRole('textbox', { name: 'Words on the Note card' }).waitFor();
    await page.keyboard.type(`Idea ${i} from the room`, { delay: 35 });
    await page.keyboard.press('Escape');
    edits += 2;
    for (let k = 0; k < 3; k++) {
      await page.waitForTimeout(150);
      await page.keyboard.press(i % 2 ? 'ArrowDown' : 'ArrowRight');
      edits++;
    }
    await page.waitForTimeout(200);
  }
  return edits;
}

/**
 * The longest run of consecutive samples with a storage-engine function on the stack: the longest
 * main-thread block the engine caused (to the sampling interval).
 */
function longestEngineBlock(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inEngine = new Map();
  const isEngine = (id) => {
    if (!inEngine.has(id)) {
      const up = parent.get(id);
      inEngine.set(
        id,
        ENGINE.test(byId.get(id).callFrame.functionName) || (up !== undefined && isEngine(up)),
      );
    }
    return inEngine.get(id);
  };
  let longest = 0;
  let run = 0;
  profile.samples.forEach((id, i) => {
    run = isEngine(id) ? run + (profile.timeDeltas[i + 1] ?? 0) / 1000 : 0;
    longest = Math.max(longest, run);
  });
  return longest;
}

/** In the page: the stored file's size and its first two records (type, length), to see whether it was compacted. */
async function storedShape(page, fileName) {
  return page.evaluate(async (fileName) => {
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('workshops');
    const bytes = new Uint8Array(await (await (await dir.getFileHandle(fileName)).getFile()).arrayBuffer());
    const view = new DataView(bytes.buffer);
    const records = [];
    for (let at = 16; at + 9 <= bytes.length && records.length < 2;) {
      const length = view.getUint32(at, true);
      records.push([bytes[at + 8], length]);
      at += 9 + length;
    }
    return { size: bytes.length, records };
  }, fileName);
}

function shapeOf(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const first = view.getUint32(16, true);
  return [
    [bytes[16 + 8], first],
    [bytes[16 + 9 + first + 8], view.getUint32(16 + 9 + first, true)],
  ];
}

const tmp = await mkdtemp(join(tmpdir(), 'dreamboard-files-browser-bench-'));
let server = null;
let browser = null;
try {
  const { nodeOut, pageOut, appOut } = await buildAll(tmp);
  const { buildBenchWorkshop } = await import(pathToFileURL(join(nodeOut, 'files-browser.mjs')).href);
  const workshop = buildBenchWorkshop(cards);
  const yjsPage = await readFile(join(pageOut, 'yjs.js'));

  server = await preview({
    configFile: join(root, 'vite.config.ts'),
    build: { outDir: appOut },
    preview: { host: '127.0.0.1', port: 0 },
    logLevel: 'error',
  });
  const url = server.resolvedUrls?.local[0];
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const bodies = {
    'yjs.js': { contentType: 'text/javascript', body: yjsPage },
    file: { contentType: 'application/octet-stream', body: Buffer.from(workshop.file) },
    damaged: { contentType: 'application/octet-stream', body: Buffer.from(workshop.damaged) },
    state: { contentType: 'application/octet-stream', body: Buffer.from(workshop.state) },
  };
  await context.route(`${url}__bench/*`, (route) => {
    const body = bodies[new URL(route.request().url()).pathname.split('/').pop()];
    return body ? route.fulfill({ status: 200, ...body }) : route.fulfill({ status: 404 });
  });

  // (a) Open to first paint, each run in a fresh page (as when someone starts the app and opens it).
  const opens = [];
  const baselines = [];
  for (let run = 0; run < openRuns; run++) {
    const { page, open, baseline } = await openFresh(context, url, workshop, 'file');
    opens.push(open.ms);
    baselines.push(baseline);
    log(
      `open ${run + 1}: ${open.ms.toFixed(0)} ms to first paint (session built at ${open.sessionAt?.toFixed(0)} ms), ` +
        `Y.applyUpdate ${baseline.toFixed(1)} ms, long tasks ${open.longtasks.map((d) => d.toFixed(0)).join(', ') || 'none'} ms`,
    );
    await page.close();
  }
  emit(`files-browser.open-first-paint.${label}`, median(opens), 'ms', median(baselines));

  // (b) Autosave while editing: the stored file has a torn tail, so the first save compacts it.
  const { page } = await openFresh(context, url, workshop, 'damaged');
  const encode = await page.evaluate(async (src) => {
    const state = new Uint8Array(await (await fetch(src)).arrayBuffer());
    const runs = [0, 1, 2].map(() => window.benchYjs.encodeState(state));
    return runs.sort((a, b) => a.encodeMs - b.encodeMs)[1];
  }, `${url}__bench/state`);
  await page.waitForTimeout(1000);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  await cdp.send('Profiler.start');
  await page.evaluate(startMonitors);
  const edits = await editForAWhile(page, editSeconds);
  await page.getByTestId('save-status').filter({ hasText: /Saved/ }).waitFor({ timeout: 30_000 });
  await page.waitForTimeout(500);
  const seen = await page.evaluate(stopMonitors);
  const { profile } = await cdp.send('Profiler.stop');
  const engineBlock = longestEngineBlock(profile);
  if (printProfile) {
    const times = inclusiveTimes(profile);
    const storage = times.filter(([k]) => ENGINE.test(k.split(' ')[0]));
    const show = (rows) => rows.map(([k, ms]) => `    ${ms.toFixed(0).padStart(6)}  ${k}`).join('\n');
    log(
      `profile of the editing window, inclusive ms:\n${show(times.slice(0, 25))}\n  storage engine:\n${show(storage)}`,
    );
  }
  const stored = await storedShape(page, `${workshop.title}.dreamboard`);
  const before = shapeOf(workshop.file);
  // Compaction rewrites the update record with the new cards in it; appends leave it as it was.
  const compacted = JSON.stringify(stored.records) !== JSON.stringify(before);
  if (!compacted)
    console.error(
      'files-browser: the stored file was not compacted during editing; the figures below miss a compaction',
    );
  const longest = seen.longtasks.reduce((a, b) => (b.ms > a.ms ? b : a), { at: 0, ms: 0 });
  const gaps = seen.gaps.slice(1);
  const longestGap = gaps.reduce((a, b) => (b.ms > a.ms ? b : a), { at: 0, ms: 0 });
  const top = [...seen.longtasks].sort((a, b) => b.ms - a.ms).slice(0, 6);
  log(
    `${edits} edits in ${editSeconds} s; ${seen.longtasks.length} long tasks; compacted: ${compacted} (file ${stored.size} bytes)`,
  );
  log(
    `longest tasks: ${top.map((t) => `${t.ms.toFixed(0)} ms (${statusAt(seen.saves, t.at + t.ms) || '?'})`).join('; ') || 'none'}`,
  );
  log(
    `save states: ${seen.saves
      .map((s) => statusAt([s], s.at))
      .filter((t, i, all) => t !== all[i - 1])
      .join(' → ')}`,
  );
  log(
    `plain Yjs in the page: apply ${encode.applyMs.toFixed(1)} ms, encode ${encode.encodeMs.toFixed(1)} ms`,
  );
  emit(`files-browser.autosave-longest-task.${label}`, longest.ms, 'ms', encode.encodeMs);
  emit(`files-browser.autosave-engine-block.${label}`, engineBlock, 'ms', encode.encodeMs);
  emit(`files-browser.autosave-longest-frame.${label}`, longestGap.ms, 'ms', median(gaps.map((g) => g.ms)));
  await page.close();

  // (c) File bytes per card.
  emit(
    `files-browser.bytes-per-card.${label}`,
    workshop.file.length / cards,
    'bytes',
    workshop.state.length / cards,
  );
} finally {
  await browser?.close();
  await server?.close();
  await rm(tmp, { recursive: true, force: true });
}
