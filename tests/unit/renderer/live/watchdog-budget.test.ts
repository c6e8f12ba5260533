import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeBudgetMs } from '../../../../renderer/live/watchdog-gate';
import { createCards } from '../../../../shared/doc';
import { CARD_KINDS, type CardId } from '../../../../shared/model';
import { DEFAULT_UPDATE_LIMITS, decodeGate } from '../../../../shared/sync';

/** The figures behind the watchdog's defaults (renderer/live/watchdog-gate.ts, WATCHDOG_DEFAULTS). */

const author = { participantId: 'p', role: null };
const limits = DEFAULT_UPDATE_LIMITS;

describe('the yjs #687 update', () => {
  it('hangs only the V2 decoder; read as V1, the only format the gate decodes, it ends at once', () => {
    // 28 bytes: run-length streams (info: GC for ever; length 1, 2^40 times) and a claim of 2^40
    // structs. Y.decodeUpdateV2 on it was still running after 8 s (yjs 13.6.33, tried by hand).
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    for (const stream of [[], [7], [], [], [0], [0], [], [], [0x41, 0x80, 0x80, 0x80, 0x80, 0x80, 0x20]])
      encoding.writeVarUint8Array(e, Uint8Array.from(stream));
    for (const n of [1, 2 ** 40, 0]) encoding.writeVarUint(e, n);
    const start = performance.now();
    decodeGate(encoding.toUint8Array(e), limits);
    expect(performance.now() - start).toBeLessThan(50);
  });
});

describe('the default budget', () => {
  it('is far above the decode time of a 10,000-card workshop', () => {
    const doc = new Y.Doc();
    createCards(
      doc,
      Array.from({ length: 10_000 }, (_, i) => ({
        id: `card${i}` as CardId,
        kind: CARD_KINDS[i % CARD_KINDS.length]!,
        x: (i * 37) % 20_000,
        y: (i * 91) % 20_000,
        text: `Card ${i}: what people told us about the service, in their own words`,
      })),
      author,
    );
    const update = Y.encodeStateAsUpdate(doc);
    const times: number[] = [];
    for (let run = 0; run < 3; run++) {
      const start = performance.now();
      expect(decodeGate(update, limits)).toEqual({ ok: true });
      times.push(performance.now() - start);
    }
    const best = Math.min(...times);
    const budget = decodeBudgetMs(update.byteLength);
    console.log(
      `10k cards: ${(update.byteLength / 1e6).toFixed(2)} MB, decode ${times.map((t) => t.toFixed(0)).join('/')} ms (Node), budget ${budget.toFixed(0)} ms`,
    );
    // A 10× margin is the aim (see WATCHDOG_DEFAULTS); 5× keeps this test steady on a busy machine.
    expect(best * 5).toBeLessThan(budget);
  });
});
