/**
 * Native menus built from the action catalog. Pure: it returns a template that menu.ts hands to
 * Menu.buildFromTemplate, so the structure is unit-tested under Node (type-only Electron import).
 *
 * Canvas actions are sent to the renderer as ids, never as Electron roles: a `copy` role would copy
 * the page's text selection, not the selected cards. Text fields still get native editing because
 * the renderer hands edit ids back as native commands when a text field has focus (shared/ipc/
 * native-edit.ts). Shortcuts that are plain keys (C, F, ?, Delete, arrows, Shift+1, Alt+A…) are
 * shown but not registered with the OS: registered, they would fire while someone types "C" or
 * "!" (or "å" on a Mac keyboard) into a card; the renderer's keyboard handling covers them and
 * knows when a text field has focus.
 */
import type { BaseWindow, MenuItemConstructorOptions } from 'electron';
import type { ActionId, ActionSpec, MenuName } from '../../shared/actions/catalog';

export type CatalogAction = ActionSpec & { readonly id: ActionId };

export interface MenuContext {
  readonly platform: NodeJS.Platform;
  readonly appName: string;
  /** Adds reload and developer tools, which production builds do not offer. */
  readonly isDev: boolean;
}

export type SendMenuAction = (actionId: ActionId, window: BaseWindow | undefined) => void;

/** File → Open Recent. Items carry the recent list's ids; main looks the path up itself. */
export interface RecentMenu {
  readonly entries: readonly { readonly id: string; readonly name: string; readonly folder: string }[];
  readonly open: (id: string, window: BaseWindow | undefined) => void;
}

/** Names alone can repeat ("Plan" in two folders); the folder tells them apart. */
function recentSubmenu(recent: RecentMenu): MenuItemConstructorOptions[] {
  if (recent.entries.length === 0) return [{ label: 'No recent workshops', enabled: false }];
  const counts = new Map<string, number>();
  for (const e of recent.entries) counts.set(e.name, (counts.get(e.name) ?? 0) + 1);
  return recent.entries.map((entry) => ({
    // "&" would be read as a mnemonic marker on Windows and Linux.
    label: ((counts.get(entry.name) ?? 0) > 1 ? `${entry.name} — ${entry.folder}` : entry.name).replace(
      /&/g,
      '&&',
    ),
    click: (_item, window) => recent.open(entry.id, window),
  }));
}

const MENU_LABELS: ReadonlyArray<readonly [MenuName, string]> = [
  ['file', 'File'],
  ['edit', 'Edit'],
  ['view', 'View'],
  ['insert', 'Insert'],
  ['arrange', 'Arrange'],
  ['help', 'Help'],
];

const COMMAND_MODIFIERS = new Set([
  'cmdorctrl',
  'commandorcontrol',
  'cmd',
  'command',
  'ctrl',
  'control',
  'super',
  'meta',
]);

/** True when the shortcut needs Cmd/Ctrl, so registering it cannot swallow typed characters. */
export function shouldRegisterAccelerator(shortcut: string): boolean {
  const keys = shortcut.split('+').map((key) => key.toLowerCase());
  return keys.length > 1 && keys.slice(0, -1).some((key) => COMMAND_MODIFIERS.has(key));
}

function actionItem(action: CatalogAction, send: SendMenuAction): MenuItemConstructorOptions {
  const item: MenuItemConstructorOptions = {
    id: action.id,
    label: action.label,
    click: (_item, window) => send(action.id, window),
  };
  if (action.shortcut !== undefined) {
    item.accelerator = action.shortcut;
    item.registerAccelerator = shouldRegisterAccelerator(action.shortcut);
  }
  return item;
}

/** The menu's actions in catalog order, with a separator wherever the group changes. */
function itemsFor(
  menu: MenuName,
  actions: readonly CatalogAction[],
  send: SendMenuAction,
  omit: ReadonlySet<ActionId>,
) {
  const items: MenuItemConstructorOptions[] = [];
  let lastGroup: string | undefined;
  for (const action of actions) {
    if (action.menu !== menu || omit.has(action.id)) continue;
    if (items.length > 0 && action.group !== lastGroup) items.push({ type: 'separator' });
    items.push(actionItem(action, send));
    lastGroup = action.group;
  }
  return items;
}

export function buildMenuTemplate(
  actions: readonly CatalogAction[],
  context: MenuContext,
  send: SendMenuAction,
  recent?: RecentMenu,
): MenuItemConstructorOptions[] {
  const isMac = context.platform === 'darwin';
  const about = actions.find((action) => action.id === 'help.about');
  // macOS convention puts About in the app menu; elsewhere it stays in Help.
  const movedToAppMenu = new Set<ActionId>(isMac && about ? [about.id] : []);

  const extras: Partial<Record<MenuName, MenuItemConstructorOptions[]>> = {
    file: isMac ? [] : [{ type: 'separator' }, { role: 'quit' }],
    view: [
      { type: 'separator' },
      // A projector in a workshop room is the common case for full screen.
      { role: 'togglefullscreen' },
      ...(context.isDev
        ? [{ type: 'separator' as const }, { role: 'reload' as const }, { role: 'toggleDevTools' as const }]
        : []),
    ],
  };

  const template: MenuItemConstructorOptions[] = [];
  if (isMac) {
    template.push({
      label: context.appName,
      submenu: [
        ...(about ? [actionItem(about, send), { type: 'separator' as const }] : []),
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  for (const [menu, label] of MENU_LABELS) {
    if (menu === 'help' && isMac) template.push({ role: 'windowMenu' });
    const submenu = [...itemsFor(menu, actions, send, movedToAppMenu), ...(extras[menu] ?? [])];
    if (menu === 'file' && recent !== undefined) {
      const afterOpen = submenu.findIndex((item) => item.id === 'file.open') + 1;
      submenu.splice(afterOpen, 0, {
        id: 'file.openRecent',
        label: 'Open recent',
        submenu: recentSubmenu(recent),
      });
    }
    if (submenu.length === 0) continue;
    template.push(menu === 'help' ? { role: 'help', label, submenu } : { label, submenu });
  }
  return template;
}
