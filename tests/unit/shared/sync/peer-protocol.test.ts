import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createCard, rootMaps } from '../../../../shared/doc';
import type { CardId } from '../../../../shared/model';
import {
  ManualClock,
  SyncPeerProtocol,
  decodeMessage,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncUpdate,
  isPeerOrigin,
  splitMessage,
  type GateVerdict,
  type Offence,
  type SyncPeerOptions,
} from '../../../../shared/sync';
import { seededRandom } from '../../../../shared/util/seeded-random';

const author = { participantId: 'p', role: null };

function cardUpdate(id: string, text = 'x'.repeat(20)): Uint8Array {
  const doc = new Y.Doc();
  createCard(doc, { id: id as CardId, kind: 'need', x: 0, y: 0, text }, author);
  return Y.encodeStateAsUpdate(doc);
}

function setup(options: Partial<SyncPeerOptions> = {}) {
  const clock = new ManualClock();
  const doc = new Y.Doc();
  const sent: Uint8Array[] = [];
  const offences: Offence[] = [];
  const peer = new SyncPeerProtocol({
    doc,
    peerId: 'remote',
    clock,
    random: seededRandom(1),
    send: (b) => sent.push(b),
    onOffence: (o) => offences.push(o),
    ...options,
  });
  return { clock, doc, sent, offences, peer };
}

describe('SyncPeerProtocol', () => {
  it('answers a state vector with exactly the diff, as y-protocols does', () => {
    const { doc, sent, peer } = setup();
    createCard(doc, { id: 'a' as CardId, kind: 'need', x: 0, y: 0 }, author);
    const remote = new Y.Doc();
    peer.receive(encodeSyncStep1(remote));
    expect(sent).toEqual([encodeSyncStep2(doc, Y.encodeStateVector(remote))]);
  });

  it('applies updates with the peer as origin and marks itself synced on step 2', () => {
    const origins: unknown[] = [];
    const synced: boolean[] = [];
    const { doc, peer } = setup({ onSynced: () => synced.push(true) });
    doc.on('afterTransaction', (t: Y.Transaction) => origins.push(t.origin));
    peer.receive(encodeSyncStep2(new Y.Doc(), new Uint8Array([0])));
    peer.receive(encodeSyncUpdate(cardUpdate('c')));
    expect(rootMaps(doc).cards.has('c')).toBe(true);
    expect(origins.every(isPeerOrigin)).toBe(true);
    expect(peer.synced).toBe(true);
    expect(synced).toEqual([true]);
  });

  it('ignores the empty answer of a stock client and unknown message types, without an offence or a reply', () => {
    const { sent, offences, peer } = setup();
    peer.receive(new Uint8Array(0));
    peer.receive(Uint8Array.of(77, 1, 2, 3));
    expect(sent).toEqual([]);
    expect(offences).toEqual([]);
    expect(peer.stats.ignored).toBe(2);
  });

  it('sends large messages in chunks and reassembles them on the other side', () => {
    const a = setup({ limits: { maxWireBytes: 300 } });
    const b = setup({ limits: { maxWireBytes: 300 } });
    const update = cardUpdate('big', 'y'.repeat(5000));
    a.peer.sendUpdate(update);
    expect(a.sent.length).toBeGreaterThan(1);
    expect(Math.max(...a.sent.map((m) => m.byteLength))).toBeLessThanOrEqual(300);
    for (const m of a.sent) b.peer.receive(m);
    expect(rootMaps(b.doc).cards.get('big')?.get('text')).toBe('y'.repeat(5000));
    expect(b.peer.stats.chunkedIn).toBe(1);
  });

  it('refuses an oversized update and one the gate rejects, leaving the document unchanged', () => {
    const small = setup({ limits: { maxUpdateBytes: 50 } });
    small.peer.receive(encodeSyncUpdate(cardUpdate('c')));
    expect(small.offences).toEqual(['oversized']);
    const gated = setup({ gate: () => ({ ok: false, reason: 'watchdog timeout' }) });
    gated.peer.receive(encodeSyncUpdate(cardUpdate('c')));
    expect(gated.offences).toEqual(['update-rejected']);
    expect(rootMaps(small.doc).cards.size + rootMaps(gated.doc).cards.size).toBe(0);
  });

  it('counts a chunk inside a chunked message as a protocol violation', () => {
    const { offences, peer } = setup();
    const inner = splitMessage(new Uint8Array(500).fill(1), 0, 100)[0]!;
    // A chunked message whose content is itself a chunk: no honest sender builds that.
    for (const part of splitMessage(inner, 5, inner.length - 1)) peer.receive(part);
    expect(offences).toContain('protocol-violation');
  });

  it('keeps updates in order behind an asynchronous gate (the watchdog)', async () => {
    const resolvers: ((v: GateVerdict) => void)[] = [];
    const { doc, peer } = setup({
      gate: () => new Promise<GateVerdict>((resolve) => resolvers.push(resolve)),
    });
    const base = new Y.Doc();
    createCard(base, { id: 'c' as CardId, kind: 'need', x: 0, y: 0, text: 'one' }, author);
    const first = Y.encodeStateAsUpdate(base);
    const sv = Y.encodeStateVector(base);
    rootMaps(base).cards.get('c')!.set('text', 'two');
    const second = Y.encodeStateAsUpdate(base, sv);
    peer.receive(encodeSyncUpdate(first));
    peer.receive(encodeSyncUpdate(second));
    expect(resolvers).toHaveLength(2);
    resolvers[1]!({ ok: true });
    resolvers[0]!({ ok: true });
    await Promise.resolve();
    await new Promise((r) => setImmediate(r));
    expect(rootMaps(doc).cards.get('c')?.get('text')).toBe('two');
    expect(peer.stats.updatesApplied).toBe(2);
  });

  it('exchanges state vectors again at jittered intervals on the injected clock', () => {
    const { clock, sent, peer } = setup({ limits: { antiEntropyIntervalMs: 1000, antiEntropyJitter: 0.5 } });
    peer.start();
    const times: number[] = [];
    for (let t = 0; t < 20_000; t += 10) {
      clock.advance(10);
      const before = sent.length;
      peer.tick();
      if (sent.length > before) times.push(clock.now());
    }
    const gaps = times.map((t, i) => t - (times[i - 1] ?? 0));
    expect(gaps.every((g) => g >= 500 && g <= 1510)).toBe(true);
    expect(new Set(gaps).size).toBeGreaterThan(3);
    expect(sent.every((m) => decodeMessage(m).ok)).toBe(true);
    expect(peer.stats.antiEntropyRounds).toBe(times.length);
  });

  it('stops answering state vectors sent too often (amplification), and answers again a minute later', () => {
    const { clock, sent, offences, peer } = setup({ limits: { maxStateVectorAnswersPerMinute: 3 } });
    for (let i = 0; i < 5; i++) peer.receive(encodeSyncStep1(new Y.Doc()));
    expect(sent).toHaveLength(3);
    expect(offences).toEqual(['protocol-violation', 'protocol-violation']);
    clock.advance(60_000);
    peer.receive(encodeSyncStep1(new Y.Doc()));
    expect(sent).toHaveLength(4);
  });

  it('refuses at construction a wire limit too small for a chunk header', () => {
    expect(() => setup({ limits: { maxWireBytes: 40 } })).toThrow(RangeError);
  });

  it('counts a failing send instead of throwing', () => {
    const { peer } = setup({
      send: () => {
        throw new Error('channel closed');
      },
    });
    peer.start();
    expect(peer.stats.sendErrors).toBe(1);
  });

  it('never throws, whatever a hostile peer sends', () => {
    const valid = [
      encodeSyncUpdate(cardUpdate('c')),
      encodeSyncStep1(new Y.Doc()),
      ...splitMessage(encodeSyncUpdate(cardUpdate('d', 'z'.repeat(400))), 3, 100),
    ];
    const { peer, offences } = setup({ limits: { maxWireBytes: 100 } });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 300 }),
          fc.tuple(fc.constantFrom(...valid), fc.nat(), fc.integer({ min: 0, max: 255 })).map(([m, i, b]) => {
            const copy = m.slice();
            copy[i % copy.length] = b;
            return copy;
          }),
          fc.tuple(fc.constantFrom(...valid), fc.nat()).map(([m, n]) => m.slice(0, n % m.length)),
        ),
        (bytes) => {
          expect(() => peer.receive(bytes)).not.toThrow();
        },
      ),
      { seed: 31, numRuns: 3000 },
    );
    expect(offences.length).toBeGreaterThan(0);
  });
});
