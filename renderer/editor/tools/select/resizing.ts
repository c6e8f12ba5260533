import { CARD_MIN, FRAME_MIN } from '../../../../shared/model';
import { resizeItem } from '../../arrange-commands';
import type { Box } from '../../geometry';
import type { ResizeHandle } from '../../hit-test';
import { resizeBox } from '../resize-box';
import { ToolState, type PointerInfo, type Tool } from '../tool';

/** Dragging one of the 8 handles of a single selected card or frame; commits once on release. */
export class Resizing extends ToolState {
  readonly name = 'resizing';
  private start: Box | null = null;

  constructor(
    tool: Tool,
    private readonly origin: PointerInfo,
    private readonly id: string,
    readonly handle: ResizeHandle,
    private readonly first: PointerInfo,
  ) {
    super(tool);
  }

  override onEnter(): void {
    const box = this.editor.boxOf(this.id);
    const frame = this.editor.frame(this.id);
    if (!box || frame?.locked) return this.tool.toIdle();
    this.start = { x: box.x, y: box.y, w: box.w, h: box.h };
    this.update(this.first);
  }

  override onPointerMove(e: PointerInfo): void {
    this.update(e);
  }

  override onPointerUp(e: PointerInfo): void {
    const box = this.update(e);
    const s = this.start;
    if (box && s && (box.x !== s.x || box.y !== s.y || box.w !== s.w || box.h !== s.h))
      resizeItem(this.editor, this.id, box);
    this.editor.store.set({ preview: null });
    this.tool.toIdle();
  }

  override onCancel(): void {
    this.editor.store.set({ preview: null });
    this.tool.toIdle();
  }

  private update(e: PointerInfo): Box | null {
    if (!this.start) return null;
    const min = this.editor.frame(this.id) ? FRAME_MIN : CARD_MIN;
    const box = resizeBox(
      this.start,
      this.handle,
      e.world.x - this.origin.world.x,
      e.world.y - this.origin.world.y,
      min,
    );
    this.editor.store.set({ preview: new Map([[this.id, box]]) });
    return box;
  }
}
