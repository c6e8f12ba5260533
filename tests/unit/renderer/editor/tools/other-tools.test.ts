import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screenToWorld } from '../../../../../renderer/editor/camera';
import { DEFAULT_FRAME_SIZE } from '../../../../../renderer/editor/tools/frame-tool';
import { TestEditor } from './test-editor';

let t: TestEditor;
beforeEach(() => {
  t = new TestEditor();
});
afterEach(() => t.destroy());

describe('connecting', () => {
  it('drags from the selected card’s connection handle to another card to connect them in one step', () => {
    const a = t.card(100, 100, { w: 200, h: 120 });
    const b = t.card(500, 100);
    t.editor.store.set({ connectorKind: 'blocks' });
    t.click(150, 150);
    // The right-hand handle sits 22 screen px outside the middle of the right edge.
    t.pointerDown(322, 160).expectToBeIn('select.pointing_handle');
    t.pointerMove(400, 160).expectToBeIn('select.connecting');
    expect(t.state.pendingConnector).toEqual({ from: a, to: { x: 400, y: 160 } });
    t.pointerUp(550, 150).expectToBeIn('select.idle');
    const connectors = [...t.editor.snapshot.connectors.values()];
    expect(connectors).toMatchObject([{ from: a, to: b, kind: 'blocks' }]);
    expect(t.selection()).toEqual([connectors[0]!.id]);
    expect(t.state.pendingConnector).toBeNull();
    expect(t.undoSteps).toBe(1);
  });

  it('connects with the connect tool by dragging card to card, and ignores drops on nothing or on itself', () => {
    const a = t.card(100, 100);
    const b = t.card(500, 100);
    t.editor.store.set({ tool: 'connect' });
    t.expectToBeIn('connect.idle');
    t.drag({ x: 150, y: 150 }, { x: 160, y: 160 });
    t.drag({ x: 150, y: 150 }, { x: 900, y: 700 });
    expect(t.editor.snapshot.connectors.size).toBe(0);
    t.pointerDown(150, 150).expectToBeIn('connect.connecting');
    t.pointerMove(300, 150).pointerUp(550, 150).expectToBeIn('connect.idle');
    expect([...t.editor.snapshot.connectors.values()]).toMatchObject([
      { from: a, to: b, kind: 'contributes-to' },
    ]);
    expect(t.localTransactions).toBe(1);
  });

  it('Escape abandons a connector being drawn', () => {
    t.card(100, 100);
    t.editor.store.set({ tool: 'connect' });
    t.pointerDown(150, 150).pointerMove(300, 300);
    t.key('Escape');
    t.expectToBeIn('connect.idle');
    expect(t.state.pendingConnector).toBeNull();
  });
});

describe('panning and zooming', () => {
  it('pans with the hand tool, by screen distance', () => {
    t.editor.store.set({ tool: 'hand' });
    t.pointerDown(100, 100).expectToBeIn('hand.panning');
    t.pointerMove(150, 130);
    expect(t.state.camera).toEqual({ x: 50, y: 30, zoom: 1 });
    t.pointerUp(150, 130).expectToBeIn('hand.idle');
  });

  it('pans while Space is held from the select tool, then goes back to selecting', () => {
    const a = t.card(100, 100);
    expect(t.key(' ')).toBe(true);
    t.expectToBeIn('hand.idle');
    t.input.pointerDown({
      screen: { x: 150, y: 150 },
      button: 0,
      buttons: 1,
      shiftKey: false,
      ctrlKey: false,
      metaKey: false,
      altKey: false,
    });
    t.expectToBeIn('hand.panning');
    t.input.pointerMove({
      screen: { x: 250, y: 150 },
      button: 0,
      buttons: 1,
      shiftKey: false,
      ctrlKey: false,
      metaKey: false,
      altKey: false,
    });
    t.input.pointerUp({
      screen: { x: 250, y: 150 },
      button: 0,
      buttons: 0,
      shiftKey: false,
      ctrlKey: false,
      metaKey: false,
      altKey: false,
    });
    t.keyUp(' ');
    t.expectToBeIn('select.idle');
    expect(t.state.camera.x).toBe(100);
    expect(t.editor.card(a)).toMatchObject({ x: 100, y: 100 });
    expect(t.selection()).toEqual([]);
  });

  it('pans with the middle button from any tool', () => {
    t.editor.store.set({ tool: 'frame' });
    t.input.pointerDown({
      screen: { x: 100, y: 100 },
      button: 1,
      buttons: 4,
      shiftKey: false,
      ctrlKey: false,
      metaKey: false,
      altKey: false,
    });
    t.expectToBeIn('hand.panning');
    t.input.pointerMove({
      screen: { x: 80, y: 60 },
      button: 1,
      buttons: 4,
      shiftKey: false,
      ctrlKey: false,
      metaKey: false,
      altKey: false,
    });
    t.input.pointerUp({
      screen: { x: 80, y: 60 },
      button: 1,
      buttons: 0,
      shiftKey: false,
      ctrlKey: false,
      metaKey: false,
      altKey: false,
    });
    t.expectToBeIn('frame.idle');
    expect(t.state.camera).toMatchObject({ x: -20, y: -40 });
    expect(t.editor.snapshot.frames.size).toBe(0);
  });

  it('pans on a plain wheel and zooms around the cursor with Ctrl+wheel or a pinch', () => {
    const mods = { shiftKey: false, ctrlKey: false, metaKey: false, altKey: false };
    t.input.wheel({ ...mods, screen: { x: 0, y: 0 }, deltaX: 30, deltaY: 40, deltaMode: 0 });
    expect(t.state.camera).toEqual({ x: -30, y: -40, zoom: 1 });
    const cursor = { x: 400, y: 300 };
    const before = screenToWorld(t.state.camera, cursor);
    t.input.wheel({ ...mods, ctrlKey: true, screen: cursor, deltaX: 0, deltaY: -100, deltaMode: 0 });
    expect(t.state.camera.zoom).toBeCloseTo(Math.SQRT2);
    const after = screenToWorld(t.state.camera, cursor);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
    t.input.wheel({ ...mods, ctrlKey: true, screen: cursor, deltaX: 0, deltaY: 3, deltaMode: 0 });
    expect(t.state.camera.zoom).toBeLessThan(Math.SQRT2);
    expect(t.state.camera.zoom).toBeGreaterThan(1.35);
  });
});

describe('frame tool', () => {
  it('drags a rectangle into a new frame in one step, then returns to select with the title open', () => {
    t.editor.store.set({ tool: 'frame' });
    t.pointerDown(100, 100).pointerMove(300, 200).expectToBeIn('frame.drawing');
    t.pointerMove(700, 500);
    expect(t.state.draftFrame).toEqual({ x: 100, y: 100, w: 600, h: 400 });
    expect(t.editor.snapshot.frames.size).toBe(0);
    t.pointerUp(700, 500);
    const [frame] = [...t.editor.snapshot.frames.values()];
    expect(frame).toMatchObject({ x: 100, y: 100, w: 600, h: 400 });
    expect(t.state.tool).toBe('select');
    t.expectToBeIn('select.idle');
    expect(t.state.editing).toEqual({ id: frame!.id, type: 'frame' });
    expect(t.state.draftFrame).toBeNull();
    expect(t.undoSteps).toBe(1);
  });

  it('makes a default-size frame on a click', () => {
    t.editor.store.set({ tool: 'frame' });
    t.click(40, 50);
    expect([...t.editor.snapshot.frames.values()]).toMatchObject([{ x: 40, y: 50, ...DEFAULT_FRAME_SIZE }]);
  });

  it('abandons the gesture when the tool changes mid-drag', () => {
    t.editor.store.set({ tool: 'frame' });
    t.pointerDown(100, 100).pointerMove(400, 400);
    t.editor.store.set({ tool: 'select' });
    t.expectToBeIn('select.idle');
    expect(t.state.draftFrame).toBeNull();
    t.pointerUp(400, 400);
    expect(t.editor.snapshot.frames.size).toBe(0);
  });
});
