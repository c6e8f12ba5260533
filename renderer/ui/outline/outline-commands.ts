import { CARD_KIND_INFO, type FrameId } from '../../../shared/model';
import { deleteSelection } from '../../editor/edit-commands';
import type { Editor } from '../../editor/editor';
import { cardTitle, frameTitle, recordIdOf, type OutlineNode } from './outline-model';

/** A dialog the outline opens for its item. */
export type OutlineDialog =
  | { readonly type: 'add'; readonly frame: FrameId | null; readonly placeName: string }
  | { readonly type: 'move'; readonly cardId: string; readonly current: FrameId | null }
  | { readonly type: 'connect'; readonly cardId: string }
  | { readonly type: 'kind'; readonly cardId: string }
  | { readonly type: 'link'; readonly connectorId: string };

export type OutlineVerb = 'add' | 'edit' | 'move' | 'connect' | 'kind' | 'delete';

/** Which verbs an item offers, in the order the action bar shows them. */
export function verbsFor(node: OutlineNode): OutlineVerb[] {
  switch (node.type) {
    case 'frame':
      return node.frame.locked ? ['add'] : ['add', 'edit', 'delete'];
    case 'loose':
      return ['add'];
    case 'card':
      return ['edit', 'move', 'connect', 'kind', 'add', 'delete'];
    case 'link':
      return ['edit', 'delete'];
  }
}

/** The outline's keys for its verbs; listed in the shortcut sheet too. */
export function verbForKey(key: string): OutlineVerb | null {
  switch (key) {
    case 'Enter':
    case 'F2':
      return 'edit';
    case 'a':
    case 'A':
      return 'add';
    case 'm':
    case 'M':
      return 'move';
    case 'k':
    case 'K':
      return 'connect';
    case 't':
    case 'T':
      return 'kind';
    case 'Delete':
    case 'Backspace':
      return 'delete';
    default:
      return null;
  }
}

/** Where "Add a card here" puts the card for this item: the frame, or the frame the card is in. */
export function addTarget(editor: Editor, node: OutlineNode): { frame: FrameId | null; placeName: string } {
  let frame: FrameId | null = null;
  if (node.type === 'frame') frame = node.frame.id;
  else if (node.type === 'card') frame = node.card.frame;
  else if (node.type === 'link') frame = node.owner.frame;
  const f = frame ? editor.frame(frame) : undefined;
  return f ? { frame: f.id, placeName: frameTitle(f) } : { frame: null, placeName: 'no frame' };
}

/** Deletes the item, saying what went and that Undo brings it back. */
export function deleteNode(editor: Editor, node: OutlineNode): void {
  const id = recordIdOf(node);
  if (!id) return;
  const what =
    node.type === 'card'
      ? `${CARD_KIND_INFO[node.card.kind].label} card “${cardTitle(node.card)}”`
      : node.type === 'frame'
        ? `frame “${frameTitle(node.frame)}” and its ${node.children.length} cards`
        : 'connection';
  if (node.type === 'frame' && node.frame.locked) return editor.announce('Locked frames cannot be deleted');
  const before = editor.snapshot.version;
  deleteSelection(editor, [id]);
  if (editor.snapshot.version !== before) editor.announce(`Deleted ${what}. Press Ctrl+Z to undo.`);
}
