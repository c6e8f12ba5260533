import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CARD_MIN, FRAME_MIN } from '../../../../../shared/model';
import { TestEditor } from './test-editor';

let t: TestEditor;
beforeEach(() => {
  t = new TestEditor();
});
afterEach(() => t.destroy());

describe('select tool: clicking', () => {
  it('selects a card on click and returns to idle', () => {
    const a = t.card(100, 100);
    t.pointerDown(150, 150).expectToBeIn('select.pointing_item');
    t.pointerUp(150, 150).expectToBeIn('select.idle');
    expect(t.selection()).toEqual([a]);
  });

  it('toggles with shift, ctrl or cmd, and narrows a group to one on a plain click', () => {
    const a = t.card(100, 100);
    const b = t.card(400, 100);
    t.click(150, 150).click(450, 150, { shift: true });
    expect(t.selection()).toEqual([a, b].sort());
    t.click(450, 150, { ctrl: true });
    expect(t.selection()).toEqual([a]);
    t.click(450, 150, { meta: true });
    expect(t.selection()).toEqual([a, b].sort());
    t.click(150, 150);
    expect(t.selection()).toEqual([a]);
  });

  it('clears the selection on a click on empty canvas, but not with shift', () => {
    t.card(100, 100);
    t.click(150, 150).click(800, 700, { shift: true });
    expect(t.selection()).toHaveLength(1);
    t.click(800, 700);
    expect(t.selection()).toEqual([]);
  });

  it('picks the topmost of overlapping cards', () => {
    t.card(100, 100);
    const top = t.card(150, 120);
    t.click(200, 150);
    expect(t.selection()).toEqual([top]);
  });
});

describe('select tool: dragging', () => {
  it('previews a drag locally and commits it once: one transaction, one undo step', () => {
    const a = t.card(100, 100);
    t.pointerDown(150, 150).pointerMove(160, 160).expectToBeIn('select.translating');
    for (let i = 0; i < 20; i++) t.pointerMove(160 + i * 10, 160);
    expect(t.state.preview?.get(a)).toMatchObject({ x: 300, y: 110 });
    expect(t.editor.card(a)).toMatchObject({ x: 100, y: 100 });
    expect(t.localTransactions).toBe(0);
    t.pointerUp(400, 250).expectToBeIn('select.idle');
    expect(t.editor.card(a)).toMatchObject({ x: 350, y: 200 });
    expect(t.state.preview).toBeNull();
    expect(t.localTransactions).toBe(1);
    expect(t.undoSteps).toBe(1);
    t.editor.undo();
    expect(t.editor.card(a)).toMatchObject({ x: 100, y: 100 });
  });

  it('moves the whole selection together', () => {
    const a = t.card(100, 100);
    const b = t.card(400, 100);
    t.click(150, 150).click(450, 150, { shift: true });
    t.drag({ x: 150, y: 150 }, { x: 150, y: 350 });
    expect(t.editor.card(a)).toMatchObject({ x: 100, y: 300 });
    expect(t.editor.card(b)).toMatchObject({ x: 400, y: 300 });
    expect(t.undoSteps).toBe(1);
  });

  it('puts a card dragged into a frame into that frame, and takes it out when dragged away', () => {
    const f = t.frame(500, 0, 600, 400);
    const a = t.card(100, 100);
    t.drag({ x: 150, y: 150 }, { x: 650, y: 150 });
    expect(t.editor.card(a)?.frame).toBe(f);
    t.drag({ x: 650, y: 150 }, { x: 150, y: 600 });
    expect(t.editor.card(a)?.frame).toBeNull();
  });

  it('carries a frame’s cards when the frame is dragged by its title', () => {
    const f = t.frame(0, 0, 600, 400);
    const a = t.card(50, 100, { frame: f });
    t.drag({ x: 300, y: 20 }, { x: 400, y: 120 });
    expect(t.editor.frame(f)).toMatchObject({ x: 100, y: 100 });
    expect(t.editor.card(a)).toMatchObject({ x: 150, y: 200, frame: f });
    expect(t.undoSteps).toBe(1);
  });

  it('does not move a locked frame, but its cards can still be moved', () => {
    const f = t.frame(0, 0, 600, 400, true);
    const a = t.card(50, 100, { frame: f });
    t.drag({ x: 300, y: 20 }, { x: 400, y: 120 });
    expect(t.editor.frame(f)).toMatchObject({ x: 0, y: 0 });
    expect(t.localTransactions).toBe(0);
    t.drag({ x: 100, y: 150 }, { x: 200, y: 150 });
    expect(t.editor.card(a)).toMatchObject({ x: 150, y: 100 });
  });

  it('cancels a drag with Escape, leaving the document untouched', () => {
    const a = t.card(100, 100);
    t.pointerDown(150, 150).pointerMove(300, 300).expectToBeIn('select.translating');
    expect(t.key('Escape')).toBe(true);
    t.expectToBeIn('select.idle');
    expect(t.state.preview).toBeNull();
    t.pointerUp(300, 300);
    expect(t.editor.card(a)).toMatchObject({ x: 100, y: 100 });
    expect(t.localTransactions).toBe(0);
  });

  it('keeps a shift-drag on one axis', () => {
    const a = t.card(100, 100);
    t.drag({ x: 150, y: 150 }, { x: 400, y: 180 }, { shift: true });
    // Shift on press also adds to the selection; the card was not selected, so it is now.
    expect(t.editor.card(a)).toMatchObject({ x: 350, y: 100 });
  });

  it('a press that does not travel past the drag threshold is a click, not a move', () => {
    const a = t.card(100, 100);
    t.pointerDown(150, 150).pointerMove(152, 151).expectToBeIn('select.pointing_item');
    t.pointerUp(152, 151);
    expect(t.editor.card(a)).toMatchObject({ x: 100, y: 100 });
    expect(t.localTransactions).toBe(0);
  });
});

describe('select tool: marquee', () => {
  it('selects the cards a marquee touches, live, and clears the marquee on release', () => {
    const a = t.card(100, 100);
    const b = t.card(400, 100);
    t.card(100, 500);
    t.pointerDown(50, 50).pointerMove(60, 60).expectToBeIn('select.brushing');
    t.pointerMove(450, 150);
    expect(t.state.marquee).toEqual({ x: 50, y: 50, w: 400, h: 100 });
    expect(t.selection()).toEqual([a, b].sort());
    t.pointerUp(450, 150).expectToBeIn('select.idle');
    expect(t.state.marquee).toBeNull();
    expect(t.localTransactions).toBe(0);
  });

  it('starts a marquee from a frame’s empty body and does not select the frame around it', () => {
    const f = t.frame(0, 0, 1000, 700);
    const a = t.card(100, 100, { frame: f });
    t.pointerDown(60, 80).expectToBeIn('select.pointing_canvas');
    t.pointerMove(200, 200).expectToBeIn('select.brushing');
    t.pointerUp(200, 200);
    expect(t.selection()).toEqual([a]);
  });

  it('selects a frame only when the marquee encloses it', () => {
    const f = t.frame(100, 100, 300, 200);
    t.drag({ x: 50, y: 50 }, { x: 450, y: 350 });
    expect(t.selection()).toEqual([f]);
  });

  it('adds to the selection with shift, and Escape restores the old selection', () => {
    const a = t.card(100, 100);
    const b = t.card(400, 100);
    t.click(150, 150);
    t.pointerDown(380, 50, { shift: true }).pointerMove(700, 300, { shift: true });
    expect(t.selection()).toEqual([a, b].sort());
    t.key('Escape');
    expect(t.selection()).toEqual([a]);
    expect(t.state.marquee).toBeNull();
  });
});

describe('select tool: resizing', () => {
  it('resizes a selected card by its corner handle, committing once', () => {
    const a = t.card(100, 100, { w: 200, h: 120 });
    t.click(150, 150);
    t.pointerDown(300, 220).expectToBeIn('select.pointing_handle');
    t.pointerMove(350, 260).expectToBeIn('select.resizing');
    expect(t.state.preview?.get(a)).toEqual({ x: 100, y: 100, w: 250, h: 160 });
    t.pointerUp(400, 300).expectToBeIn('select.idle');
    expect(t.editor.card(a)).toMatchObject({ x: 100, y: 100, w: 300, h: 200 });
    expect(t.undoSteps).toBe(1);
  });

  it('stops at the minimum size and keeps the opposite edge still', () => {
    const a = t.card(100, 100, { w: 200, h: 120 });
    t.click(150, 150);
    t.drag({ x: 100, y: 100 }, { x: 900, y: 900 });
    expect(t.editor.card(a)).toMatchObject({
      x: 300 - CARD_MIN.w,
      y: 220 - CARD_MIN.h,
      w: CARD_MIN.w,
      h: CARD_MIN.h,
    });
  });

  it('resizes an unlocked frame by an edge handle but offers no handles on a locked frame', () => {
    const f = t.frame(0, 0, 600, 400);
    t.click(300, 20);
    t.drag({ x: 600, y: 200 }, { x: 100, y: 200 });
    expect(t.editor.frame(f)).toMatchObject({ w: FRAME_MIN.w, h: 400 });
    const locked = t.frame(0, 1000, 600, 400, true);
    t.click(300, 1020);
    expect(t.selection()).toEqual([locked]);
    // Where the east handle would be is only the frame's border: pressing there picks the frame.
    t.pointerDown(600, 1200).expectToBeIn('select.pointing_item');
    t.pointerMove(300, 1200).pointerUp(300, 1200);
    expect(t.editor.frame(locked)).toMatchObject({ x: 0, w: 600 });
  });
});

describe('select tool: double-click', () => {
  it('edits a card’s text, a frame’s title, or adds a card of the palette kind on empty canvas', () => {
    const a = t.card(100, 100);
    const f = t.frame(0, 600, 600, 400);
    t.doubleClick(150, 150);
    expect(t.state.editing).toEqual({ id: a, type: 'card' });
    t.doubleClick(300, 620);
    expect(t.state.editing).toEqual({ id: f, type: 'frame' });
    t.editor.store.set({ paletteKind: 'barrier' });
    t.doubleClick(800, 300);
    const added = t.editor.card(t.selection()[0]!);
    expect(added).toMatchObject({ kind: 'barrier', x: 700, y: 240 });
    expect(t.state.editing).toEqual({ id: added!.id, type: 'card' });
  });
});
