/** Installs the native menu built from the action catalog (menu-template.ts). */
import { BrowserWindow, Menu, type WebContents } from 'electron';
import { ACTIONS, type ActionId } from '../../shared/actions/catalog';
import { buildMenuTemplate, type MenuContext, type RecentMenu } from './menu-template';

/** Called again whenever the recent list changes: Electron menus are rebuilt, not edited. */
export function installApplicationMenu(
  context: MenuContext,
  sendMenuAction: (target: WebContents, actionId: ActionId) => void,
  recent?: RecentMenu,
): void {
  const template = buildMenuTemplate(
    ACTIONS,
    context,
    (actionId, window) => {
      // Accelerators pass the window they fired in; clicks with no window go to the focused one.
      const target = window instanceof BrowserWindow ? window : BrowserWindow.getFocusedWindow();
      if (target === null || target.isDestroyed()) return;
      sendMenuAction(target.webContents, actionId);
    },
    recent,
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
