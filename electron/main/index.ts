/**
 * Main-process entry point: security policy first, then one instance, one window. Everything
 * with logic lives in modules that do not import 'electron' (see docs/security.md).
 */
import path from 'node:path';
import { app, BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './app-origin';
import { registerAppChannels } from './app-channels';
import { readDevServerSetting } from './dev-server';
import { createIpc } from './ipc';
import { installApplicationMenu } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { applySecurityPolicy } from './security';
import { trustedOriginOf } from './sender-check';
import { createMainWindow, focusExistingWindow, isOurWebContents } from './windows';

// The bundle is dist/electron/main.cjs; the preload and the renderer sit beside it.
const preloadPath = path.join(__dirname, 'preload.cjs');
const rendererRoot = path.join(__dirname, '..', 'renderer');

function start(entryUrl: string, isDev: boolean): void {
  serveRenderer(rendererRoot);
  const ipc = createIpc({ trustedOrigin: trustedOriginOf(entryUrl), isOurWebContents });
  registerAppChannels(ipc);
  installApplicationMenu({ platform: process.platform, appName: app.name, isDev }, (target, actionId) =>
    ipc.send(target, 'menu:action', { actionId }),
  );
  const openWindow = () => createMainWindow({ entryUrl, preloadPath, isDev });
  openWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
}

function main(): void {
  const devServer = readDevServerSetting(process.env);
  if (devServer.mode === 'refused') {
    console.error(`[main] ${devServer.reason}`);
    app.exit(2);
    return;
  }
  // Every renderer sandboxed, whatever a future window's options say.
  app.enableSandbox();
  applySecurityPolicy();
  registerAppScheme();

  // A second launch (double-clicking a .dreamboard file, a join link) focuses the running app
  // instead of opening a second copy that would fight over the same files.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => focusExistingWindow());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  const isDev = devServer.mode === 'development';
  const entryUrl = isDev ? devServer.url : APP_ENTRY_URL;
  app
    .whenReady()
    .then(() => start(entryUrl, isDev))
    .catch((error: unknown) => {
      console.error(`[main] could not start: ${String(error)}`);
      app.exit(1);
    });
}

main();
