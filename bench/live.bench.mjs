// Live sessions (issue #4), run by bench/run.mjs or alone:
//   node bench/live.bench.mjs [--quick]
// Serves the built web app (dist/renderer, or DREAMBOARD_BENCH_LIVE_DIST) with `vite preview` on
// 127.0.0.1, so the "In this room" signaling server is the app's own, and drives one Chromium
// PROCESS per peer (real WebRTC data channels over loopback, iceServers []).
//
// Lines (JSON, like the other benches):
// - live.edit-applied.n<N>.p50 / .p95: a small edit (a card's text, its own transaction) made in one
//   peer → every other peer's document has applied it (its 'update' event). Editors take turns.
//   Baseline: the raw data-channel probe (two plain RTCPeerConnections, a message of the same size
//   as the edit's sync message), one way, same clock.
// - live.edit-visible.n5.p50 / .p95: the same, to the animation frame in which the board redrew.
// - live.messages-per-edit.n<N>: data-channel messages carrying the edit (sync 'update' messages)
//   sent by all peers together, per edit. Baseline: stock y-webrtc's N·(N−1) (it forwards every
//   update it receives to all its peers). Target ≤ 2(N−1). Everything else sent meanwhile
//   (awareness renewals, anti-entropy) is logged on stderr.
// - live.bytes-per-edit.n<N>: the bytes of those messages. Baseline: N·(N−1) of them.
// - live.late-join.doc.<n>k / .open.<n>k / .paint.<n>k: a fresh peer (page loaded and idle first)
//   joins a host holding n cards: join() → document complete / workshop open (window.dreamboardDebug
//   set and status 'connected') / first frame with the board drawn. Median of 3. Baseline:
//   Y.applyUpdate of the same state (the bytes that arrived) into a fresh Y.Doc in the same page.
// - live.late-join.success: joins that arrived / joins tried (target 1).
//
// DREAMBOARD_BENCH_LIVE_PEERS=2,5,10,15 picks the room sizes, DREAMBOARD_BENCH_LIVE_SIZES=5000 the
// late-join workshops (empty: none); DREAMBOARD_BENCH_PROFILE=1 also
// prints where the joiner's main thread went during one 5k join (build unminified for names).
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join as joinPath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { emit } from './common.mjs';
import { liveCounters, makeEdit, seedCards, timedJoin, watchEdits } from './live-page.mjs';
import {
  clockOffsets,
  closePeers,
  host,
  join,
  launchPeer,
  log,
  median,
  percentile,
  rawPair,
  serveApp,
  sleep,
  waitForMesh,
} from './live-peers.mjs';
import { joinPhases, profileJoin } from './live-join.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = joinPath(here, '..');
const quick = process.argv.includes('--quick');
const outDir = process.env.DREAMBOARD_BENCH_LIVE_DIST ?? joinPath(root, 'dist/renderer');
const ROOMS = (process.env.DREAMBOARD_BENCH_LIVE_PEERS ?? (quick ? '2,5' : '2,5,10')).split(',').map(Number);
const EDITS = quick ? 40 : 100;
const WARMUP = 10;
const GAP_MS = 30;
const SIZES = (process.env.DREAMBOARD_BENCH_LIVE_SIZES ?? (quick ? '1000' : '1000,5000,10000'))
  .split(',')
  .filter(Boolean)
  .map(Number);
const JOIN_RUNS = quick ? 1 : 3;
const k = (n) => `${n / 1000}k`;

const uptime = async () => (await readFile('/proc/loadavg', 'utf8')).split(' ').slice(0, 3).join(' ');

/** The Yjs page script of the files-browser bench (bench/files-browser-page.ts), for the join baseline. */
async function buildYjsPage(tmp) {
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      lib: {
        entry: joinPath(here, 'files-browser-page.ts'),
        formats: ['iife'],
        name: 'benchYjsPage',
        fileName: () => 'yjs.js',
      },
      outDir: tmp,
      emptyOutDir: true,
      target: 'es2022',
    },
  });
  return readFile(joinPath(tmp, 'yjs.js'));
}

const pp = (v) => `${percentile(v, 0.5).toFixed(2)}/${percentile(v, 0.95).toFixed(2)}`;
const sum = (counters, pick) => counters.reduce((n, c) => n + pick(c), 0);
const wireOf = (counters, kind, field) => sum(counters, (c) => c.wire[kind]?.[field] ?? 0);

/** Edit numbers go on from room to room: the pages of a smaller room still remember theirs. */
let nextSeq = 0;

/** Edits taking turns round the room, one at a time; one-way times to every other peer. */
async function editSeries(peers) {
  await Promise.all(peers.map((p) => p.page.evaluate(watchEdits)));
  const applied = [];
  const painted = [];
  const sending = [];
  const wire = [];
  const applying = [];
  let lost = 0;
  let before = null;
  const first = nextSeq;
  nextSeq += WARMUP + EDITS;
  for (let i = 0; i < WARMUP + EDITS; i++) {
    const seq = first + i;
    if (i === WARMUP) before = await Promise.all(peers.map((p) => p.page.evaluate(liveCounters)));
    const editor = peers[i % peers.length];
    const others = peers.filter((p) => p !== editor);
    const arrivals = others.map((p) => p.page.evaluate((s) => window.__edits.wait(s), seq));
    const { made, sent } = await editor.page.evaluate(makeEdit, seq);
    if (i >= WARMUP) sending.push(sent - made);
    for (const at of await Promise.all(arrivals)) {
      if (i < WARMUP) continue;
      if (at === null) lost++;
      else {
        applied.push(at.applied - made);
        painted.push(at.painted - made);
        wire.push(at.arrived - sent);
        applying.push(at.applied - at.arrived);
      }
    }
    await sleep(GAP_MS);
  }
  const after = await Promise.all(peers.map((p) => p.page.evaluate(liveCounters)));
  return { applied, painted, sending, wire, applying, lost, before, after };
}

async function editLatency(url, raw) {
  const peers = [];
  const results = [];
  try {
    peers.push(await launchPeer(url, 'peer0'));
    const code = await host(peers[0]);
    await peers[0].page.evaluate(seedCards, { from: -1, to: 0 });
    for (const n of ROOMS) {
      const started = Date.now();
      const fresh = await Promise.all(
        Array.from({ length: n - peers.length }, (_, i) => launchPeer(url, `peer${peers.length + i}`)),
      );
      // One at a time: the peers already in the room connect to each newcomer. (Newcomers joining at
      // the same moment also connect to each other through y-webrtc's glare rule, and in one try two
      // of three never got a direct channel to each other: see docs/benchmarks.md.)
      for (const p of fresh) await join(p, code);
      peers.push(...fresh);
      await waitForMesh(peers);
      await sleep(1500); // presence (who is linked to whom, for the relay rule) settles
      const offsets = await clockOffsets(peers);
      const spread = Math.max(...offsets.map((o) => o.offset)) - Math.min(...offsets.map((o) => o.offset));
      const load = await uptime();
      const r = await editSeries(peers);
      const edits = EDITS;
      const d = (kind, field) => wireOf(r.after, kind, field) - wireOf(r.before, kind, field);
      const updates = d('update', 'messages') / edits;
      const updateBytes = d('update', 'bytes') / edits;
      const all = ['update', 'step1', 'step2', 'awareness', 'queryAwareness', 'chunk', 'other'];
      const totalMessages = all.reduce((t, kind) => t + d(kind, 'messages'), 0) / edits;
      const statsMessages =
        (sum(r.after, (c) => c.messagesOut) - sum(r.before, (c) => c.messagesOut)) / edits;
      const stock = n * (n - 1);
      const messageBytes = updateBytes / updates;
      emit(`live.edit-applied.n${n}.p50`, percentile(r.applied, 0.5), 'ms', percentile(raw, 0.5));
      emit(`live.edit-applied.n${n}.p95`, percentile(r.applied, 0.95), 'ms', percentile(raw, 0.95));
      if (n === 5) {
        emit(`live.edit-visible.n${n}.p50`, percentile(r.painted, 0.5), 'ms', percentile(raw, 0.5));
        emit(`live.edit-visible.n${n}.p95`, percentile(r.painted, 0.95), 'ms', percentile(raw, 0.95));
      }
      emit(`live.messages-per-edit.n${n}`, updates, 'messages', stock);
      emit(`live.bytes-per-edit.n${n}`, updateBytes, 'bytes', stock * messageBytes);
      log(
        `N=${n}: ${r.applied.length} one-way samples, ${r.lost} lost; applied p50 ${percentile(r.applied, 0.5).toFixed(2)} ` +
          `p95 ${percentile(r.applied, 0.95).toFixed(2)} max ${Math.max(...r.applied).toFixed(1)} ms; ` +
          `of which (p50/p95) edit → first send ${pp(r.sending)}, send → arrival ${pp(r.wire)}, arrival → applied ${pp(r.applying)}; ` +
          `board frame p50 ${percentile(r.painted, 0.5).toFixed(2)} p95 ${percentile(r.painted, 0.95).toFixed(2)} ms; ` +
          `per edit: ${updates.toFixed(2)} update messages of ${messageBytes.toFixed(0)} B (target ≤ ${2 * (n - 1)}), ` +
          `${totalMessages.toFixed(2)} messages of any kind on the wire, ${statsMessages.toFixed(2)} by peerStats() ` +
          `(step1 ${d('step1', 'messages')}, step2 ${d('step2', 'messages')}, awareness ${d('awareness', 'messages')} in the series); ` +
          `clock offsets spread ${spread.toFixed(2)} ms; load ${load}; setup ${((Date.now() - started) / 1000).toFixed(0)} s`,
      );
      results.push({ n, messageBytes });
    }
  } finally {
    await closePeers(peers);
  }
  return results;
}

async function lateJoin(url, yjsPage, probe) {
  const routes = (page) =>
    page.route('**/__bench/yjs.js', (route) =>
      route.fulfill({ body: yjsPage, contentType: 'text/javascript' }),
    );
  const hostPeer = await launchPeer(url, 'host');
  let tried = 0;
  let arrived = 0;
  try {
    const code = await host(hostPeer);
    let seeded = 0;
    for (const n of SIZES) {
      await hostPeer.page.evaluate(seedCards, { from: seeded, to: n });
      seeded = n;
      // The host is idle: two frames, then a moment for the outline, autosave and the like.
      await hostPeer.page.evaluate(
        () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
      );
      await sleep(1500);
      const runs = [];
      for (let i = 0; i < JOIN_RUNS; i++) {
        const joiner = await launchPeer(url, `late${k(n)}-${i}`, routes);
        try {
          await sleep(500);
          tried++;
          const load = await uptime();
          const profile = process.env.DREAMBOARD_BENCH_PROFILE === '1' && n === 5000 && i === 0;
          const r = profile
            ? await profileJoin(joiner.page, { code, cards: n, timeoutMs: 60_000 })
            : await joiner.page.evaluate(timedJoin, { code, cards: n, timeoutMs: 60_000 });
          if (!r.ok) {
            log(`late join ${k(n)} #${i + 1} FAILED: ${r.why}; ${r.marks ? joinPhases(r, [], 0) : ''}`);
            continue;
          }
          arrived++;
          const hostSends = await hostPeer.page.evaluate(() => window.__live.bigOut);
          // Messages the joiner put on its channel vs. those the host's sync protocol took in: a
          // difference means the host dropped some (e.g. before it had added the peer).
          const mine = await joiner.page.evaluate(() => {
            const provider = window.dreamboardLiveController.link.provider;
            return { id: provider.peerId, out: provider.peerStats()[0]?.messagesOut };
          });
          await sleep(200); // what is still in flight arrives
          const taken = await hostPeer.page.evaluate(
            (id) =>
              window.dreamboardLiveController.link.provider.peerStats().find((s) => s.id === id)?.messagesIn,
            mine.id,
          );
          await joiner.page.addScriptTag({ url: `${url}__bench/yjs.js` });
          const baseline = await joiner.page.evaluate(() => {
            const bytes = window.__live.bigUpdate;
            window.benchYjs.applyUpdate(bytes); // warm this copy of Yjs once, as the app's was by the join
            return window.benchYjs.applyUpdate(bytes);
          });
          // The same bytes over the raw probe's channel, cut as the sync layer cuts them.
          // Median of three: a single transfer swings with the machine's load.
          const rawWire = median([
            await probe.bulk(r.updateBytes, 261_120),
            await probe.bulk(r.updateBytes, 261_120),
            await probe.bulk(r.updateBytes, 261_120),
          ]);
          runs.push({ ...r, baseline });
          log(
            `late join ${k(n)} #${i + 1} (load ${load}): ${joinPhases(r, hostSends, baseline, rawWire)}` +
              ` | joiner sent ${mine.out} messages, the host's protocol took in ${taken}`,
          );
        } finally {
          await closePeers([joiner]);
        }
        await sleep(1000);
      }
      if (runs.length === 0) continue;
      const base = median(runs.map((r) => r.baseline));
      emit(`live.late-join.doc.${k(n)}`, median(runs.map((r) => r.marks['doc-complete'])), 'ms', base);
      emit(`live.late-join.open.${k(n)}`, median(runs.map((r) => r.marks.open)), 'ms', base);
      emit(`live.late-join.paint.${k(n)}`, median(runs.map((r) => r.marks['first-paint'])), 'ms', base);
    }
  } finally {
    await closePeers([hostPeer]);
  }
  if (tried > 0) emit('live.late-join.success', arrived / tried, 'fraction', 1);
  if (arrived < tried) process.exitCode = 1;
}

const tmp = await mkdtemp(joinPath(tmpdir(), 'dreamboard-live-bench-'));
let served = null;
let probe = null;
try {
  const started = Date.now();
  const yjsPage = await buildYjsPage(tmp);
  served = await serveApp(root, outDir);
  log(`app from ${outDir} at ${served.url}; load ${await uptime()}`);
  // The probe's message size: a card-text edit's sync message, as measured by a first short run.
  const RAW_SIZE = Number(process.env.DREAMBOARD_BENCH_LIVE_RAW_BYTES ?? 36);
  probe = await rawPair(served.url);
  const raw = await probe.echo({ count: EDITS, warmup: WARMUP, size: RAW_SIZE, gapMs: GAP_MS });
  log(
    `raw data channel, ${RAW_SIZE} B one way: p50 ${percentile(raw, 0.5).toFixed(3)} p95 ${percentile(raw, 0.95).toFixed(3)} ms`,
  );
  const rooms = await editLatency(served.url, raw);
  for (const { n, messageBytes } of rooms)
    if (Math.abs(messageBytes - RAW_SIZE) > 8) log(`N=${n}: edit messages were ${messageBytes.toFixed(0)} B`);
  await lateJoin(served.url, yjsPage, probe);
  log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s; load ${await uptime()}`);
} finally {
  await probe?.close();
  await served?.server.close();
  await rm(tmp, { recursive: true, force: true });
}
