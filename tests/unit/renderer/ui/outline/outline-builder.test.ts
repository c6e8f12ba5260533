import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createCard,
  createConnector,
  createFrame,
  deleteItems,
  DocumentIndex,
  updateCard,
  updateFrame,
  zKeysBetween,
} from '../../../../../shared/doc';
import type { CardId, FrameId } from '../../../../../shared/model';
import {
  buildOutline,
  createOutlineBuilder,
  pathTo,
  pathToRecord,
  type OutlineNode,
} from '../../../../../renderer/ui/outline/outline-model';
import { mountedRuns } from '../../../../../renderer/ui/outline/use-row-window';
import { seededRandom } from '../../../../../shared/util/seeded-random';

const author = { participantId: 'tester', role: null } as const;

/** The tree as plain data (keys, record ids, children), for comparing two builds. */
const shape = (nodes: readonly OutlineNode[]): unknown =>
  nodes.map((n) => ({
    key: n.key,
    type: n.type,
    record:
      n.type === 'card'
        ? n.card
        : n.type === 'frame'
          ? n.frame
          : n.type === 'link'
            ? [n.connector, n.other]
            : null,
    children: shape(n.children),
  }));

function setup() {
  const doc = new Y.Doc();
  const frames: FrameId[] = [0, 1, 2].map((i) =>
    createFrame(doc, { title: `Frame ${i}`, x: i * 1200, y: 0, w: 1000, h: 700 }),
  );
  const cards: CardId[] = [];
  for (let i = 0; i < 30; i++)
    cards.push(
      createCard(
        doc,
        { kind: 'note', x: i * 10, y: 60, text: `card ${i}`, frame: i % 4 === 3 ? null : frames[i % 3]! },
        author,
      ),
    );
  for (let i = 0; i < 8; i++)
    createConnector(doc, {
      from: cards[i]!,
      to: cards[(i * 7 + 3) % 30]!,
      kind: 'contributes-to',
      label: '',
    });
  return { doc, frames, cards, index: new DocumentIndex(doc) };
}

describe('createOutlineBuilder', () => {
  it('builds the same tree incrementally as from scratch over random edits', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rnd = seededRandom(seed);
      const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
      const { doc, frames, cards, index } = setup();
      const build = createOutlineBuilder();
      const zs = zKeysBetween(null, null, 4);
      for (let step = 0; step < 60; step++) {
        const live = [...index.getSnapshot().cards.keys()];
        const r = rnd();
        if (r < 0.3 && live.length > 0) updateCard(doc, pick(live), { text: `edit ${step}` });
        else if (r < 0.45 && live.length > 0)
          updateCard(doc, pick(live), { frame: rnd() < 0.25 ? null : pick(frames) });
        else if (r < 0.6 && live.length > 0) updateCard(doc, pick(live), { z: pick(zs) });
        else if (r < 0.72)
          cards.push(
            createCard(
              doc,
              { kind: 'need', x: 0, y: 0, text: `new ${step}`, frame: rnd() < 0.3 ? null : pick(frames) },
              author,
            ),
          );
        else if (r < 0.82 && live.length > 0) deleteItems(doc, [pick(live)]);
        else if (r < 0.92 && live.length > 1)
          createConnector(doc, { from: pick(live), to: pick(live), kind: 'depends-on', label: '' });
        else if (r < 0.95) updateFrame(doc, pick(frames), { title: `renamed ${step}` });
        else if (r < 0.96)
          deleteItems(doc, [pick(frames)]); // its cards, if left, are listed as loose
        else deleteItems(doc, [...index.getSnapshot().connectors.keys()].slice(0, 1));
        const snapshot = index.getSnapshot();
        const incremental = build(snapshot);
        expect(shape(incremental), `seed ${seed}, step ${step}`).toEqual(shape(buildOutline(snapshot)));
      }
    }
  });

  it('keeps the nodes of records that did not change, so their rows do not re-render', () => {
    const { doc, frames, cards, index } = setup();
    const build = createOutlineBuilder();
    const before = build(index.getSnapshot());
    updateCard(doc, cards[0]!, { text: 'changed' });
    const after = build(index.getSnapshot());
    const edited = after[0]!.children.find((n) => n.key === cards[0]);
    expect(edited?.type === 'card' && edited.card.text).toBe('changed');
    // Other frames keep their node; in the edited frame, untouched cards keep theirs.
    expect(after[1]).toBe(before[1]);
    expect(after[2]).toBe(before[2]);
    const untouched = after[0]!.children.filter((n) => n.key !== cards[0] && n.children.length === 0);
    expect(untouched.length).toBeGreaterThan(0);
    for (const n of untouched) expect(before[0]!.children).toContain(n);
    expect(frames).toHaveLength(3);
  });

  it('returns the same array for the same snapshot', () => {
    const { index } = setup();
    const build = createOutlineBuilder();
    expect(build(index.getSnapshot())).toBe(build(index.getSnapshot()));
  });
});

describe('pathToRecord', () => {
  it('agrees with walking the tree for frames, cards, connections and unknown ids', () => {
    const { index } = setup();
    const snapshot = index.getSnapshot();
    const nodes = buildOutline(snapshot);
    const ids = [...snapshot.frames.keys(), ...snapshot.cards.keys(), ...snapshot.connectors.keys(), 'nope'];
    for (const id of ids) expect(pathToRecord(snapshot, nodes, id), id).toEqual(pathTo(nodes, id));
  });
});

describe('mountedRuns', () => {
  it('mounts the window alone when the pinned rows are inside it', () => {
    expect(mountedRuns({ start: 10, end: 40, rowHeight: 36 }, 1000, [12, -1])).toEqual([[10, 40]]);
  });

  it('keeps the focused row mounted above or below the window, in order', () => {
    expect(mountedRuns({ start: 100, end: 140, rowHeight: 36 }, 1000, [3, 900, 900])).toEqual([
      [3, 4],
      [100, 140],
      [900, 901],
    ]);
  });

  it('ignores pinned indexes outside the list', () => {
    expect(mountedRuns({ start: 0, end: 5, rowHeight: 36 }, 5, [7, -1])).toEqual([[0, 5]]);
  });
});
