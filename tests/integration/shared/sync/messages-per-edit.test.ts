import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { ManualClock, SyncPeerProtocol, type Topology } from '../../../../shared/sync';
import { canonical, randomEdit, seededRandom, SimNetwork } from './sim';

/**
 * Messages per edit: stock y-webrtc's rule (every update the document emits goes to every
 * connected peer) against the relay rule in shared/sync/relay.ts, on a loss-free network.
 * The figures printed here are the ones in docs/sync-protocol.md.
 */

const EDITS = 20;
const SIZES = [2, 5, 10, 30];

/** Makes random edits until one changes the document (some, like updating a missing card, do not). */
function oneEdit(doc: Y.Doc, rng: () => number, tag: string): void {
  let changed = false;
  const listener = () => {
    changed = true;
  };
  doc.on('update', listener);
  for (let attempt = 0; !changed; attempt++) randomEdit(doc, rng, `${tag}a${attempt}`);
  doc.off('update', listener);
}

function ids(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `p${i}`);
}

function measureRelay(n: number, topology: Topology, seed: number): number {
  const rng = seededRandom(seed);
  const net = new SimNetwork(rng, ids(n), topology);
  net.flush();
  const before = net.delivered;
  for (let e = 0; e < EDITS; e++) {
    oneEdit(net.peers.get(`p${Math.floor(rng() * n)}`)!.doc, rng, `e${e}`);
    net.flush();
  }
  const texts = new Set(net.docs().map(canonical));
  if (texts.size !== 1) throw new Error(`${topology} N=${n} seed ${seed} did not converge`);
  return (net.delivered - before) / EDITS;
}

/** Stock y-webrtc: each document broadcasts every update it emits, whatever its origin. */
function measureStock(n: number, seed: number): number {
  const rng = seededRandom(seed);
  const clock = new ManualClock();
  const docs = ids(n).map((_, i) => {
    const d = new Y.Doc();
    d.clientID = i + 1;
    return d;
  });
  const queue: (() => void)[] = [];
  const links = docs.map((doc, i) =>
    docs.map((_, j) =>
      i === j
        ? null
        : new SyncPeerProtocol({
            doc,
            peerId: `p${j}`,
            clock,
            random: rng,
            send: (bytes) => queue.push(() => links[j]![i]!.receive(bytes)),
          }),
    ),
  );
  docs.forEach((doc, i) =>
    doc.on('update', (update: Uint8Array) => links[i]!.forEach((p) => p?.sendUpdate(update))),
  );
  const flush = () => {
    let count = 0;
    for (let m = queue.shift(); m; m = queue.shift()) {
      m();
      count++;
    }
    return count;
  };
  links.forEach((row) => row.forEach((p) => p?.start()));
  flush();
  let messages = 0;
  for (let e = 0; e < EDITS; e++) {
    oneEdit(docs[Math.floor(rng() * n)]!, rng, `e${e}`);
    messages += flush();
  }
  if (new Set(docs.map(canonical)).size !== 1) throw new Error(`stock N=${n} seed ${seed} did not converge`);
  return messages / EDITS;
}

describe('messages per edit', () => {
  it('the relay rule sends N−1 messages per edit where stock y-webrtc sends N·(N−1)', () => {
    const rows: string[] = [];
    for (const n of SIZES) {
      const stock = measureStock(n, 7);
      const mesh = measureRelay(n, 'mesh', 7);
      const star = measureRelay(n, 'star', 7);
      rows.push(`| ${n} | ${stock.toFixed(1)} | ${mesh.toFixed(1)} | ${star.toFixed(1)} |`);
      expect(stock).toBe(n * (n - 1));
      expect(mesh).toBe(n - 1);
      expect(star).toBe(n - 1);
    }
    console.log(['| N | stock y-webrtc | mesh, relay rule | star (facilitator hub) |', ...rows].join('\n'));
  });
});
