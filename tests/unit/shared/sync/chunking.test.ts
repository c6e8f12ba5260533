import * as fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CHUNK_LIMITS,
  MESSAGE,
  ManualClock,
  Reassembler,
  splitMessage,
  type ChunkLimits,
  type ChunkResult,
} from '../../../../shared/sync';

const body = (chunk: Uint8Array) => chunk.subarray(1); // after the varUint message type (100 is one byte)

function bytes(n: number, salt = 0): Uint8Array {
  return Uint8Array.from({ length: n }, (_, i) => (i * 31 + salt) & 0xff);
}

function rawChunk(h: {
  format?: number;
  id: number;
  index: number;
  count: number;
  total: number;
  payload: Uint8Array;
}): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, h.format ?? 0);
  encoding.writeVarUint(e, h.id);
  encoding.writeVarUint(e, h.index);
  encoding.writeVarUint(e, h.count);
  encoding.writeVarUint(e, h.total);
  encoding.writeVarUint8Array(e, h.payload);
  return encoding.toUint8Array(e);
}

function setup(limits: Partial<ChunkLimits> = {}) {
  const clock = new ManualClock();
  return { clock, r: new Reassembler({ ...DEFAULT_CHUNK_LIMITS, ...limits }, clock) };
}

describe('splitMessage', () => {
  it('returns a message that fits unchanged (the same bytes stock y-webrtc sends)', () => {
    const m = bytes(200);
    const parts = splitMessage(m, 0, 200);
    expect(parts).toHaveLength(1);
    expect(parts[0]).toBe(m);
  });

  it('cuts a larger message into chunks none longer than maxWireBytes', () => {
    const parts = splitMessage(bytes(10_000), 3, 500);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.byteLength).toBeLessThanOrEqual(500);
      expect(p[0]).toBe(MESSAGE.chunk);
    }
  });
});

describe('Reassembler', () => {
  it('round-trips any message through chunks in any order, with duplicates', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 100, max: 2_000 }),
        fc.integer({ min: 0, max: 2 ** 40 }),
        fc.infiniteStream(fc.nat()),
        (size, maxWire, id, randoms) => {
          const message = bytes(size, id);
          const parts = splitMessage(message, id, maxWire);
          if (parts.length === 1) return;
          const it = randoms[Symbol.iterator]();
          const next = () => it.next().value as number;
          const order = parts
            .map((p) => ({ p, k: next() }))
            .sort((a, b) => a.k - b.k)
            .map((x) => x.p);
          const withDuplicates = order.flatMap((p) => (next() % 4 === 0 ? [p, p] : [p]));
          const { r } = setup({ maxChunksInFlight: 1_000 });
          const results = withDuplicates.map((p) => r.accept(body(p)));
          const complete = results.filter(
            (x): x is Extract<ChunkResult, { kind: 'complete' }> => x.kind === 'complete',
          );
          expect(complete).toHaveLength(1);
          expect(complete[0]!.message).toEqual(message);
          expect(results.some((x) => x.kind === 'rejected')).toBe(false);
          expect(r.inFlight).toEqual({ messages: 0, chunks: 0 });
        },
      ),
      { seed: 11, numRuns: 300 },
    );
  });

  it('reassembles two interleaved messages', () => {
    const { r } = setup();
    const a = splitMessage(bytes(1000, 1), 1, 200);
    const b = splitMessage(bytes(900, 2), 2, 200);
    const done: Uint8Array[] = [];
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      for (const part of [a[i], b[i]]) {
        if (!part) continue;
        const res = r.accept(body(part));
        if (res.kind === 'complete') done.push(res.message);
      }
    }
    // The shorter message has fewer chunks and so completes first.
    expect(done).toEqual([bytes(900, 2), bytes(1000, 1)]);
  });

  it('treats a chunk of an already delivered message as a duplicate, not a new message', () => {
    const { r } = setup();
    const parts = splitMessage(bytes(600), 9, 200);
    for (const p of parts) r.accept(body(p));
    expect(r.accept(body(parts[0]!))).toEqual({ kind: 'duplicate' });
    expect(r.inFlight.messages).toBe(0);
  });

  it('never completes with a chunk missing, and drops it after the timeout on the injected clock', () => {
    const { r, clock } = setup({ incompleteTimeoutMs: 1_000 });
    const parts = splitMessage(bytes(1000), 1, 200);
    for (const p of parts.slice(1)) expect(r.accept(body(p)).kind).toBe('partial');
    clock.advance(999);
    expect(r.expire()).toBe(0);
    clock.advance(1);
    expect(r.expire()).toBe(1);
    expect(r.inFlight).toEqual({ messages: 0, chunks: 0 });
    expect(r.dropped).toBe(1);
  });

  it('evicts the least recently active message beyond maxIncompleteMessages', () => {
    const { r, clock } = setup({ maxIncompleteMessages: 2 });
    const msgs = [1, 2, 3].map((id) => splitMessage(bytes(600, id), id, 200));
    for (const m of msgs) {
      r.accept(body(m[0]!));
      clock.advance(10);
    }
    expect(r.inFlight.messages).toBe(2);
    // Message 1 was evicted: finishing it now never completes; 2 and 3 still do.
    for (const p of msgs[0]!.slice(1)) expect(r.accept(body(p)).kind).not.toBe('complete');
    expect(
      msgs[2]!
        .slice(1)
        .map((p) => r.accept(body(p)).kind)
        .pop(),
    ).toBe('complete');
  });

  it('holds at most maxChunksInFlight chunks whatever the peer sends', () => {
    const { r } = setup({ maxChunksInFlight: 10, maxIncompleteMessages: 100 });
    for (let id = 0; id < 50; id++) {
      const parts = splitMessage(bytes(2000, id), id, 200);
      r.accept(body(parts[0]!));
      r.accept(body(parts[1]!));
      expect(r.inFlight.chunks).toBeLessThanOrEqual(10);
    }
  });

  it.each([
    ['a total over maxMessageBytes', { id: 1, index: 0, count: 2, total: 10_000, payload: bytes(10) }],
    ['more chunks than allowed in flight', { id: 1, index: 0, count: 100, total: 1000, payload: bytes(10) }],
    ['an index beyond the count', { id: 1, index: 2, count: 2, total: 20, payload: bytes(10) }],
    ['an empty payload', { id: 1, index: 0, count: 2, total: 20, payload: bytes(0) }],
    ['zero chunks', { id: 1, index: 0, count: 0, total: 20, payload: bytes(10) }],
    ['an unknown chunk format', { format: 7, id: 1, index: 0, count: 2, total: 20, payload: bytes(10) }],
    ['a payload longer than the total', { id: 1, index: 0, count: 2, total: 5, payload: bytes(10) }],
  ])('rejects a chunk with %s', (_name, header) => {
    const { r } = setup({ maxMessageBytes: 5_000, maxChunksInFlight: 50 });
    expect(r.accept(rawChunk(header)).kind).toBe('rejected');
  });

  it('rejects a chunk whose header disagrees with earlier chunks of the same message', () => {
    const { r } = setup();
    expect(r.accept(rawChunk({ id: 1, index: 0, count: 3, total: 30, payload: bytes(10) })).kind).toBe(
      'partial',
    );
    expect(r.accept(rawChunk({ id: 1, index: 1, count: 3, total: 31, payload: bytes(10) })).kind).toBe(
      'rejected',
    );
  });

  it('rejects chunks that add up to less than the announced total', () => {
    const { r } = setup();
    r.accept(rawChunk({ id: 1, index: 0, count: 2, total: 30, payload: bytes(10) }));
    expect(r.accept(rawChunk({ id: 1, index: 1, count: 2, total: 30, payload: bytes(10) })).kind).toBe(
      'rejected',
    );
  });

  it('never throws on arbitrary chunk bodies', () => {
    const { r } = setup({ maxChunksInFlight: 20 });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (b) => {
        r.accept(b);
        expect(r.inFlight.chunks).toBeLessThanOrEqual(20);
      }),
      { seed: 12, numRuns: 3000 },
    );
  });
});
