/**
 * Main-process entry point: security policy first, then one instance, then windows and workshop
 * files (docs/files.md). Everything
 * with logic lives in modules that do not import 'electron' (see docs/security.md).
 */
import path from 'node:path';
import { app, BrowserWindow, type WebContents } from 'electron';
import type { ActionId } from '../../shared/actions/catalog';
import type { RecentEntry } from '../../shared/ipc/workshop-schemas';
import { APP_ENTRY_URL } from './app-origin';
import { registerAppChannels } from './app-channels';
import { registerExportChannels } from './export-channels';
import { readDevServerSetting } from './dev-server';
import { createIpc } from './ipc';
import { registerLiveChannels } from './live-channels';
import { installApplicationMenu } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { applySecurityPolicy } from './security';
import { trustedOriginOf } from './sender-check';
import { nodeScheduler } from '../storage/node-volume';
import { workshopPathsInArgs } from '../storage/launch-args';
import { WorkshopManager } from '../storage/workshop-manager';
import { FlushBarrier } from './flush-barrier';
import { createDialogPort, createWindowPort, registerWorkshopChannels } from './workshop-channels';
import { WorkshopWindowGuard } from './workshop-lifecycle';
import { createMainWindow, focusExistingWindow, isOurWebContents } from './windows';
import { JoinLinkInbox, joinLinkFromUrl, joinLinksInArgs } from '../live/join-links';

// The bundle is dist/electron/main.cjs; the preload and the renderer sit beside it.
const preloadPath = path.join(__dirname, 'preload.cjs');
const rendererRoot = path.join(__dirname, '..', 'renderer');

/** Files the OS asked us to open before the manager existed (macOS sends open-file before ready). */
const earlyOpenRequests: string[] = [];
let openWorkshopFile = (path: string) => void earlyOpenRequests.push(path);
/** Join links from the OS, held until a window's page collects them (links can arrive before ready). */
const joinLinks = new JoinLinkInbox();

function start(entryUrl: string, isDev: boolean): void {
  serveRenderer(rendererRoot);
  const ipc = createIpc({ trustedOrigin: trustedOriginOf(entryUrl), isOurWebContents });
  registerAppChannels(ipc, { windowShowsWorkshop: (contents) => manager.windowHasWorkshop(contents.id) });
  registerExportChannels(ipc);

  const menuContext = { platform: process.platform, appName: app.name, isDev };
  const sendMenuAction = (target: WebContents, actionId: ActionId) =>
    ipc.send(target, 'menu:action', { actionId });
  const installMenu = (recent: readonly RecentEntry[]) =>
    installApplicationMenu(menuContext, sendMenuAction, {
      entries: recent,
      open: (id, window) => {
        const target = window instanceof BrowserWindow ? window : BrowserWindow.getFocusedWindow();
        void manager.openRecentFromMenu(id, target?.webContents.id ?? null);
      },
    });

  const barrier = new FlushBarrier(nodeScheduler);
  const openWindow = () => {
    const window = createMainWindow({ entryUrl, preloadPath, isDev });
    guard.watch(window);
    const contentsId = window.webContents.id;
    window.on('closed', () => joinLinks.forget(contentsId));
    return window;
  };
  const manager: WorkshopManager = new WorkshopManager({
    windows: createWindowPort(ipc, openWindow),
    dialogs: createDialogPort(),
    workshopsFolder: path.join(app.getPath('documents'), 'Dreamboard'),
    dataFolder: app.getPath('userData'),
    onRecentChanged: (entries, openedPath) => {
      if (openedPath !== null) app.addRecentDocument(openedPath);
      installMenu(entries);
    },
  });
  const guard = new WorkshopWindowGuard(manager, barrier, ipc);
  registerLiveChannels(ipc, joinLinks, openWindow);
  registerWorkshopChannels(ipc, manager, barrier);
  app.on('before-quit', (event) => guard.onBeforeQuit(event));
  installMenu([]);
  void manager.recent().then(installMenu);

  openWindow();
  openWorkshopFile = (file) => void manager.openFromOutside(file);
  for (const file of [...workshopPathsInArgs(process.argv, process.cwd()), ...earlyOpenRequests.splice(0)])
    openWorkshopFile(file);
  for (const link of joinLinksInArgs(process.argv)) joinLinks.receive(link);
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
  // Join links (docs/live-sessions.md): only packaged builds claim the scheme, so a development
  // copy never takes links meant for the installed app. Windows and Linux pass a clicked link in
  // argv (first or second launch); macOS sends 'open-url'.
  if (app.isPackaged) app.setAsDefaultProtocolClient('dreamboard');
  // A second launch hands over its command line: files to open, join links, or just "come to the front".
  app.on('second-instance', (_event, argv, workingDirectory) => {
    const files = workshopPathsInArgs(argv, workingDirectory);
    const links = joinLinksInArgs(argv);
    if (files.length === 0 && links.length === 0) focusExistingWindow();
    for (const file of files) openWorkshopFile(file);
    for (const link of links) joinLinks.receive(link);
  });
  // macOS; may come before ready (the app was started by the link): the inbox holds it.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    const link = joinLinkFromUrl(url);
    if (link !== null) joinLinks.receive(link);
  });
  // macOS: double-click in Finder, drop on the Dock icon, Open Recent in the Dock menu.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    openWorkshopFile(file);
  });
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
