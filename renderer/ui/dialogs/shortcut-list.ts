import { ACTIONS, type ActionSpec, type MenuName } from '../../../shared/actions/catalog';
import { CARD_KINDS, CARD_KIND_INFO } from '../../../shared/model';
import { describeAccelerator } from '../../editor/shortcuts';

export interface ShortcutRow {
  readonly what: string;
  /** Each entry is one way to do it (alternatives are joined with "or" when shown). */
  readonly keys: readonly string[];
}

export interface ShortcutSection {
  readonly title: string;
  readonly rows: readonly ShortcutRow[];
}

const MENU_TITLES: Record<MenuName | 'board', string> = {
  file: 'Workshop',
  edit: 'Editing',
  insert: 'Adding things',
  arrange: 'Arranging',
  view: 'Looking around',
  help: 'Help',
  board: 'Moving things with the keyboard',
};

/** Keys the outline tree handles itself (see Outline.tsx); listed here so the sheet stays complete. */
export const OUTLINE_KEYS: readonly ShortcutRow[] = [
  { what: 'Move up and down the list', keys: ['↑', '↓'] },
  { what: 'Open or close a frame or card', keys: ['→', '←'] },
  { what: 'First or last item', keys: ['Home', 'End'] },
  { what: 'Edit a card’s text, rename a frame, or change a connection', keys: ['Enter', 'F2'] },
  { what: 'Add a card here', keys: ['A'] },
  { what: 'Move a card to another frame', keys: ['M'] },
  { what: 'Connect a card to another card', keys: ['K'] },
  { what: 'Change what kind of card it is', keys: ['T'] },
  { what: 'Delete (Undo brings it back)', keys: ['Delete'] },
];

export const MOUSE_GESTURES: readonly ShortcutRow[] = [
  { what: 'Add a card where you want it', keys: ['Drag a card from the left onto the board'] },
  { what: 'Move the view', keys: ['Drag empty space with the Hand tool', 'Scroll'] },
  { what: 'Zoom', keys: ['Ctrl + scroll', 'Pinch'] },
  { what: 'Select several things', keys: ['Drag a box around them', 'Shift + click'] },
  { what: 'Edit a card’s text', keys: ['Double-click the card'] },
  { what: 'Connect two cards', keys: ['Connect tool: drag from one card to another'] },
];

/** The shortcut sheet's content, generated from the action catalog so it cannot drift from it. */
export function shortcutSections(isMac: boolean): ShortcutSection[] {
  const byMenu = new Map<string, ShortcutRow[]>();
  for (const spec of ACTIONS as readonly ActionSpec[]) {
    const accels = [spec.shortcut, ...(spec.altShortcuts ?? [])].filter((s): s is string => !!s);
    if (accels.length === 0) continue;
    const section = spec.menu ?? 'board';
    const keys = [...new Set(accels.map((a) => describeAccelerator(a, isMac)))];
    (byMenu.get(section) ?? byMenu.set(section, []).get(section)!).push({
      what: spec.label.replace(/…$/, ''),
      keys,
    });
  }
  const order: (MenuName | 'board')[] = ['edit', 'insert', 'board', 'arrange', 'view', 'file', 'help'];
  const sections: ShortcutSection[] = order
    .filter((m) => byMenu.has(m))
    .map((m) => ({ title: MENU_TITLES[m], rows: byMenu.get(m)! }));
  const kinds: ShortcutRow[] = CARD_KINDS.map((k) => ({
    what: `Add a ${CARD_KIND_INFO[k].label.toLowerCase()} card`,
    keys: [CARD_KIND_INFO[k].key.toUpperCase()],
  }));
  sections.splice(2, 0, { title: 'Adding a card of a kind (on the board)', rows: kinds });
  sections.push(
    { title: 'In the outline', rows: OUTLINE_KEYS },
    { title: 'With a mouse or touchpad', rows: MOUSE_GESTURES },
  );
  return sections;
}
