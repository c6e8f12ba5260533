// Node-side helpers of bench/live.bench.mjs: the app's server, peers (one Chromium process each,
// as in tests/e2e/live-peers.ts: tabs of one browser would sync over BroadcastChannel), hosting,
// joining, the raw data-channel probe and a few statistics.
import { existsSync } from 'node:fs';
import { join as joinPath } from 'node:path';
import { preview } from 'vite';
import { launchChromium } from './common.mjs';
import { instrument, meshState, probeStart } from './live-page.mjs';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const nowAbs = () => performance.timeOrigin + performance.now();
export const log = (message) => console.error(`  live: ${message}`);

/** Nearest-rank percentile. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}
export const median = (values) => percentile(values, 0.5);

/**
 * `vite preview` of the built app with the project's config, so the room-server plugin (the
 * "In this room" signaling server, vite-plugins/room-server.ts) is there. 127.0.0.1, a free port.
 */
export async function serveApp(root, outDir) {
  if (!existsSync(joinPath(outDir, 'index.html')))
    throw new Error(`no built app in ${outDir}: run npm run build (or set DREAMBOARD_BENCH_LIVE_DIST)`);
  const server = await preview({
    configFile: joinPath(root, 'vite.config.ts'),
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0 },
    logLevel: 'error',
  });
  return { server, url: server.resolvedUrls.local[0] };
}

/** A peer: its own Chromium process and one page of the app with ?debug=1, instrumented, idle. */
export async function launchPeer(url, name, routes = null) {
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (e) => console.error(`  live [${name}] page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Yjs was already imported/.test(m.text()))
      console.error(`  live [${name}] ${m.text()}`);
  });
  if (routes) await routes(page);
  await page.addInitScript(instrument);
  await page.goto(`${url}?debug=1`);
  await page.getByRole('heading', { name: 'Dreamboard', level: 1 }).waitFor({ timeout: 60_000 });
  await page
    .waitForFunction(() => !!window.dreamboardLiveController, null, { timeout: 30_000 })
    .catch(() => {
      throw new Error(
        `the app at ${url} has no live sessions (window.dreamboardLiveController): an old build?`,
      );
    });
  return { name, browser, page };
}

export async function closePeers(peers) {
  await Promise.all(peers.map((p) => p.browser.close().catch(() => {})));
}

/** Starts a Blank workshop and hosts it "In this room"; answers the join code. */
export async function host(peer) {
  const { page } = peer;
  await page.getByRole('button', { name: /^Blank/ }).click();
  await page.waitForFunction(() => !!window.dreamboardDebug);
  await page.evaluate(
    (name) =>
      window.dreamboardLiveController.host({ inRoom: true, online: false }, { name, role: 'commissioner' }),
    peer.name,
  );
  const { code, problem } = await page.evaluate(() => {
    const s = window.dreamboardLiveController.store.get();
    return { code: s.session?.code ?? null, problem: s.problem };
  });
  if (!code) throw new Error(`hosting failed: ${problem}`);
  return code;
}

/** Joins with the code; resolves once the workshop has arrived and is open. */
export async function join(peer, code) {
  const { page } = peer;
  await page.evaluate(
    ({ code, name }) =>
      void window.dreamboardLiveController.join({ input: code, identity: { name, role: 'frontline' } }),
    { code, name: peer.name },
  );
  await page.waitForFunction(
    () => {
      const s = window.dreamboardLiveController.store.get();
      if (s.problem) throw new Error(s.problem);
      return s.status === 'connected' && !!window.dreamboardDebug;
    },
    null,
    { timeout: 60_000, polling: 100 },
  );
}

/** Waits until every peer has a direct channel to every other and lists all of them. */
export async function waitForMesh(peers, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const states = await Promise.all(peers.map((p) => p.page.evaluate(meshState)));
    const n = peers.length - 1;
    if (states.every((s) => s.peers === n && s.participants === n && s.status === 'connected')) return;
    if (Date.now() > until)
      throw new Error(`no full mesh of ${peers.length}: ${JSON.stringify(states.map((s) => s.peers))}`);
    await sleep(200);
  }
}

/** Each page's clock minus Node's (the sample with the shortest round trip of five). */
export async function clockOffsets(peers) {
  const offsets = [];
  for (const p of peers) {
    let best = null;
    for (let i = 0; i < 5; i++) {
      const before = nowAbs();
      const at = await p.page.evaluate(() => performance.timeOrigin + performance.now());
      const after = nowAbs();
      if (!best || after - before < best.rtt)
        best = { rtt: after - before, offset: at - (before + after) / 2 };
    }
    offsets.push(best);
  }
  return offsets;
}

/**
 * The raw data-channel probe: two pages (two Chromium processes, same flags) with a plain
 * RTCPeerConnection pair, iceServers [], the descriptions passed by this harness (no trickle).
 */
export async function rawPair(url) {
  const peers = await Promise.all(
    ['probe-a', 'probe-b'].map(async (name) => {
      const browser = await launchChromium();
      const page = await browser.newPage();
      await page.goto(`${url}icon.svg`);
      return { name, browser, page };
    }),
  );
  const [a, b] = peers;
  /** A fresh connection (the previous one closed): a join's channel is always new, so is the bulk probe's. */
  const connect = async () => {
    await Promise.all(peers.map((p) => p.page.evaluate(() => window.__probe?.pc.close())));
    await a.page.evaluate(probeStart, true);
    await b.page.evaluate(probeStart, false);
    const offer = await a.page.evaluate(() => window.__probe.describe(null));
    const answer = await b.page.evaluate((o) => window.__probe.describe(o), offer);
    await a.page.evaluate((d) => window.__probe.pc.setRemoteDescription(d), answer);
    await Promise.all(peers.map((p) => p.page.evaluate(() => window.__probe.opened)));
  };
  await connect();
  let seq = 0;
  return {
    /** `count` messages of `size` bytes, alternating direction, one at a time like the edits; one-way ms. */
    async echo({ count, warmup, size, gapMs }) {
      const times = [];
      for (let i = 0; i < warmup + count; i++) {
        const [from, to] = i % 2 ? [b, a] : [a, b];
        const s = seq++;
        const arrival = to.page.evaluate((s) => window.__probe.wait(s), s);
        const sent = await from.page.evaluate(([s, n]) => window.__probe.send(s, n), [s, size]);
        const at = await arrival;
        if (at === null) throw new Error(`probe message ${s} never arrived`);
        if (i >= warmup) times.push(at - sent);
        await sleep(gapMs);
      }
      return times;
    },
    /** `bytes` sent at once on a new channel as messages of at most `chunk` bytes (as the sync layer chunks); ms to the last one's arrival. */
    async bulk(bytes, chunk) {
      await connect();
      const count = Math.ceil(bytes / chunk);
      const first = seq;
      seq += count;
      const arrival = b.page.evaluate((s) => window.__probe.wait(s), first + count - 1);
      const sent = await a.page.evaluate(
        ([first, count, bytes, chunk]) => {
          const at = performance.timeOrigin + performance.now();
          for (let i = 0; i < count; i++) window.__probe.send(first + i, Math.min(chunk, bytes - i * chunk));
          return at;
        },
        [first, count, bytes, chunk],
      );
      const at = await arrival;
      if (at === null) throw new Error('the bulk transfer never arrived');
      return at - sent;
    },
    close: () => closePeers(peers),
  };
}
