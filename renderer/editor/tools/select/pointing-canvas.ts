import { isAdditive, isDrag, ToolState, type PointerInfo, type Tool } from '../tool';
import { Brushing } from './brushing';

/** Pressed on empty canvas (or inside a frame's body): a click clears the selection, a drag brushes. */
export class PointingCanvas extends ToolState {
  readonly name = 'pointing_canvas';

  constructor(
    tool: Tool,
    private readonly origin: PointerInfo,
  ) {
    super(tool);
  }

  override onPointerMove(e: PointerInfo): void {
    if (isDrag(this.origin, e)) this.tool.transition(new Brushing(this.tool, this.origin, e));
  }

  override onPointerUp(): void {
    if (!isAdditive(this.origin)) {
      this.editor.select([]);
      this.editor.store.set({ pendingConnector: null });
    }
    this.tool.toIdle();
  }

  override onCancel(): void {
    this.tool.toIdle();
  }
}
