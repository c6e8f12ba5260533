// Signaling fan-out (run by bench/run.mjs, or alone: node bench/signaling.bench.mjs [--quick]).
// One peer publishes into a room of N subscribers; the figure is copies delivered per second,
// against the stock y-webrtc server (child process) doing the same work in the same run.
// The server is TypeScript, so it is bundled once into a temporary folder and imported.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';
import { WebSocket } from 'ws';

const here = dirname(fileURLToPath(import.meta.url));
const quick = process.argv.includes('--quick');
const ROOM = quick ? 10 : 30;
const MESSAGES = quick ? 200 : 1000;
/** About the size of an encrypted ICE candidate or a small SDP, base64. */
const DATA = 'x'.repeat(1200);

async function connect(url) {
  const ws = new WebSocket(url);
  await once(ws, 'open');
  return ws;
}

/** Copies delivered per second to ROOM subscribers while one peer publishes MESSAGES. */
async function fanOut(url) {
  const receivers = await Promise.all(Array.from({ length: ROOM }, () => connect(url)));
  const publisher = await connect(url);
  let pending = receivers.length;
  const allDelivered = new Promise((resolve) => {
    for (const ws of receivers) {
      let count = 0;
      ws.on('message', () => {
        if (++count === MESSAGES && --pending === 0) resolve();
      });
    }
  });
  for (const ws of receivers) ws.send(JSON.stringify({ type: 'subscribe', topics: ['bench'] }));
  // A ping round trip per receiver: its subscription is in place before publishing starts.
  await Promise.all(
    receivers.map(async (ws) => {
      const pong = once(ws, 'message');
      ws.send(JSON.stringify({ type: 'ping' }));
      await pong;
    }),
  );
  const started = performance.now();
  for (let i = 0; i < MESSAGES; i++)
    publisher.send(JSON.stringify({ type: 'publish', topic: 'bench', data: DATA }));
  await allDelivered;
  const seconds = (performance.now() - started) / 1000;
  for (const ws of [...receivers, publisher]) ws.terminate();
  return (ROOM * MESSAGES) / seconds;
}

async function freePort() {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  return port;
}

async function startStock() {
  const port = await freePort();
  const child = spawn(process.execPath, [join(here, '../node_modules/y-webrtc/bin/server.js')], {
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await once(child.stdout, 'data');
  return { url: `ws://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

const outDir = await mkdtemp(join(tmpdir(), 'dreamboard-signaling-bench-'));
try {
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      ssr: join(here, '../electron/signaling/index.ts'),
      outDir,
      emptyOutDir: true,
      minify: false,
      rolldownOptions: { output: { format: 'es', entryFileNames: 'signaling.mjs' } },
    },
    ssr: { noExternal: true, target: 'node' },
  });
  const { startSignalingServer } = await import(pathToFileURL(join(outDir, 'signaling.mjs')).href);
  // The publisher's rate limit is lifted: this measures fan-out, not the limiter.
  const ours = await startSignalingServer({
    host: '127.0.0.1',
    port: 0,
    limits: { rateBurst: MESSAGES * 2, floodDrops: MESSAGES },
  });
  const stock = await startStock();
  try {
    await fanOut(ours.url); // warm-up
    await fanOut(stock.url);
    const value = await fanOut(ours.url);
    const baseline = await fanOut(stock.url);
    const round = (v) => Math.round(v);
    console.log(
      JSON.stringify({
        bench: `signaling.fanout.room${ROOM}`,
        value: round(value),
        unit: 'copies/s',
        baseline: round(baseline),
        ratio: Math.round((value / baseline) * 1000) / 1000,
      }),
    );
  } finally {
    stock.stop();
    await ours.close();
  }
} finally {
  await rm(outDir, { recursive: true, force: true });
}
