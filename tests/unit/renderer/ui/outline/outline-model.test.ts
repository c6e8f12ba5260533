import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createCard,
  createConnector,
  createFrame,
  DocumentIndex,
  updateCard,
} from '../../../../../shared/doc';
import type { CardId, FrameId } from '../../../../../shared/model';
import {
  buildOutline,
  cardTitle,
  linkText,
  LOOSE_KEY,
  pathTo,
  visibleRows,
  type LinkNode,
} from '../../../../../renderer/ui/outline/outline-model';
import { treeMove } from '../../../../../renderer/ui/outline/tree-keys';
import { verbForKey, verbsFor } from '../../../../../renderer/ui/outline/outline-commands';

const author = { participantId: 'tester', role: null } as const;

function board() {
  const doc = new Y.Doc();
  const today = createFrame(doc, { title: 'Today', x: 0, y: 0, w: 1000, h: 700 });
  const dream = createFrame(doc, { title: 'The dream', x: 1200, y: 0, w: 1000, h: 700 });
  const need = createCard(
    doc,
    { kind: 'need', x: 20, y: 60, text: 'A safe place to stay', frame: today },
    author,
  );
  const service = createCard(
    doc,
    { kind: 'service', x: 260, y: 60, text: 'Night shelter', frame: today },
    author,
  );
  const outcome = createCard(
    doc,
    { kind: 'outcome', x: 1220, y: 60, text: 'Fewer evictions', frame: dream },
    author,
  );
  const loose = createCard(doc, { kind: 'note', x: 3000, y: 0, text: '' }, author);
  const link = createConnector(doc, { from: service, to: outcome, kind: 'contributes-to', label: '' });
  const index = new DocumentIndex(doc);
  return { doc, index, today, dream, need, service, outcome, loose, link };
}

describe('buildOutline', () => {
  it('lists frames in z order with their cards, then loose cards under "Not in a frame"', () => {
    const b = board();
    const nodes = buildOutline(b.index.getSnapshot());
    expect(nodes.map((n) => n.key)).toEqual([b.today, b.dream, LOOSE_KEY]);
    expect(nodes[0]!.children.map((n) => n.key)).toEqual([b.need, b.service]);
    expect(nodes[2]!.children.map((n) => n.key)).toEqual([b.loose]);
  });

  it('lists a connection under both cards, worded from each side', () => {
    const b = board();
    const nodes = buildOutline(b.index.getSnapshot());
    const serviceNode = nodes[0]!.children[1]!;
    const outcomeNode = nodes[1]!.children[0]!;
    expect(linkText(serviceNode.children[0] as LinkNode)).toBe('contributes to: Fewer evictions');
    expect(linkText(outcomeNode.children[0] as LinkNode)).toBe('Night shelter contributes to this');
  });

  it('names an empty card by its kind', () => {
    const b = board();
    expect(cardTitle(b.index.getSnapshot().cards.get(b.loose)!)).toBe('Empty note card');
  });

  it('lists a card whose frame is missing as loose instead of losing it', () => {
    const b = board();
    updateCard(b.doc, b.need, { frame: 'gone' as FrameId });
    const nodes = buildOutline(b.index.getSnapshot());
    expect(nodes.find((n) => n.key === LOOSE_KEY)!.children.map((n) => n.key)).toContain(b.need);
  });
});

describe('visibleRows', () => {
  it('opens frames and closes cards by default, with ARIA level, set size and position', () => {
    const b = board();
    const rows = visibleRows(buildOutline(b.index.getSnapshot()), new Map());
    expect(rows.map((r) => [r.key, r.level, r.posInSet, r.setSize])).toEqual([
      [b.today, 1, 1, 3],
      [b.need, 2, 1, 2],
      [b.service, 2, 2, 2],
      [b.dream, 1, 2, 3],
      [b.outcome, 2, 1, 1],
      [LOOSE_KEY, 1, 3, 3],
      [b.loose, 2, 1, 1],
    ]);
    expect(rows.find((r) => r.key === b.service)).toMatchObject({ expandable: true, expanded: false });
    expect(rows.find((r) => r.key === b.need)).toMatchObject({ expandable: false, expanded: false });
  });

  it('shows a card’s connections at level 3 when it is opened', () => {
    const b = board();
    const rows = visibleRows(buildOutline(b.index.getSnapshot()), new Map([[b.service as string, true]]));
    const i = rows.findIndex((r) => r.key === b.service);
    expect(rows[i + 1]).toMatchObject({ level: 3, parentKey: b.service });
  });

  it('finds the path to a connection so the board’s selection can be revealed', () => {
    const b = board();
    expect(pathTo(buildOutline(b.index.getSnapshot()), b.link)).toEqual([
      b.today,
      b.service,
      `${b.service}>${b.link}`,
    ]);
    expect(pathTo(buildOutline(b.index.getSnapshot()), 'nope')).toBeNull();
  });
});

describe('treeMove (WAI-ARIA tree keys)', () => {
  const rowsOf = (overrides = new Map<string, boolean>()) => {
    const b = board();
    return { b, rows: visibleRows(buildOutline(b.index.getSnapshot()), overrides) };
  };

  it('moves down and up through visible rows and stops at the ends', () => {
    const { b, rows } = rowsOf();
    expect(treeMove(rows, b.today, 'ArrowDown')).toEqual({ type: 'focus', key: b.need });
    expect(treeMove(rows, b.need, 'ArrowUp')).toEqual({ type: 'focus', key: b.today });
    expect(treeMove(rows, b.today, 'ArrowUp')).toBeNull();
    expect(treeMove(rows, b.loose, 'ArrowDown')).toBeNull();
  });

  it('jumps to the first and last rows with Home and End', () => {
    const { b, rows } = rowsOf();
    expect(treeMove(rows, b.service, 'Home')).toEqual({ type: 'focus', key: b.today });
    expect(treeMove(rows, b.service, 'End')).toEqual({ type: 'focus', key: b.loose });
  });

  it('Right opens a closed item, then moves to its first child', () => {
    const { b, rows } = rowsOf();
    expect(treeMove(rows, b.service, 'ArrowRight')).toEqual({ type: 'expand', key: b.service });
    expect(treeMove(rows, b.today, 'ArrowRight')).toEqual({ type: 'focus', key: b.need });
    expect(treeMove(rows, b.need, 'ArrowRight')).toBeNull();
  });

  it('Left closes an open item, or moves to the parent', () => {
    const { b, rows } = rowsOf();
    expect(treeMove(rows, b.today, 'ArrowLeft')).toEqual({ type: 'collapse', key: b.today });
    expect(treeMove(rows, b.need, 'ArrowLeft')).toEqual({ type: 'focus', key: b.today });
    const closed = visibleRows(buildOutline(b.index.getSnapshot()), new Map([[b.today as string, false]]));
    expect(treeMove(closed, b.today, 'ArrowLeft')).toBeNull();
  });

  it('starts from the first row when nothing is focused yet, and ignores other keys', () => {
    const { b, rows } = rowsOf();
    expect(treeMove(rows, null, 'ArrowDown')).toEqual({ type: 'focus', key: b.need });
    expect(treeMove(rows, b.today, 'x')).toBeNull();
    expect(treeMove([], null, 'ArrowDown')).toBeNull();
  });
});

describe('outline verbs', () => {
  it('offers card verbs on cards, add on groups, and nothing that edits a locked frame', () => {
    const b = board();
    const nodes = buildOutline(b.index.getSnapshot());
    expect(verbsFor(nodes[0]!.children[0]!)).toEqual(['edit', 'move', 'connect', 'kind', 'add', 'delete']);
    expect(verbsFor(nodes[2]!)).toEqual(['add']);
    const frameNode = nodes[0]!;
    if (frameNode.type !== 'frame') throw new Error('expected a frame first');
    expect(verbsFor({ ...frameNode, frame: { ...frameNode.frame, locked: true } })).toEqual(['add']);
  });

  it('maps the documented keys to verbs', () => {
    expect(['Enter', 'F2', 'a', 'M', 'k', 't', 'Delete', 'Backspace', 'x'].map(verbForKey)).toEqual([
      'edit',
      'edit',
      'add',
      'move',
      'connect',
      'kind',
      'delete',
      'delete',
      null,
    ]);
  });

  it('keeps card ids branded through the model', () => {
    const b = board();
    const id: CardId = b.need;
    expect(buildOutline(b.index.getSnapshot())[0]!.children[0]!.key).toBe(id);
  });
});
