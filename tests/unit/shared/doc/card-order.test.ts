import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DocumentIndex, cardsInZOrder, createCard, deleteItems, updateCard } from '../../../../shared/doc';
import type { CardId } from '../../../../shared/model';

const author = { participantId: 'p', role: null };
const sorted = (index: DocumentIndex) =>
  [...index.getSnapshot().cards.values()]
    .sort((a, b) => (a.z < b.z ? -1 : a.z > b.z ? 1 : a.id < b.id ? -1 : 1))
    .map((c) => c.id);

describe('z order carried between snapshots', () => {
  it('always equals a fresh sort, whatever sequence of small edits happens', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom('add', 'move', 'retext', 'restack', 'delete'),
            fc.nat(),
            fc.string({ minLength: 1, maxLength: 3 }),
          ),
          { maxLength: 40 },
        ),
        (ops) => {
          const doc = new Y.Doc();
          const index = new DocumentIndex(doc);
          const ids: CardId[] = [];
          for (let i = 0; i < 12; i++) ids.push(createCard(doc, { kind: 'note', x: i, y: 0 }, author));
          for (const [op, n, text] of ops) {
            cardsInZOrder(index.getSnapshot()); // ask for the order, as the board does every frame
            const id = ids[n % ids.length]!;
            if (op === 'add') ids.push(createCard(doc, { kind: 'need', x: n, y: n }, author));
            else if (op === 'move') updateCard(doc, id, { x: n });
            else if (op === 'retext') updateCard(doc, id, { text });
            else if (op === 'restack') updateCard(doc, id, { z: `a${text.replace(/[^0-9A-Za-z]/g, 'x')}` });
            else deleteItems(doc, [id]);
            expect(cardsInZOrder(index.getSnapshot()).map((c) => c.id)).toEqual(sorted(index));
          }
        },
      ),
      { seed: 20261125, numRuns: 150 },
    );
  });

  it('hands out the new card objects, not stale ones', () => {
    const doc = new Y.Doc();
    const index = new DocumentIndex(doc);
    const a = createCard(doc, { kind: 'note', x: 0, y: 0, text: 'before' }, author);
    cardsInZOrder(index.getSnapshot());
    updateCard(doc, a, { text: 'after' });
    expect(cardsInZOrder(index.getSnapshot())[0]?.text).toBe('after');
  });
});
