import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createCard, rootMaps } from '../../../../shared/doc';
import type { CardId } from '../../../../shared/model';
import {
  ManualClock,
  StrikePolicy,
  SyncRoom,
  encodeSyncUpdate,
  linkViewOf,
  relayTargets,
  topologyEdges,
} from '../../../../shared/sync';
import { seededRandom } from '../../../../shared/util/seeded-random';

const peers = ['hub', 'a', 'b', 'c'];

describe('relayTargets', () => {
  it('sends a local change to every neighbour', () => {
    expect(relayTargets(linkViewOf('a', topologyEdges(peers, 'mesh')), null).sort()).toEqual([
      'b',
      'c',
      'hub',
    ]);
  });

  it('forwards nothing received in a full mesh (the author reached everyone)', () => {
    const view = linkViewOf('a', topologyEdges(peers, 'mesh'));
    for (const from of ['hub', 'b', 'c']) expect(relayTargets(view, from)).toEqual([]);
  });

  it('in a star, the hub forwards a participant’s update to the other participants, and participants forward nothing', () => {
    const edges = topologyEdges(peers, 'star');
    expect(relayTargets(linkViewOf('hub', edges), 'a').sort()).toEqual(['b', 'c']);
    expect(relayTargets(linkViewOf('a', edges), 'hub')).toEqual([]);
  });

  it('on a chain, forwards onward and never back to the sender', () => {
    const edges: [string, string][] = [
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'd'],
    ];
    expect(relayTargets(linkViewOf('b', edges), 'a')).toEqual(['c']);
    expect(relayTargets(linkViewOf('c', edges), 'b')).toEqual(['d']);
  });
});

describe('StrikePolicy', () => {
  it('drops a peer once its weighted strikes in the window reach the limit, and forgets old strikes', () => {
    const clock = new ManualClock();
    const policy = new StrikePolicy(clock, { dropAt: 3, windowMs: 1000 });
    expect(policy.strike('x', 'malformed')).toEqual({ strikes: 1, drop: false });
    clock.advance(1000);
    expect(policy.strike('x', 'malformed')).toEqual({ strikes: 1, drop: false });
    expect(policy.strike('x', 'update-rejected')).toEqual({ strikes: 3, drop: true });
    expect(policy.strikes('y')).toBe(0);
  });
});

describe('SyncRoom', () => {
  it('drops a peer that keeps sending garbage and ignores it afterwards', () => {
    const clock = new ManualClock();
    const doc = new Y.Doc();
    const dropped: string[] = [];
    const room = new SyncRoom({ doc, clock, random: seededRandom(3), onDropPeer: (id) => dropped.push(id) });
    room.addPeer('bad', () => undefined);
    for (let i = 0; i < 10; i++) room.receive('bad', Uint8Array.of(0, 2, 40, 1));
    expect(dropped).toEqual(['bad']);
    expect(room.peerIds).toEqual([]);
    room.receive('bad', Uint8Array.of(0xff));
    room.destroy();
  });

  it('relays a peer’s update to a peer not linked to it, and not back', () => {
    const clock = new ManualClock();
    const doc = new Y.Doc();
    const out = new Map<string, Uint8Array[]>([
      ['a', []],
      ['b', []],
    ]);
    const room = new SyncRoom({ doc, clock, random: seededRandom(4), linked: () => false });
    for (const id of ['a', 'b']) room.addPeer(id, (m) => out.get(id)!.push(m));
    out.forEach((v) => (v.length = 0));
    const remote = new Y.Doc();
    createCard(remote, { id: 'c' as CardId, kind: 'need', x: 0, y: 0 }, { participantId: 'p', role: null });
    const message = encodeSyncUpdate(Y.encodeStateAsUpdate(remote));
    room.receive('a', message);
    expect(rootMaps(doc).cards.has('c')).toBe(true);
    expect(out.get('a')).toEqual([]);
    expect(out.get('b')).toHaveLength(1);
    // The same update again is not new, so it is not relayed again.
    room.receive('a', message);
    expect(out.get('b')).toHaveLength(1);
    room.destroy();
  });
});
