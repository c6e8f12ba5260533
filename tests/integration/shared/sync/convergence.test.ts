import { describe, expect, it } from 'vitest';
import { canonical, randomEdit, seededRandom, SimNetwork } from './sim';

/**
 * Convergence fuzz: five peers edit through a network that drops, duplicates, reorders and
 * partitions; after the network heals, anti-entropy alone must bring every document to the same
 * content. SYNC_FUZZ_SEEDS, SYNC_FUZZ_OPS and SYNC_FUZZ_FIRST_SEED make a long run (e.g. 20000, 60, 100000).
 */

const SEEDS = Number(process.env.SYNC_FUZZ_SEEDS ?? 1000);
const FIRST_SEED = Number(process.env.SYNC_FUZZ_FIRST_SEED ?? 1);
const OPS = Number(process.env.SYNC_FUZZ_OPS ?? 20);
const PEERS = ['p0', 'p1', 'p2', 'p3', 'p4'];
const MAX_ROUNDS = 3;

interface Outcome {
  readonly converged: boolean;
  readonly rounds: number;
  readonly offences: number;
  readonly chunked: number;
}

function runSeed(seed: number): Outcome {
  const rng = seededRandom(seed);
  const topology = rng() < 0.75 ? 'mesh' : 'star';
  // Half the seeds use tiny wire messages so that most sync traffic goes through chunking.
  const limits = rng() < 0.5 ? { maxWireBytes: 120 + Math.floor(rng() * 400) } : {};
  const net = new SimNetwork(rng, PEERS, topology, limits);
  net.faults = { drop: rng() * 0.3, duplicate: rng() * 0.2, reorder: rng() * 0.5 };
  for (let op = 0; op < OPS; op++) {
    if (rng() < 0.15) net.partition(PEERS[Math.floor(rng() * 5)]!, PEERS[Math.floor(rng() * 5)]!);
    const peer = net.peers.get(PEERS[Math.floor(rng() * 5)]!)!;
    randomEdit(peer.doc, rng, `s${seed}o${op}`);
    net.deliver(Math.floor(rng() * 8));
    if (rng() < 0.2) {
      net.clock.advance(rng() * 20_000);
      for (const p of net.peers.values()) p.room.tick();
    }
  }
  net.heal();
  net.flush();
  let rounds = 0;
  const same = () => new Set(net.docs().map(canonical)).size === 1;
  while (!same() && rounds < MAX_ROUNDS) {
    rounds++;
    net.clock.advance(60_000);
    // Due timers fire: anti-entropy and the expiry of messages whose chunks were lost.
    for (const p of net.peers.values()) p.room.tick();
    net.flush();
  }
  let offences = 0;
  let chunked = 0;
  for (const p of net.peers.values()) {
    for (const id of p.room.peerIds) {
      const stats = p.room.peer(id)!.stats;
      offences += stats.offences;
      chunked += stats.chunkedIn;
    }
  }
  return { converged: same(), rounds, offences, chunked };
}

describe('sync convergence under a faulty network', () => {
  it(
    `converges for ${SEEDS} seeds × ${PEERS.length} peers once the network heals`,
    () => {
      let maxRounds = 0;
      let chunkedTotal = 0;
      let repaired = 0;
      for (let seed = FIRST_SEED; seed < FIRST_SEED + SEEDS; seed++) {
        const outcome = runSeed(seed);
        if (!outcome.converged || outcome.offences > 0) {
          throw new Error(`seed ${seed} failed: ${JSON.stringify(outcome)} (replay: runSeed(${seed}))`);
        }
        maxRounds = Math.max(maxRounds, outcome.rounds);
        chunkedTotal += outcome.chunked;
        if (outcome.rounds > 0) repaired++;
      }
      console.log(
        `convergence: ${SEEDS} seeds, ${repaired} needed anti-entropy to converge (≤ ${maxRounds} rounds), ${chunkedTotal} chunked messages reassembled`,
      );
      expect(maxRounds).toBeLessThanOrEqual(MAX_ROUNDS);
      // The faults must actually bite: otherwise this test would pass without anti-entropy.
      expect(repaired).toBeGreaterThan(SEEDS / 10);
      expect(chunkedTotal).toBeGreaterThan(0);
      // The loop is synchronous: a long run needs more than the global 60 s.
    },
    Math.max(120_000, SEEDS * OPS * 10),
  );
});
