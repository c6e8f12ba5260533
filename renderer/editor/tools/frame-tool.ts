import { FRAME_MIN } from '../../../shared/model';
import { addFrame } from '../edit-commands';
import type { Editor } from '../editor';
import { boxFromPoints, type Box } from '../geometry';
import { IdleState, isDrag, Tool, ToolState, type PointerInfo } from './tool';

/** Size of a frame made by a plain click (no drag) with the frame tool. */
export const DEFAULT_FRAME_SIZE = { w: 800, h: 560 } as const;

/** Drag a rectangle to create a frame; a click makes a frame of the default size there. */
export function createFrameTool(editor: Editor): Tool {
  return new Tool('frame', editor, (tool) => new FrameIdle(tool));
}

class FrameIdle extends IdleState {
  override onPointerDown(e: PointerInfo): void {
    if (e.button === 0 && !this.editor.readOnly) this.tool.transition(new Drawing(this.tool, e));
  }
}

/** The frame's box from a drag: at least the minimum frame size, growing away from the press. */
export function draftFrameBox(origin: PointerInfo, e: PointerInfo): Box {
  const b = boxFromPoints(origin.world, e.world);
  const w = Math.max(b.w, FRAME_MIN.w);
  const h = Math.max(b.h, FRAME_MIN.h);
  return {
    x: e.world.x < origin.world.x ? origin.world.x - w : origin.world.x,
    y: e.world.y < origin.world.y ? origin.world.y - h : origin.world.y,
    w,
    h,
  };
}

class Drawing extends ToolState {
  readonly name = 'drawing';
  private dragged = false;

  constructor(
    tool: Tool,
    private readonly origin: PointerInfo,
  ) {
    super(tool);
  }

  override onPointerMove(e: PointerInfo): void {
    if (!this.dragged && !isDrag(this.origin, e)) return;
    this.dragged = true;
    this.editor.store.set({ draftFrame: draftFrameBox(this.origin, e) });
  }

  override onPointerUp(e: PointerInfo): void {
    const box = this.dragged
      ? draftFrameBox(this.origin, e)
      : { ...this.origin.world, ...DEFAULT_FRAME_SIZE };
    this.editor.store.set({ draftFrame: null });
    this.tool.toIdle();
    addFrame(this.editor, box);
    // Back to selecting, with the new frame's title open for typing.
    this.editor.store.set({ tool: 'select' });
  }

  override onCancel(): void {
    this.editor.store.set({ draftFrame: null });
    this.tool.toIdle();
  }
}
