import { CARD_SIZE } from '../../../../shared/model';
import { addCard } from '../../edit-commands';
import { IdleState, type PointerInfo } from '../tool';
import { PointingCanvas } from './pointing-canvas';
import { PointingHandle } from './pointing-handle';
import { PointingItem } from './pointing-item';

/** Nothing under way: a press decides what the gesture will be from what it lands on. */
export class SelectIdle extends IdleState {
  override onPointerDown(e: PointerInfo): void {
    if (e.button !== 0) return;
    const target = e.target;
    switch (target.type) {
      case 'resize-handle':
      case 'connect-handle':
        return this.tool.transition(new PointingHandle(this.tool, e, target));
      case 'card':
      case 'connector':
      case 'frame':
        return this.tool.transition(new PointingItem(this.tool, e, target.id));
      case 'canvas':
        return this.tool.transition(new PointingCanvas(this.tool, e));
    }
  }

  /** Double-click edits what it lands on, or adds a card of the palette's kind on empty canvas. */
  override onDoubleClick(e: PointerInfo): void {
    const editor = this.editor;
    const target = e.target;
    if (target.type === 'card') return editor.startEditing({ id: target.id, type: 'card' });
    if (target.type === 'frame') return editor.startEditing({ id: target.id, type: 'frame' });
    if (target.type === 'connector') return editor.startEditing({ id: target.id, type: 'connector' });
    if (target.type === 'canvas') {
      const at = { x: e.world.x - CARD_SIZE.w / 2, y: e.world.y - CARD_SIZE.h / 2 };
      addCard(editor, editor.state.paletteKind, { at, edit: true });
    }
  }
}
