import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { ACTIONS, type ActionId } from '../../../../shared/actions/catalog';
import {
  buildMenuTemplate,
  shouldRegisterAccelerator,
  type MenuContext,
} from '../../../../electron/main/menu-template';

const linux: MenuContext = { platform: 'linux', appName: 'Dreamboard', isDev: false };
const mac: MenuContext = { platform: 'darwin', appName: 'Dreamboard', isDev: false };

function flatten(items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function build(context: MenuContext) {
  const sent: ActionId[] = [];
  const template = buildMenuTemplate(ACTIONS, context, (actionId) => sent.push(actionId));
  return { template, sent, items: flatten(template) };
}

const menuActions = ACTIONS.filter((action) => 'menu' in action && action.menu !== undefined);

describe('native menus built from the action catalog', () => {
  it.each([
    ['Linux', linux],
    ['macOS', mac],
  ])('has every catalog action that names a menu, once, on %s', (_os, context) => {
    const { items } = build(context);
    for (const action of menuActions) expect(items.filter((item) => item.id === action.id)).toHaveLength(1);
  });

  it('leaves out actions that have no menu', () => {
    const { items } = build(linux);
    const ids = new Set(items.map((item) => item.id));
    for (const action of ACTIONS.filter((a) => !('menu' in a) || a.menu === undefined))
      expect(ids.has(action.id)).toBe(false);
  });

  it('uses each action’s label and shortcut as given', () => {
    const { items } = build(linux);
    for (const action of menuActions) {
      const item = items.find((candidate) => candidate.id === action.id);
      expect(item?.label).toBe(action.label);
      expect(item?.accelerator).toBe('shortcut' in action ? action.shortcut : undefined);
    }
  });

  it('sends the action id when an item is chosen, and uses no Electron roles for our actions', () => {
    const { items, sent } = build(linux);
    const copy = items.find((item) => item.id === 'edit.copy');
    expect(copy?.role).toBeUndefined();
    copy?.click?.({} as never, undefined, {} as never);
    expect(sent).toEqual(['edit.copy']);
  });

  it('puts the menus in order File, Edit, View, Insert, Arrange, Help on Linux and Windows', () => {
    expect(build(linux).template.map((menu) => menu.label)).toEqual([
      'File',
      'Edit',
      'View',
      'Insert',
      'Arrange',
      'Help',
    ]);
  });

  it('adds the macOS app menu with About, and a Window menu, on macOS', () => {
    const { template } = build(mac);
    expect(template.map((menu) => menu.label ?? menu.role)).toEqual([
      'Dreamboard',
      'File',
      'Edit',
      'View',
      'Insert',
      'Arrange',
      'windowMenu',
      'Help',
    ]);
    const appMenu = template[0]?.submenu as MenuItemConstructorOptions[];
    expect(appMenu[0]?.id).toBe('help.about');
    expect(appMenu.map((item) => item.role).filter(Boolean)).toEqual([
      'services',
      'hide',
      'hideOthers',
      'unhide',
      'quit',
    ]);
  });

  it('offers Quit in the File menu outside macOS', () => {
    const file = build(linux).template[0]?.submenu as MenuItemConstructorOptions[];
    expect(file.at(-1)?.role).toBe('quit');
  });

  it('separates groups, never starting or ending a menu with a separator', () => {
    for (const menu of build(linux).template) {
      const submenu = menu.submenu as MenuItemConstructorOptions[];
      expect(submenu[0]?.type).not.toBe('separator');
      expect(submenu.at(-1)?.type).not.toBe('separator');
      submenu.forEach((item, index) => {
        if (item.type === 'separator') expect(submenu[index + 1]?.type).not.toBe('separator');
      });
    }
    const edit = build(linux).template[1]?.submenu as MenuItemConstructorOptions[];
    expect(edit.map((item) => item.id ?? item.type).slice(0, 4)).toEqual([
      'edit.undo',
      'edit.redo',
      'separator',
      'edit.cut',
    ]);
  });

  it('offers reload and developer tools only in development', () => {
    const roles = (context: MenuContext) => build(context).items.map((item) => item.role);
    expect(roles(linux)).not.toContain('toggleDevTools');
    expect(roles({ ...linux, isDev: true })).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });
});

describe('which shortcuts are registered with the operating system', () => {
  it('registers Cmd/Ctrl shortcuts so the menu works from the keyboard', () => {
    for (const shortcut of ['CmdOrCtrl+Z', 'CmdOrCtrl+Shift+S', 'CmdOrCtrl+]', 'Ctrl+K', 'Command+Q'])
      expect(shouldRegisterAccelerator(shortcut)).toBe(true);
  });

  it('shows but does not register keys that also type text', () => {
    for (const shortcut of [
      'C',
      'F',
      '?',
      'Delete',
      'Escape',
      'Enter',
      'Left',
      'Shift+1',
      'Alt+A',
      'Shift+Left',
    ])
      expect(shouldRegisterAccelerator(shortcut)).toBe(false);
  });

  it('marks each catalog item accordingly', () => {
    const items = build(linux).items;
    expect(items.find((item) => item.id === 'insert.card')).toMatchObject({
      accelerator: 'C',
      registerAccelerator: false,
    });
    expect(items.find((item) => item.id === 'edit.paste')).toMatchObject({
      accelerator: 'CmdOrCtrl+V',
      registerAccelerator: true,
    });
  });
});
