import type { Camera } from '../camera';
import type { Editor } from '../editor';
import { IdleState, Tool, ToolState, type PointerInfo } from './tool';

/**
 * Panning the view. Also borrowed by the InputController while Space is held or the middle
 * button is down, whatever the current tool.
 */
export function createHandTool(editor: Editor): Tool {
  return new Tool('hand', editor, (tool) => new HandIdle(tool));
}

class HandIdle extends IdleState {
  override onPointerDown(e: PointerInfo): void {
    if (e.button === 0 || e.button === 1) this.tool.transition(new Panning(this.tool, e));
  }
}

class Panning extends ToolState {
  readonly name = 'panning';
  private readonly camera: Camera;

  constructor(
    tool: Tool,
    private readonly origin: PointerInfo,
  ) {
    super(tool);
    this.camera = tool.editor.state.camera;
  }

  // Screen points, not world points: the world moves under the pointer while panning.
  override onPointerMove(e: PointerInfo): void {
    const { x, y, zoom } = this.camera;
    this.editor.setCamera({
      zoom,
      x: x + e.screen.x - this.origin.screen.x,
      y: y + e.screen.y - this.origin.screen.y,
    });
  }

  override onPointerUp(e: PointerInfo): void {
    this.onPointerMove(e);
    this.tool.toIdle();
  }

  override onCancel(): void {
    this.editor.setCamera(this.camera);
    this.tool.toIdle();
  }
}
