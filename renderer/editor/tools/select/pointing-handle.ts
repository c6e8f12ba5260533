import type { HitTarget } from '../../hit-test';
import { Connecting } from '../connecting';
import { isDrag, ToolState, type PointerInfo, type Tool } from '../tool';
import { Resizing } from './resizing';

type HandleTarget = Extract<HitTarget, { type: 'resize-handle' | 'connect-handle' }>;

/** Pressed on a resize handle or a connection handle of the selected item; a drag decides which. */
export class PointingHandle extends ToolState {
  readonly name = 'pointing_handle';

  constructor(
    tool: Tool,
    private readonly origin: PointerInfo,
    private readonly handle: HandleTarget,
  ) {
    super(tool);
  }

  override onPointerMove(e: PointerInfo): void {
    if (!isDrag(this.origin, e) || this.editor.readOnly) return;
    const h = this.handle;
    if (h.type === 'resize-handle')
      this.tool.transition(new Resizing(this.tool, this.origin, h.id, h.handle, e));
    else this.tool.transition(new Connecting(this.tool, h.id, e));
  }

  override onPointerUp(): void {
    this.tool.toIdle();
  }

  override onCancel(): void {
    this.tool.toIdle();
  }
}
