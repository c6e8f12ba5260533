import type { Editor } from '../../editor';
import { movingSet } from '../../arrange-commands';
import { isAdditive, isDrag, ToolState, type PointerInfo, type Tool } from '../tool';
import { Translating } from './translating';

/**
 * Pressed on a card, connector or frame title. An unselected item is selected at once (so a drag
 * moves it); a selected one changes the selection only on release, so a group can be dragged.
 */
export class PointingItem extends ToolState {
  readonly name = 'pointing_item';
  private wasSelected = false;

  constructor(
    tool: Tool,
    private readonly origin: PointerInfo,
    private readonly id: string,
  ) {
    super(tool);
  }

  override onEnter(): void {
    this.wasSelected = this.editor.isSelected(this.id);
    if (!this.wasSelected) this.editor.select([this.id], isAdditive(this.origin) ? 'add' : 'replace');
  }

  override onPointerMove(e: PointerInfo): void {
    if (!isDrag(this.origin, e) || !canTranslate(this.editor)) return;
    this.tool.transition(new Translating(this.tool, this.origin, e));
  }

  override onPointerUp(): void {
    if (this.wasSelected) this.editor.select([this.id], isAdditive(this.origin) ? 'toggle' : 'replace');
    this.tool.toIdle();
  }

  override onCancel(): void {
    this.tool.toIdle();
  }
}

function canTranslate(editor: Editor): boolean {
  return !editor.readOnly && movingSet(editor, editor.state.selection).size > 0;
}
