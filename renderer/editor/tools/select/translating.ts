import { commitBoxes, movingSet } from '../../arrange-commands';
import type { Box } from '../../geometry';
import { ToolState, type PointerInfo, type Tool } from '../tool';

/**
 * Dragging the selection. Every move only updates the local preview; release writes all final
 * boxes in one transaction (one undo step), which also moves dropped cards into frames.
 */
export class Translating extends ToolState {
  readonly name = 'translating';
  private readonly start = new Map<string, Box>();

  constructor(
    tool: Tool,
    private readonly origin: PointerInfo,
    private readonly first: PointerInfo,
  ) {
    super(tool);
  }

  override onEnter(): void {
    for (const id of movingSet(this.editor, this.editor.state.selection)) {
      const box = this.editor.boxOf(id);
      if (box) this.start.set(id, { x: box.x, y: box.y, w: box.w, h: box.h });
    }
    this.update(this.first);
  }

  override onPointerMove(e: PointerInfo): void {
    this.update(e);
  }

  override onPointerUp(e: PointerInfo): void {
    const boxes = this.update(e);
    const moved = [...boxes].some(
      ([id, b]) => b.x !== this.start.get(id)?.x || b.y !== this.start.get(id)?.y,
    );
    if (moved) commitBoxes(this.editor, boxes);
    this.editor.store.set({ preview: null });
    this.tool.toIdle();
  }

  override onCancel(): void {
    this.editor.store.set({ preview: null });
    this.tool.toIdle();
  }

  private update(e: PointerInfo): Map<string, Box> {
    let dx = e.world.x - this.origin.world.x;
    let dy = e.world.y - this.origin.world.y;
    // Shift keeps the move on one axis, as in most drawing tools.
    if (e.shiftKey) {
      if (Math.abs(dx) > Math.abs(dy)) dy = 0;
      else dx = 0;
    }
    const boxes = new Map<string, Box>();
    for (const [id, b] of this.start) boxes.set(id, { x: b.x + dx, y: b.y + dy, w: b.w, h: b.h });
    this.editor.store.set({ preview: boxes });
    return boxes;
  }
}
