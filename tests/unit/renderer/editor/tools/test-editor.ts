import { expect } from 'vitest';
import { createCard, createConnector, createFrame, ORIGIN } from '../../../../../shared/doc';
import type { CardId, CardKind, ConnectorKind, FrameId } from '../../../../../shared/model';
import { worldToScreen } from '../../../../../renderer/editor/camera';
import { Editor } from '../../../../../renderer/editor/editor';
import type { Point } from '../../../../../renderer/editor/geometry';
import { InputController, type PointerInput } from '../../../../../renderer/editor/input';
import { DocSession } from '../../../../../renderer/session/session';

export interface Mods {
  shift?: boolean;
  ctrl?: boolean;
  meta?: boolean;
  button?: number;
}

/**
 * Drives the tools without a canvas, in world coordinates (converted to screen points through the
 * camera as the board would), and counts the document transactions a gesture makes.
 */
export class TestEditor {
  readonly session = new DocSession({ participantId: 'tester', role: null });
  readonly editor = new Editor(this.session);
  readonly input = new InputController(this.editor);
  /** Local (undoable) transactions since the last reset. */
  localTransactions = 0;

  constructor() {
    this.session.doc.on('afterTransaction', (tr) => {
      if (tr.origin === ORIGIN.local) this.localTransactions += 1;
    });
    this.editor.setViewport({ w: 1000, h: 800 });
  }

  // Fixture records are written with the load origin: not undoable, not counted.
  card(
    x: number,
    y: number,
    options: { kind?: CardKind; frame?: FrameId | null; w?: number; h?: number } = {},
  ): CardId {
    return createCard(
      this.session.doc,
      { kind: options.kind ?? 'need', x, y, w: options.w, h: options.h, frame: options.frame ?? null },
      this.session.author,
      ORIGIN.load,
    );
  }

  frame(x: number, y: number, w: number, h: number, locked = false): FrameId {
    return createFrame(this.session.doc, { title: 'Area', x, y, w, h, locked }, ORIGIN.load);
  }

  connector(from: CardId, to: CardId, kind: ConnectorKind = 'contributes-to'): string {
    return createConnector(this.session.doc, { from, to, kind }, ORIGIN.load);
  }

  get state() {
    return this.editor.state;
  }

  get undoSteps(): number {
    return this.session.undoManager.undoStack.length;
  }

  private raw(p: Point, mods: Mods, buttons: number): PointerInput {
    return {
      screen: worldToScreen(this.editor.state.camera, p),
      button: mods.button ?? 0,
      buttons,
      shiftKey: !!mods.shift,
      ctrlKey: !!mods.ctrl,
      metaKey: !!mods.meta,
      altKey: false,
    };
  }

  pointerDown(x: number, y: number, mods: Mods = {}): this {
    this.input.pointerDown(this.raw({ x, y }, mods, 1 << (mods.button ?? 0)));
    return this;
  }

  pointerMove(x: number, y: number, mods: Mods = {}): this {
    this.input.pointerMove(this.raw({ x, y }, mods, 1));
    return this;
  }

  pointerUp(x: number, y: number, mods: Mods = {}): this {
    this.input.pointerUp(this.raw({ x, y }, mods, 0));
    return this;
  }

  /** Press at `from`, move in a few steps to `to`, release. */
  drag(from: Point, to: Point, mods: Mods = {}): this {
    this.pointerDown(from.x, from.y, mods);
    for (let i = 1; i <= 4; i++)
      this.pointerMove(from.x + ((to.x - from.x) * i) / 4, from.y + ((to.y - from.y) * i) / 4, mods);
    return this.pointerUp(to.x, to.y, mods);
  }

  click(x: number, y: number, mods: Mods = {}): this {
    return this.pointerDown(x, y, mods).pointerUp(x, y, mods);
  }

  doubleClick(x: number, y: number): this {
    this.click(x, y).click(x, y);
    this.input.doubleClick(this.raw({ x, y }, {}, 0));
    return this;
  }

  key(key: string, mods: Mods = {}): boolean {
    return this.input.keyDown({
      key,
      shiftKey: !!mods.shift,
      ctrlKey: !!mods.ctrl,
      metaKey: !!mods.meta,
      altKey: false,
    });
  }

  keyUp(key: string): boolean {
    return this.input.keyUp({ key, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false });
  }

  expectToBeIn(path: string): this {
    expect(this.editor.state.toolPath).toBe(path);
    return this;
  }

  selection(): string[] {
    return [...this.editor.state.selection].sort();
  }

  destroy(): void {
    this.input.dispose();
    this.session.destroy();
  }
}
