import type { CardId } from '../../../shared/model';
import { connectCards } from '../edit-commands';
import { topCardAt } from '../hit-test';
import { ToolState, type PointerInfo, type Tool } from './tool';

/**
 * Drawing a connector from a card: the pending line follows the pointer; releasing over another
 * card connects the two with the editor's current connector kind and selects the new connector.
 * Shared by the connect tool and the select tool's connection handles.
 */
export class Connecting extends ToolState {
  readonly name = 'connecting';

  constructor(
    tool: Tool,
    private readonly from: CardId,
    private readonly first: PointerInfo,
  ) {
    super(tool);
  }

  override onEnter(): void {
    this.editor.store.set({ pendingConnector: { from: this.from, to: this.first.world } });
  }

  override onPointerMove(e: PointerInfo): void {
    this.editor.store.set({ pendingConnector: { from: this.from, to: e.world } });
  }

  override onPointerUp(e: PointerInfo): void {
    this.editor.store.set({ pendingConnector: null });
    // The card under the pointer, ignoring handles: the line ends on a card, not on a handle.
    const target = topCardAt(this.editor.snapshot, e.world);
    if (target && target.id !== this.from) {
      const id = connectCards(this.editor, this.from, target.id);
      if (id) this.editor.select([id]);
    }
    this.tool.toIdle();
  }

  override onCancel(): void {
    this.editor.store.set({ pendingConnector: null });
    this.tool.toIdle();
  }
}
