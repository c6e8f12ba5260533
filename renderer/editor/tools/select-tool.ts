import type { Editor } from '../editor';
import { SelectIdle } from './select/idle';
import { Tool } from './tool';

/**
 * Select, move, marquee, resize, and start connectors from the selected card's handles.
 * States: idle, pointing_item, pointing_canvas, translating, brushing, pointing_handle, resizing,
 * connecting — one file each under select/ (connecting is shared with the connect tool).
 */
export function createSelectTool(editor: Editor): Tool {
  return new Tool('select', editor, (tool) => new SelectIdle(tool));
}
