import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ORIGIN, createCard, rootMaps } from '../../../../shared/doc';
import type { CardId } from '../../../../shared/model';
import { DEFAULT_UPDATE_LIMITS, applyUntrustedUpdate, decodeGate } from '../../../../shared/sync';

const author = { participantId: 'p', role: null };
const peer = { kind: 'dreamboard:peer', peerId: 'remote' } as const;

function updateWithCard(text: string): Uint8Array {
  const doc = new Y.Doc();
  createCard(doc, { id: 'c1' as CardId, kind: 'need', x: 0, y: 0, text }, author);
  return Y.encodeStateAsUpdate(doc);
}

describe('applyUntrustedUpdate', () => {
  it('applies a valid update with the peer as origin', () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (t: Y.Transaction) => origins.push(t.origin));
    expect(applyUntrustedUpdate(doc, updateWithCard('hi'), DEFAULT_UPDATE_LIMITS, peer)).toEqual({
      applied: true,
    });
    expect(rootMaps(doc).cards.get('c1')?.get('text')).toBe('hi');
    expect(origins).toEqual([peer]);
  });

  it("is never undone by the local user's undo", () => {
    const doc = new Y.Doc();
    const undo = new Y.UndoManager([rootMaps(doc).cards], {
      trackedOrigins: new Set([ORIGIN.local]),
      captureTimeout: 0,
    });
    createCard(doc, { id: 'mine' as CardId, kind: 'need', x: 0, y: 0 }, author);
    applyUntrustedUpdate(doc, updateWithCard('theirs'), DEFAULT_UPDATE_LIMITS, peer);
    undo.undo();
    expect([...rootMaps(doc).cards.keys()]).toEqual(['c1']);
  });

  it('refuses an update over the size limit before decoding it', () => {
    const doc = new Y.Doc();
    const update = updateWithCard('x'.repeat(500));
    const result = applyUntrustedUpdate(
      doc,
      update,
      { ...DEFAULT_UPDATE_LIMITS, maxUpdateBytes: 100 },
      peer,
      () => {
        throw new Error('the gate must not run');
      },
    );
    expect(result).toMatchObject({ applied: false, offence: 'oversized' });
    expect(rootMaps(doc).cards.size).toBe(0);
  });

  it('refuses an update with more structs than allowed', () => {
    const result = applyUntrustedUpdate(
      new Y.Doc(),
      updateWithCard('x'),
      { ...DEFAULT_UPDATE_LIMITS, maxStructs: 2 },
      peer,
    );
    expect(result).toMatchObject({ applied: false, offence: 'malformed' });
  });

  it('refuses garbage and truncated updates without throwing, leaving the document as it was', () => {
    const valid = updateWithCard('hello');
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 200 }),
          fc.integer({ min: 0, max: valid.length - 1 }).map((n) => valid.slice(0, n)),
          fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 })).map(([i, b]) => {
            const m = valid.slice();
            m[i] = b;
            return m;
          }),
        ),
        (bytes) => {
          const doc = new Y.Doc();
          const result = applyUntrustedUpdate(doc, bytes, DEFAULT_UPDATE_LIMITS, peer);
          if (!result.applied) expect(['malformed', 'apply-failed']).toContain(result.offence);
        },
      ),
      { seed: 21, numRuns: 1500 },
    );
  });

  it('the default gate decodes without applying', () => {
    expect(decodeGate(updateWithCard('a'), DEFAULT_UPDATE_LIMITS)).toEqual({ ok: true });
    expect(decodeGate(Uint8Array.of(1, 200, 200, 200), DEFAULT_UPDATE_LIMITS)).toMatchObject({ ok: false });
  });
});
