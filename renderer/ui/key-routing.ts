import type { ActionId } from '../../shared/actions/catalog';
import type { CardKind } from '../../shared/model';
import { actionForKey, cardKindForKey } from '../editor/actions';
import type { KeyLike } from '../editor/shortcuts';

/**
 * Where keyboard focus is, as far as shortcuts care:
 * - `text`: a text field or the in-place editor; typing belongs to it.
 * - `tree`: the outline, which handles its own keys first.
 * - `dialog`: an open modal; it handles its own keys.
 * - `board`: the canvas (or nothing focused); bare keys like Delete and 1–9 act on the board.
 * - `control`: any other button, select or checkbox; only modifier shortcuts.
 */
export type FocusZone = 'text' | 'tree' | 'dialog' | 'board' | 'control';

export type KeyDecision =
  | { readonly type: 'action'; readonly id: ActionId }
  | { readonly type: 'card'; readonly kind: CardKind }
  | null;

/** Shortcuts a text field already does natively; taking them over would break typing. */
const TEXT_EDITING: ReadonlySet<string> = new Set([
  'edit.undo',
  'edit.redo',
  'edit.copy',
  'edit.cut',
  'edit.paste',
  'edit.selectAll',
]);

/**
 * Copy, cut and paste are left to the browser, which then fires DOM clipboard events that the
 * shell handles with `event.clipboardData`: that works without clipboard permissions, which
 * Electron denies to pages.
 */
const CLIPBOARD: ReadonlySet<string> = new Set(['edit.copy', 'edit.cut', 'edit.paste']);

const hasMod = (e: KeyLike, isMac: boolean) => (isMac ? e.metaKey : e.ctrlKey);

/** What a key press should do, given where focus is. Pure, so the routing rules are unit-tested. */
export function decideKey(e: KeyLike, zone: FocusZone, isMac = false): KeyDecision {
  if (zone === 'dialog') return null;
  if (zone === 'board') {
    const kind = cardKindForKey(e);
    if (kind) return { type: 'card', kind };
    const spec = actionForKey(e, 'board', isMac);
    if (!spec || CLIPBOARD.has(spec.id)) return null;
    return { type: 'action', id: spec.id as ActionId };
  }
  const spec = actionForKey(e, 'elsewhere', isMac);
  if (!spec || CLIPBOARD.has(spec.id)) {
    // "?" opens the shortcut sheet from any button too: it is the one key people guess.
    if ((zone === 'control' || zone === 'tree') && e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey)
      return { type: 'action', id: 'help.shortcuts' };
    return null;
  }
  if (zone === 'text') {
    // Alt+letter types characters on some layouts, so only Ctrl/Cmd shortcuts reach through.
    if (!hasMod(e, isMac) || TEXT_EDITING.has(spec.id)) return null;
  }
  return { type: 'action', id: spec.id as ActionId };
}

/** The minimum of a DOM element this needs; real elements satisfy it. */
export interface ElementLike {
  closest(selector: string): unknown;
}

/** Which zone an element belongs to. `isText` is the platform's text-field test. */
export function zoneOf(
  el: ElementLike | null,
  isBody: boolean,
  isText: (el: ElementLike) => boolean,
): FocusZone {
  if (!el || isBody) return 'board';
  if (el.closest('dialog[open]')) return 'dialog';
  if (isText(el)) return 'text';
  if (el.closest('[role="tree"]')) return 'tree';
  if (el.closest('[data-zone="board"]')) return 'board';
  return 'control';
}
