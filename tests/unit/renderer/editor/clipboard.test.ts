import { describe, expect, it } from 'vitest';
import { copySelection, duplicateSelection, pasteText } from '../../../../renderer/editor/clipboard';
import { addCard, connectCards } from '../../../../renderer/editor/edit-commands';
import { makeEditor, makeEditorWithFrames } from '../../../support/editor-fixture';

describe('clipboard', () => {
  it('copies cards with their connector and pastes them with fresh ids', () => {
    const editor = makeEditor();
    const a = addCard(editor, 'service', { at: { x: 0, y: 0 }, text: 'Drop-in' })!;
    const b = addCard(editor, 'outcome', { at: { x: 400, y: 0 }, text: 'Fewer evictions' })!;
    connectCards(editor, a, b, 'contributes-to');
    editor.select([a, b]);
    const text = copySelection(editor)!;
    const result = pasteText(editor, text, { x: 2000, y: 2000 });
    expect(result).toEqual({ ok: true, count: 2 });
    expect(editor.snapshot.cards.size).toBe(4);
    expect(editor.snapshot.connectors.size).toBe(2);
    const pasted = [...editor.state.selection].map((id) => editor.card(id)!);
    expect(pasted.map((c) => c.text).sort()).toEqual(['Drop-in', 'Fewer evictions']);
    expect(pasted.every((c) => c.id !== a && c.id !== b)).toBe(true);
  });

  it('copies a frame with its cards', () => {
    const { editor, today } = makeEditorWithFrames();
    addCard(editor, 'need', { frame: today, text: 'Warm space' });
    editor.select([today]);
    duplicateSelection(editor);
    expect(editor.snapshot.frames.size).toBe(3);
    const copies = [...editor.snapshot.cards.values()].filter((c) => c.text === 'Warm space');
    expect(copies).toHaveLength(2);
    expect(new Set(copies.map((c) => c.frame)).size).toBe(2);
  });

  it('keeps a duplicated card in the frame it lands in, and a card pasted outside every frame out of them', () => {
    const { editor, today } = makeEditorWithFrames();
    const card = addCard(editor, 'need', { frame: today, text: 'Warm space' })!;
    editor.select([card]);
    duplicateSelection(editor);
    const [copy] = [...editor.state.selection].map((id) => editor.card(id)!);
    expect(copy!.id).not.toBe(card);
    expect(copy!.frame).toBe(today);
    editor.select([card]);
    pasteText(editor, copySelection(editor)!, { x: -50_000, y: -50_000 });
    const [far] = [...editor.state.selection].map((id) => editor.card(id)!);
    expect(far!.frame).toBeNull();
  });

  it('turns plain text into one note per line', () => {
    const editor = makeEditor();
    const result = pasteText(editor, 'First idea\n\n  Second idea  \n');
    expect(result).toEqual({ ok: true, count: 2 });
    expect([...editor.snapshot.cards.values()].map((c) => [c.kind, c.text])).toEqual([
      ['note', 'First idea'],
      ['note', 'Second idea'],
    ]);
  });

  it.each([
    [
      'invalid records',
      JSON.stringify({
        type: 'dreamboard/clipboard',
        version: 1,
        cards: [{ id: 'x', kind: 'bomb', x: 'NaN' }],
      }),
    ],
    [
      'a prototype-polluting payload',
      '{"type":"dreamboard/clipboard","version":1,"cards":[{"__proto__":{"polluted":true}}]}',
    ],
  ])('pastes nothing from %s and says so', (_label, text) => {
    const editor = makeEditor();
    const result = pasteText(editor, text);
    expect(result.ok).toBe(false);
    expect(editor.snapshot.cards.size).toBe(0);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a paste that is too large, without changing anything', () => {
    const editor = makeEditor();
    const result = pasteText(
      editor,
      JSON.stringify({ type: 'dreamboard/clipboard', pad: 'x'.repeat(6_000_000) }),
    );
    expect(result).toEqual({ ok: false, reason: 'What you copied is too big to paste' });
    expect(editor.snapshot.cards.size).toBe(0);
  });
});
