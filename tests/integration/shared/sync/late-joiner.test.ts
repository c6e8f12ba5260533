import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createCards } from '../../../../shared/doc';
import { CARD_KINDS, type CardId } from '../../../../shared/model';
import { DATA_CHANNEL_MAX_BYTES, ManualClock, SyncPeerProtocol } from '../../../../shared/sync';
import { canonical, seededRandom } from './sim';

/**
 * The case stock y-webrtc loses: a joiner's sync step 2 for a large workshop is one message of
 * megabytes, which Chromium refuses. Here it must arrive in chunks, none over 256 KiB.
 */

describe('a late joiner to a 10,000-card workshop', () => {
  it('receives the whole document through chunks no larger than the data-channel limit', () => {
    const seed = 10_000;
    const rng = seededRandom(seed);
    const clock = new ManualClock();
    const host = new Y.Doc();
    host.clientID = 1;
    createCards(
      host,
      Array.from({ length: 10_000 }, (_, i) => ({
        id: `card${i}` as CardId,
        kind: CARD_KINDS[i % CARD_KINDS.length]!,
        x: Math.round(rng() * 20_000),
        y: Math.round(rng() * 20_000),
        text: `Card ${i}: what people told us about the service, in their own words`,
      })),
      { participantId: 'host', role: null },
    );
    const joiner = new Y.Doc();
    joiner.clientID = 2;

    const wire: Uint8Array[] = [];
    const queue: { to: 'host' | 'joiner'; bytes: Uint8Array }[] = [];
    const hostSide: SyncPeerProtocol = new SyncPeerProtocol({
      doc: host,
      peerId: 'joiner',
      clock,
      random: rng,
      send: (bytes) => {
        wire.push(bytes);
        queue.push({ to: 'joiner', bytes });
      },
    });
    const joinerSide: SyncPeerProtocol = new SyncPeerProtocol({
      doc: joiner,
      peerId: 'host',
      clock,
      random: rng,
      send: (bytes) => {
        wire.push(bytes);
        queue.push({ to: 'host', bytes });
      },
    });
    hostSide.start();
    joinerSide.start();
    for (let m = queue.shift(); m; m = queue.shift())
      (m.to === 'host' ? hostSide : joinerSide).receive(m.bytes);

    const stateBytes = Y.encodeStateAsUpdate(host).byteLength;
    const largest = Math.max(...wire.map((b) => b.byteLength));
    console.log(
      `late joiner (seed ${seed}): state ${(stateBytes / 1024 / 1024).toFixed(2)} MiB in ${hostSide.stats.chunksOut} chunks, largest message ${largest} bytes`,
    );
    expect(stateBytes).toBeGreaterThan(DATA_CHANNEL_MAX_BYTES);
    expect(largest).toBeLessThanOrEqual(DATA_CHANNEL_MAX_BYTES);
    expect(hostSide.stats.chunkedOut).toBe(1);
    expect(joinerSide.synced).toBe(true);
    expect(joinerSide.stats.offences).toBe(0);
    expect(joiner.getMap('cards').size).toBe(10_000);
    expect(canonical(joiner)).toBe(canonical(host));
  });
});
