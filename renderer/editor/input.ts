import { screenToWorld, zoomAt } from './camera';
import type { Editor } from './editor';
import type { Point } from './geometry';
import { CANVAS_TARGET, hitTest, type HandleContext, type HitTarget } from './hit-test';
import type { KeyLike } from './shortcuts';
import type { ToolId } from './state';
import { createConnectTool } from './tools/connect-tool';
import { createFrameTool } from './tools/frame-tool';
import { createHandTool } from './tools/hand-tool';
import { resizeCursor } from './tools/resize-box';
import { Resizing } from './tools/select/resizing';
import { createSelectTool } from './tools/select-tool';
import type { Modifiers, PointerInfo, Tool } from './tools/tool';

/** A pointer event as the board reports it: a point relative to the board, buttons and modifiers. */
export interface PointerInput extends Modifiers {
  readonly screen: Point;
  readonly button: number;
  readonly buttons: number;
}

export interface WheelInput extends Modifiers {
  readonly screen: Point;
  readonly deltaX: number;
  readonly deltaY: number;
  /** 0 pixels, 1 lines, 2 pages, as in DOM WheelEvent.deltaMode. */
  readonly deltaMode: number;
}

export interface KeyInput extends KeyLike {
  readonly repeat?: boolean;
}

const LINE_PX = 16;
/** A mouse wheel notch (100 px) zooms by √2; pinch gestures send small deltas and zoom smoothly. */
const ZOOM_PER_PX = 1 / 200;
const MAX_ZOOM_DELTA_PX = 100;

/**
 * Turns the board's raw pointer, wheel and key events into tool events. It owns the tools, keeps
 * the active one in step with editor.state.tool, resolves hit targets, and lends the hand tool
 * out while Space is held or the middle button is down. No DOM, no Konva: tests drive it directly.
 */
export class InputController {
  private readonly tools: Record<ToolId, Tool>;
  /** The hand tool borrowed for a temporary pan (Space or middle button), or null. */
  private borrowed: Tool | null = null;
  private spaceHeld = false;
  private cursorValue = 'default';
  private readonly cursorListeners = new Set<(cursor: string) => void>();
  private readonly unsubscribe: () => void;

  constructor(readonly editor: Editor) {
    this.tools = {
      select: createSelectTool(editor),
      hand: createHandTool(editor),
      connect: createConnectTool(editor),
      frame: createFrameTool(editor),
    };
    let toolId = editor.state.tool;
    this.tools[toolId].enter();
    this.unsubscribe = editor.store.subscribe((s) => {
      if (s.tool === toolId) return;
      // Switching tools mid-gesture abandons the gesture rather than committing half of it.
      this.tools[toolId].cancel();
      toolId = s.tool;
      if (!this.borrowed) this.tools[toolId].enter();
      this.updateCursor();
    });
  }

  dispose(): void {
    this.unsubscribe();
    this.cursorListeners.clear();
  }

  /** The tool receiving events now. */
  get activeTool(): Tool {
    return this.borrowed ?? this.tools[this.editor.state.tool];
  }

  get cursor(): string {
    return this.cursorValue;
  }

  onCursorChange(listener: (cursor: string) => void): () => void {
    this.cursorListeners.add(listener);
    return () => this.cursorListeners.delete(listener);
  }

  // ----- pointer ------------------------------------------------------------------------------

  pointerDown(input: PointerInput): void {
    if (input.button === 1 || (this.spaceHeld && input.button === 0)) this.borrowHand();
    this.activeTool.current.onPointerDown?.(this.info(input));
    this.updateCursor();
  }

  pointerMove(input: PointerInput): void {
    const info = this.info(input);
    const state = this.activeTool.current;
    state.onPointerMove?.(info);
    this.updateCursor(state.isGesture ? undefined : info.target);
  }

  pointerUp(input: PointerInput): void {
    this.activeTool.current.onPointerUp?.(this.info(input));
    if (this.borrowed && !this.spaceHeld && !this.borrowed.current.isGesture) this.returnHand();
    this.updateCursor();
  }

  /** The pointer was lost (pointercancel, window blur): abandon the gesture. */
  pointerCancel(): void {
    this.activeTool.cancel();
    if (this.borrowed && !this.spaceHeld) this.returnHand();
    this.updateCursor();
  }

  doubleClick(input: PointerInput): void {
    this.activeTool.current.onDoubleClick?.(this.info(input));
  }

  // ----- wheel --------------------------------------------------------------------------------

  /** Plain wheel pans (trackpad scrolling); Ctrl/Cmd+wheel and pinch (ctrlKey) zoom at the cursor. */
  wheel(input: WheelInput): void {
    const unit = input.deltaMode === 1 ? LINE_PX : input.deltaMode === 2 ? this.editor.state.viewport.h : 1;
    const dx = input.deltaX * unit;
    const dy = input.deltaY * unit;
    if (input.ctrlKey || input.metaKey) {
      const step = Math.max(-MAX_ZOOM_DELTA_PX, Math.min(MAX_ZOOM_DELTA_PX, dy));
      const camera = this.editor.state.camera;
      this.editor.setCamera(zoomAt(camera, input.screen, camera.zoom * Math.pow(2, -step * ZOOM_PER_PX)));
      return;
    }
    // A mouse wheel with Shift scrolls sideways.
    if (input.shiftKey && dx === 0) this.editor.panBy(-dy, 0);
    else this.editor.panBy(-dx, -dy);
  }

  // ----- keys ---------------------------------------------------------------------------------

  /** Returns true when the key was used here (the board then prevents its default). */
  keyDown(e: KeyInput): boolean {
    if (e.key === ' ' && !e.ctrlKey && !e.metaKey && !e.altKey) {
      if (!this.spaceHeld && !this.activeTool.current.isGesture) {
        this.spaceHeld = true;
        this.borrowHand();
        this.updateCursor();
      }
      return true;
    }
    if (e.key === 'Escape' && this.activeTool.current.isGesture) {
      this.activeTool.cancel();
      this.updateCursor();
      return true;
    }
    return false;
  }

  keyUp(e: KeyInput): boolean {
    if (e.key !== ' ' || !this.spaceHeld) return false;
    this.spaceHeld = false;
    // A pan in progress finishes on pointer up; an idle borrow ends now.
    if (this.borrowed && !this.borrowed.current.isGesture) this.returnHand();
    this.updateCursor();
    return true;
  }

  /** The board lost focus: drop any gesture and any held key. */
  blur(): void {
    this.spaceHeld = false;
    this.pointerCancel();
  }

  // ----- internals ----------------------------------------------------------------------------

  private borrowHand(): void {
    if (this.borrowed || this.editor.state.tool === 'hand') return;
    this.tools[this.editor.state.tool].cancel();
    this.borrowed = this.tools.hand;
    this.borrowed.enter();
  }

  private returnHand(): void {
    this.borrowed = null;
    this.tools[this.editor.state.tool].enter();
  }

  private info(input: PointerInput): PointerInfo {
    const editor = this.editor;
    const camera = editor.state.camera;
    const world = screenToWorld(camera, input.screen);
    let target: HitTarget | null = null;
    return {
      screen: input.screen,
      world,
      button: input.button,
      buttons: input.buttons,
      shiftKey: input.shiftKey,
      ctrlKey: input.ctrlKey,
      metaKey: input.metaKey,
      altKey: input.altKey,
      // Resolved on first read: moves during a drag never pay for a hit test they do not use.
      get target(): HitTarget {
        target ??= hitTest(editor.snapshot, world, camera.zoom, handleContext(editor));
        return target;
      },
    };
  }

  private updateCursor(hover?: HitTarget): void {
    const next = cursorFor(this.activeTool, hover ?? CANVAS_TARGET);
    if (next === this.cursorValue) return;
    this.cursorValue = next;
    for (const l of this.cursorListeners) l(next);
  }
}

/** Handles exist only for the select tool's single selection; locked frames get none. */
function handleContext(editor: Editor): HandleContext | undefined {
  if (editor.state.tool !== 'select' || editor.readOnly) return undefined;
  return {
    selection: editor.state.selection,
    boxOf: (id) => editor.boxOf(id),
    canResize: (id) => !!editor.card(id) || (!!editor.frame(id) && !editor.frame(id)!.locked),
    isCard: (id) => !!editor.card(id),
  };
}

function cursorFor(tool: Tool, hover: HitTarget): string {
  const state = tool.current;
  if (tool.id === 'hand') return state.isGesture ? 'grabbing' : 'grab';
  if (tool.id === 'connect' || tool.id === 'frame' || state.name === 'connecting') return 'crosshair';
  if (state.name === 'translating') return 'grabbing';
  if (state instanceof Resizing) return resizeCursor(state.handle);
  if (hover.type === 'resize-handle') return resizeCursor(hover.handle);
  if (hover.type === 'connect-handle') return 'crosshair';
  return 'default';
}
