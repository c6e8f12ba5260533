import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createCard } from '../../../../shared/doc';
import type { CardId } from '../../../../shared/model';
import * as encoding from 'lib0/encoding';
import { MESSAGE, encodeSyncStep1, encodeSyncUpdate } from '../../../../shared/sync';
import { canonical, randomEdit, seededRandom, SimNetwork } from './sim';

/**
 * A malicious participant in a five-peer mesh sends garbage among honest traffic: random bytes,
 * corrupted real messages, lying chunk headers, undecodable updates, floods of state vectors.
 * Honest peers must not throw, must drop it, and must still converge with each other.
 */

const HONEST = ['p0', 'p1', 'p2', 'p3'];
const EVIL = 'p4';

function hostileMessage(rng: () => number): Uint8Array {
  const doc = new Y.Doc();
  createCard(
    doc,
    { id: 'evil' as CardId, kind: 'need', x: 0, y: 0, text: 'x'.repeat(300) },
    { participantId: 'e', role: null },
  );
  const real = encodeSyncUpdate(Y.encodeStateAsUpdate(doc));
  const pickOne = Math.floor(rng() * 6);
  switch (pickOne) {
    case 0:
      return Uint8Array.from({ length: Math.floor(rng() * 200) }, () => Math.floor(rng() * 256));
    case 1: {
      const m = real.slice();
      for (let i = 0; i < 3; i++) m[Math.floor(rng() * m.length)] = Math.floor(rng() * 256);
      return m;
    }
    case 2:
      return real.slice(0, Math.floor(rng() * real.length));
    case 3: {
      // A chunk announcing a terabyte.
      const e = encoding.createEncoder();
      for (const n of [MESSAGE.chunk, 0, Math.floor(rng() * 1000), 0, 2, 2 ** 40])
        encoding.writeVarUint(e, n);
      encoding.writeVarUint8Array(e, new Uint8Array(10));
      return encoding.toUint8Array(e);
    }
    case 4:
      return encodeSyncUpdate(Uint8Array.from({ length: 40 }, () => Math.floor(rng() * 256)));
    default:
      return encodeSyncStep1(doc);
  }
}

describe('a hostile peer', () => {
  it('is dropped by every honest peer, which still converge and never throw', () => {
    let honestOffences = 0;
    let drops = 0;
    const SEEDS = 50;
    for (let seed = 1; seed <= SEEDS; seed++) {
      const rng = seededRandom(seed);
      const net = new SimNetwork(rng, [...HONEST, EVIL], 'mesh');
      net.faults = { drop: 0.1, duplicate: 0.1, reorder: 0.3 };
      for (let op = 0; op < 30; op++) {
        randomEdit(net.peers.get(HONEST[Math.floor(rng() * HONEST.length)]!)!.doc, rng, `s${seed}o${op}`);
        for (const to of HONEST) for (let k = 0; k < 3; k++) net.inject(EVIL, to, hostileMessage(rng));
        net.deliver(Math.floor(rng() * 20));
      }
      net.heal();
      net.flush();
      net.clock.advance(60_000);
      for (const id of HONEST) net.peers.get(id)!.room.tick();
      net.flush();
      const texts = new Set(HONEST.map((id) => canonical(net.peers.get(id)!.doc)));
      const stillConnected = HONEST.filter((id) => net.peers.get(id)!.room.peerIds.includes(EVIL));
      for (const id of HONEST) {
        const room = net.peers.get(id)!.room;
        for (const other of room.peerIds) honestOffences += room.peer(other)!.stats.offences;
      }
      drops += HONEST.length - stillConnected.length;
      if (texts.size !== 1 || stillConnected.length > 0) {
        throw new Error(
          `seed ${seed}: ${texts.size} distinct documents, evil still connected to ${stillConnected.join(',')}`,
        );
      }
    }
    // Honest peers never struck each other; every honest peer dropped the hostile one in every seed.
    expect(honestOffences).toBe(0);
    expect(drops).toBe(SEEDS * HONEST.length);
  });
});
