/**
 * Wiring of the workshop files (electron/storage/workshop-manager.ts) to Electron: the IPC
 * handlers, the windows and the system dialogs. Decisions live in the manager; this file only
 * translates between it and Electron's objects.
 */
import { BrowserWindow, dialog, webContents, type WebContents } from 'electron';
import { WORKSHOP_EXTENSION } from '../../shared/ipc/workshop-names';
import { formatWindowTitle, savedStateOf } from '../../shared/ipc/window-title';
import type { DialogPort, WindowPort, WorkshopManager } from '../storage/workshop-manager';
import type { FlushBarrier } from './flush-barrier';
import type { Ipc } from './ipc';
import { isOurWebContents } from './windows';

const FILTERS = [{ name: 'Dreamboard workshops', extensions: [WORKSHOP_EXTENSION.slice(1)] }];

function windowOf(windowId: number): BrowserWindow | null {
  const contents = webContents.fromId(windowId);
  if (contents === undefined || contents.isDestroyed() || !isOurWebContents(contents)) return null;
  return BrowserWindow.fromWebContents(contents);
}

function contentsOf(windowId: number): WebContents | null {
  const contents = webContents.fromId(windowId);
  return contents !== undefined && !contents.isDestroyed() ? contents : null;
}

export function createWindowPort(ipc: Ipc, openWindow: () => BrowserWindow): WindowPort {
  return {
    openWindow: () => openWindow().webContents.id,
    focus(windowId) {
      const window = windowOf(windowId);
      if (window === null) return;
      if (window.isMinimized()) window.restore();
      window.focus();
    },
    list() {
      const focused = BrowserWindow.getFocusedWindow();
      const all = BrowserWindow.getAllWindows().filter(
        (w) => !w.isDestroyed() && isOurWebContents(w.webContents),
      );
      const ordered =
        focused !== null && all.includes(focused) ? [focused, ...all.filter((w) => w !== focused)] : all;
      return ordered.map((w) => w.webContents.id);
    },
    notifyOpenRequested(windowId) {
      const contents = contentsOf(windowId);
      // A window still loading subscribes later and collects its requests then.
      if (contents !== null) ipc.send(contents, 'workshops:open-requested', null);
    },
    sendSaveState(windowId, event) {
      const contents = contentsOf(windowId);
      if (contents !== null) ipc.send(contents, 'workshops:save-state', event);
    },
    showWorkshop(windowId, shown) {
      const window = windowOf(windowId);
      if (window === null) return;
      if (shown === null) {
        if (process.platform === 'darwin') {
          window.setRepresentedFilename('');
          window.setDocumentEdited(false);
        }
        return;
      }
      const savedState = savedStateOf(shown.saveState);
      window.setTitle(formatWindowTitle({ title: shown.name, savedState }));
      if (process.platform === 'darwin') {
        // The proxy icon in the title bar: the file itself, draggable, with its folder on Cmd-click.
        window.setRepresentedFilename(shown.path);
        window.setDocumentEdited(savedState !== 'saved');
      }
    },
  };
}

export function createDialogPort(): DialogPort {
  return {
    async chooseWorkshopToOpen(windowId) {
      const window = windowOf(windowId);
      const options = { title: 'Open a workshop', properties: ['openFile' as const], filters: FILTERS };
      const result = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseSaveAsPath(windowId, suggestedPath) {
      const window = windowOf(windowId);
      const options = { title: 'Save a copy of the workshop', defaultPath: suggestedPath, filters: FILTERS };
      const result = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options);
      return result.canceled || result.filePath === '' ? null : result.filePath;
    },
  };
}

export function registerWorkshopChannels(ipc: Ipc, manager: WorkshopManager, barrier: FlushBarrier): void {
  ipc.handle('workshops:create', (request, { sender }) =>
    manager.create(sender.id, request.templateId, request.title),
  );
  ipc.handle('workshops:create-from-state', (request, { sender }) =>
    manager.createFromState(sender.id, request.state, request.title),
  );
  ipc.handle('workshops:open-dialog', (_request, { sender }) => manager.openDialog(sender.id));
  ipc.handle('workshops:open-path', (request, { sender }) => manager.openPath(sender.id, request.path));
  ipc.handle('workshops:open-recent', (request, { sender }) => manager.openRecent(sender.id, request.id));
  ipc.handle('workshops:take-open-requests', (_request, { sender }) => manager.takeOpenRequests(sender.id));
  ipc.handle('workshops:recent', () => manager.recent());
  ipc.handle('workshops:forget-recent', async (request) => {
    await manager.forgetRecent(request.id);
    return null;
  });
  ipc.handle('workshops:record', (request, { sender }) => {
    manager.record(sender.id, request.handle, request.update);
    return null;
  });
  ipc.handle('workshops:save-as', (request, { sender }) => manager.saveAs(sender.id, request.handle));
  ipc.handle('workshops:rename', (request, { sender }) =>
    manager.rename(sender.id, request.handle, request.name),
  );
  ipc.handle('workshops:close', (request, { sender }) => manager.close(sender.id, request.handle));
  ipc.handle('workshops:history', (request, { sender }) => manager.history(sender.id, request.handle));
  ipc.handle('workshops:load-history', (request, { sender }) =>
    manager.loadHistory(sender.id, request.handle, request.id),
  );
  ipc.handle('workshops:flush-ack', (request, { sender }) => {
    barrier.acknowledge(sender.id, request.token);
    return null;
  });
}
