import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createCard, rootMaps, updateCard } from '../../../../shared/doc';
import type { CardId } from '../../../../shared/model';
import { ManualClock, SyncRoom } from '../../../../shared/sync';
import { canonical, seededRandom } from './sim';
import { StockPeer } from './stock-peer';

const author = { participantId: 'p', role: null };

function pair() {
  const clock = new ManualClock();
  const ours = new Y.Doc();
  ours.clientID = 1;
  const theirs = new Y.Doc();
  theirs.clientID = 2;
  const queue: (() => void)[] = [];
  const room = new SyncRoom({ doc: ours, clock, random: seededRandom(9) });
  const stock = new StockPeer(theirs, (bytes) => queue.push(() => room.receive('stock', bytes)));
  room.addPeer('stock', (bytes) => queue.push(() => stock.receive(bytes)));
  stock.connect();
  const flush = () => {
    for (let m = queue.shift(); m; m = queue.shift()) m();
  };
  flush();
  return { clock, ours, theirs, room, stock, flush };
}

describe('a stock y-webrtc client in the room', () => {
  it('syncs both ways with Dreamboard, including anti-entropy', () => {
    const { ours, theirs, room, clock, flush } = pair();
    createCard(ours, { id: 'a' as CardId, kind: 'need', x: 0, y: 0, text: 'ours' }, author);
    createCard(theirs, { id: 'b' as CardId, kind: 'strength', x: 5, y: 5, text: 'theirs' }, author);
    flush();
    updateCard(theirs, 'a' as CardId, { text: 'edited by stock' });
    flush();
    clock.advance(60_000);
    room.tick();
    flush();
    expect(canonical(theirs)).toBe(canonical(ours));
    expect(rootMaps(ours).cards.get('a')?.get('text')).toBe('edited by stock');
    expect(room.peer('stock')!.stats.offences).toBe(0);
    expect(room.peer('stock')!.synced).toBe(true);
  });

  it('survives our chunks: it answers each with an empty message, which we ignore without a strike', () => {
    const { ours, theirs, room, stock, flush } = pair();
    createCard(ours, { id: 'big' as CardId, kind: 'need', x: 0, y: 0, text: 'x'.repeat(600_000) }, author);
    expect(() => flush()).not.toThrow();
    const stats = room.peer('stock')!.stats;
    expect(stats.chunksOut).toBeGreaterThan(1);
    expect(stock.unknown).toBe(stats.chunksOut);
    expect(stats.ignored).toBe(stats.chunksOut);
    expect(stats.offences).toBe(0);
    expect(room.peerIds).toEqual(['stock']);
    // As with stock y-webrtc itself (Chromium drops the message), the stock client lacks the big card.
    expect(rootMaps(theirs).cards.has('big')).toBe(false);
  });
});
