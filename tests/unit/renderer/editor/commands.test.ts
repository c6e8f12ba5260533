import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cardsInZOrder } from '../../../../shared/doc';
import type { CardId } from '../../../../shared/model';
import {
  align,
  commitBoxes,
  distribute,
  moveBy,
  moveCardsToFrame,
  reorder,
} from '../../../../renderer/editor/arrange-commands';
import {
  addCard,
  connectCards,
  deleteSelection,
  setCardField,
  setCardKind,
  setCardText,
  setFrameLocked,
} from '../../../../renderer/editor/edit-commands';
import { linkDocs, makeEditor, makeEditorWithFrames } from '../../../support/editor-fixture';

describe('editor commands', () => {
  it('adds a card into the frame at the view centre, selected, with provenance', () => {
    const { editor, today } = makeEditorWithFrames();
    editor.setCamera({ x: 100, y: 100, zoom: 1 }); // view centre at world (500, 300): inside Today
    const id = addCard(editor, 'need')!;
    const card = editor.card(id)!;
    expect(card.frame).toBe(today);
    expect(card.createdBy).toBe('tester');
    expect(card.createdRole).toBe('frontline');
    expect(editor.state.selection).toEqual(new Set([id]));
  });

  it('places successive cards in a frame without overlapping', () => {
    const { editor, dream } = makeEditorWithFrames();
    const ids = Array.from({ length: 6 }, () => addCard(editor, 'service', { frame: dream })!);
    const boxes = ids.map((id) => editor.card(id)!);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
        expect(overlap).toBe(false);
      }
    for (const b of boxes) expect(b.frame).toBe(dream);
  });

  it('makes one undo step per command, and undo restores exactly', () => {
    const editor = makeEditor();
    const id = addCard(editor, 'note', { at: { x: 0, y: 0 } })!;
    setCardText(editor, id, 'Hello');
    setCardField(editor, id, 'evidence', 'data');
    expect(editor.card(id)).toMatchObject({ text: 'Hello', fields: { evidence: 'data' } });
    editor.undo();
    expect(editor.card(id)?.fields).toEqual({});
    editor.undo();
    expect(editor.card(id)?.text).toBe('');
    editor.undo();
    expect(editor.card(id)).toBeUndefined();
    editor.redo();
    editor.redo();
    expect(editor.card(id)?.text).toBe('Hello');
  });

  it('never undoes a change made by another peer', () => {
    const remoteDoc = new Y.Doc();
    const editor = makeEditor();
    linkDocs(editor.session.doc, remoteDoc);
    const mine = addCard(editor, 'need', { at: { x: 0, y: 0 } })!;
    const remote = makeEditor(remoteDoc);
    const theirs = addCard(remote, 'strength', { at: { x: 400, y: 0 } })!;
    expect(editor.card(theirs)).toBeDefined();
    editor.undo();
    expect(editor.card(mine)).toBeUndefined();
    expect(editor.card(theirs)).toBeDefined();
  });

  it('commits a whole drag as one transaction and one undo step, joining the frame it lands in', () => {
    const { editor, today, dream } = makeEditorWithFrames();
    const a = addCard(editor, 'need', { frame: today })!;
    const b = addCard(editor, 'need', { frame: today })!;
    let transactions = 0;
    editor.session.doc.on('afterTransaction', () => transactions++);
    const moves = new Map([
      [a, { x: 1200, y: 100, w: 200, h: 120 }],
      [b, { x: 1450, y: 100, w: 200, h: 120 }],
    ]);
    commitBoxes(editor, moves);
    expect(transactions).toBe(1);
    expect(editor.card(a)?.frame).toBe(dream);
    expect(editor.card(b)?.frame).toBe(dream);
    editor.undo();
    expect(editor.card(a)?.frame).toBe(today);
    expect(editor.card(b)?.frame).toBe(today);
  });

  it('moves a frame together with its cards, and a locked frame not at all', () => {
    const { editor, today } = makeEditorWithFrames();
    const a = addCard(editor, 'need', { frame: today })!;
    const before = editor.card(a)!;
    moveBy(editor, [today], 50, 20);
    expect(editor.frame(today)).toMatchObject({ x: 50, y: 20 });
    expect(editor.card(a)).toMatchObject({ x: before.x + 50, y: before.y + 20, frame: today });
    setFrameLocked(editor, today, true);
    moveBy(editor, [today], 500, 500);
    expect(editor.frame(today)).toMatchObject({ x: 50, y: 20 });
  });

  it('moves cards to another frame from the keyboard path, placing them inside it', () => {
    const { editor, today, dream } = makeEditorWithFrames();
    const a = addCard(editor, 'need', { frame: today })!;
    moveCardsToFrame(editor, [a], dream);
    const card = editor.card(a)!;
    const frame = editor.frame(dream)!;
    expect(card.frame).toBe(dream);
    expect(card.x).toBeGreaterThanOrEqual(frame.x);
    expect(card.x + card.w).toBeLessThanOrEqual(frame.x + frame.w);
    moveCardsToFrame(editor, [a], null);
    expect(editor.card(a)?.frame).toBeNull();
  });

  it('changes kind while keeping fields of the old kind', () => {
    const editor = makeEditor();
    const id = addCard(editor, 'outcome', { at: { x: 0, y: 0 } })!;
    setCardField(editor, id, 'indicator', 'Evictions per quarter');
    setCardKind(editor, [id], 'need');
    expect(editor.card(id)).toMatchObject({ kind: 'need', fields: { indicator: 'Evictions per quarter' } });
  });

  it('names a long card briefly when announcing a connection', () => {
    const editor = makeEditor();
    const a = addCard(editor, 'need', { at: { x: 0, y: 0 }, text: 'word '.repeat(2_000) })!;
    const b = addCard(editor, 'outcome', { at: { x: 400, y: 0 }, text: 'Fewer evictions' })!;
    connectCards(editor, a, b, 'contributes-to');
    expect(editor.state.announcement).toMatch(/^Connected: word word .*… contributes to Fewer evictions$/);
    expect(editor.state.announcement.length).toBeLessThan(140);
  });

  it('refuses self-connections and duplicates with a message', () => {
    const editor = makeEditor();
    const a = addCard(editor, 'service', { at: { x: 0, y: 0 } })!;
    const b = addCard(editor, 'outcome', { at: { x: 400, y: 0 } })!;
    expect(connectCards(editor, a, a)).toBeNull();
    expect(editor.state.announcement).toMatch(/itself/);
    expect(connectCards(editor, a, b, 'contributes-to')).not.toBeNull();
    expect(connectCards(editor, a, b, 'contributes-to')).toBeNull();
    expect(editor.snapshot.connectors.size).toBe(1);
  });

  it('deleting a card removes its connectors, and undo brings both back', () => {
    const editor = makeEditor();
    const a = addCard(editor, 'service', { at: { x: 0, y: 0 } })!;
    const b = addCard(editor, 'outcome', { at: { x: 400, y: 0 } })!;
    connectCards(editor, a, b);
    editor.select([a]);
    deleteSelection(editor);
    expect(editor.snapshot.connectors.size).toBe(0);
    editor.undo();
    expect(editor.snapshot.connectors.size).toBe(1);
  });

  it('reorders with fractional keys: front, back, forward, backward', () => {
    const editor = makeEditor();
    const ids = ['a', 'b', 'c', 'd'].map((t, i) =>
      addCard(editor, 'note', { at: { x: i * 10, y: 0 }, text: t })!,
    );
    const order = () =>
      cardsInZOrder(editor.snapshot)
        .map((c) => c.text)
        .join('');
    expect(order()).toBe('abcd');
    editor.select([ids[0]!]);
    reorder(editor, 'front');
    expect(order()).toBe('bcda');
    reorder(editor, 'back');
    expect(order()).toBe('abcd');
    reorder(editor, 'forward');
    expect(order()).toBe('bacd');
    reorder(editor, 'backward');
    expect(order()).toBe('abcd');
  });

  it('aligns and distributes the selection', () => {
    const editor = makeEditor();
    const ids = [0, 1, 2].map((i) =>
      addCard(editor, 'note', { at: { x: i * 300 + (i === 1 ? 40 : 0), y: i * 50 } })!,
    );
    editor.select(ids);
    align(editor, 'top');
    expect(ids.map((id) => editor.card(id)!.y)).toEqual([0, 0, 0]);
    distribute(editor, 'horizontal');
    const xs = ids.map((id) => editor.card(id as CardId)!.x);
    expect(xs[1]! - xs[0]!).toBeCloseTo(xs[2]! - xs[1]!);
  });
});
