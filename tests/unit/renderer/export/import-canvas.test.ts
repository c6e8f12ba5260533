import { describe, expect, it } from 'vitest';
import { exportJsonCanvas, serialiseJsonCanvas } from '../../../../shared/export/json-canvas';
import { createCard, createConnector, createFrame } from '../../../../shared/doc';
import type { CardId } from '../../../../shared/model';
import { importCanvasText, importOffset, readCanvasFile } from '../../../../renderer/export/import-canvas';
import { makeEditor } from '../../../support/editor-fixture';

function boardWithCards() {
  const editor = makeEditor();
  const doc = editor.session.doc;
  const author = { participantId: 'p', role: null };
  const frame = createFrame(doc, { title: 'The dream', x: 0, y: 0, w: 800, h: 600 }, 'dreamboard:load');
  const a = createCard(
    doc,
    { kind: 'service', x: 40, y: 80, text: 'Drop-in on Fridays', frame },
    author,
    'dreamboard:load',
  );
  const b = createCard(
    doc,
    { kind: 'outcome', x: 400, y: 80, text: 'Fewer evictions', frame },
    author,
    'dreamboard:load',
  );
  createConnector(
    doc,
    { from: a as CardId, to: b as CardId, kind: 'contributes-to', label: '' },
    'dreamboard:load',
  );
  return editor;
}

describe('importing a JSON Canvas file into the board', () => {
  it('adds everything to the right of the board, selected, as one undo step', () => {
    const editor = boardWithCards();
    const text = serialiseJsonCanvas(exportJsonCanvas(editor.snapshot));
    const before = editor.contentBounds()!;
    const outcome = importCanvasText(editor, text);
    expect(outcome).toMatchObject({ ok: true, cards: 2, frames: 1, connectors: 1 });
    expect(editor.snapshot.cards.size).toBe(4);
    expect(editor.snapshot.connectors.size).toBe(2);
    const selected = [...editor.state.selection];
    expect(selected).toHaveLength(3);
    for (const id of selected) {
      const record = editor.snapshot.cards.get(id as never) ?? editor.snapshot.frames.get(id as never);
      expect(record!.x).toBeGreaterThan(before.x + before.w);
    }
    editor.undo();
    expect(editor.snapshot.cards.size).toBe(2);
    expect(editor.snapshot.frames.size).toBe(1);
  });

  it('refuses a hostile or broken file whole and changes nothing', () => {
    const editor = boardWithCards();
    const cards = editor.snapshot.cards;
    for (const text of [
      'not json',
      '{"nodes":[{"id":"a","type":"text","text":"x","x":0,"y":0,"width":1,"height":1,"constructor":{}}],"edges":[]}',
      '{"nodes":[{"id":"a","type":"text","text":"x","x":1e999,"y":0,"width":1,"height":1}],"edges":[]}',
      '{"nodes":[],"edges":[{"id":"e","fromNode":"a","toNode":"b"}]}',
    ]) {
      const outcome = importCanvasText(editor, text);
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.problem.length).toBeGreaterThan(10);
    }
    expect(editor.snapshot.cards).toBe(cards);
    expect(editor.session.undoManager.canUndo()).toBe(false);
  });

  it('says when a valid file has nothing to add', () => {
    const editor = makeEditor();
    expect(importCanvasText(editor, '{"nodes":[],"edges":[]}')).toEqual({
      ok: false,
      problem: 'That canvas file has nothing in it to add.',
    });
  });

  it('places an import on an empty board at the origin', () => {
    expect(importOffset(null, { x: -300, y: 50 })).toEqual({ x: 300, y: -50 });
    expect(importOffset({ x: 0, y: 10, w: 1000, h: 500 }, { x: 0, y: 0 })).toEqual({ x: 1200, y: 10 });
  });

  it('refuses a file far over the size limit without reading it', async () => {
    let read = false;
    const outcome = await readCanvasFile({
      size: 200 * 1024 * 1024,
      text: () => ((read = true), Promise.resolve('')),
    });
    expect(outcome).toMatchObject({ ok: false });
    expect(read).toBe(false);
    await expect(readCanvasFile({ size: 2, text: () => Promise.resolve('{}') })).resolves.toEqual({
      ok: true,
      text: '{}',
    });
    await expect(
      readCanvasFile({ size: 2, text: () => Promise.reject(new Error('gone')) }),
    ).resolves.toMatchObject({ ok: false });
  });
});
