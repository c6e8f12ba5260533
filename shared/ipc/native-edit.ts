import type { ActionId } from '../actions/catalog';
import type { NativeEditCommand } from './contract';

/**
 * Catalog actions that mean a text-editing command when a text field has focus. With the canvas
 * focused they are canvas actions (copy cards, undo a move); in a text field they must do what the
 * OS does, so the renderer hands them back to main as native commands.
 */
const NATIVE_EDIT_FOR_ACTION: Partial<Record<ActionId, NativeEditCommand>> = {
  'edit.undo': 'undo',
  'edit.redo': 'redo',
  'edit.cut': 'cut',
  'edit.copy': 'copy',
  'edit.paste': 'paste',
  'edit.selectAll': 'selectAll',
  'edit.delete': 'delete',
};

export function nativeEditCommandFor(actionId: ActionId): NativeEditCommand | undefined {
  return NATIVE_EDIT_FOR_ACTION[actionId];
}
