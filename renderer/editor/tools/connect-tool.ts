import type { Editor } from '../editor';
import { Connecting } from './connecting';
import { IdleState, Tool, type PointerInfo } from './tool';

/** Drag from one card to another to connect them with the editor's current connector kind. */
export function createConnectTool(editor: Editor): Tool {
  return new Tool('connect', editor, (tool) => new ConnectIdle(tool));
}

class ConnectIdle extends IdleState {
  override onPointerDown(e: PointerInfo): void {
    if (e.button !== 0 || this.editor.readOnly) return;
    const target = e.target;
    if (target.type === 'card') this.tool.transition(new Connecting(this.tool, target.id, e));
  }
}
