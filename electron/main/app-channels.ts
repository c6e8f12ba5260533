/** Handlers for the app-level channels of the IPC contract (window, shell, editing). */
import { app, BrowserWindow, shell, type WebContents } from 'electron';
import { OS_PLATFORMS, type NativeEditCommand } from '../../shared/ipc/contract';
import { checkHelpLink } from './external-links';
import { RequestRefusedError } from './invoke-pipeline';
import type { Ipc } from './ipc';
import { formatWindowTitle } from '../../shared/ipc/window-title';

function runNativeEdit(contents: WebContents, command: NativeEditCommand): void {
  switch (command) {
    case 'undo':
      return contents.undo();
    case 'redo':
      return contents.redo();
    case 'cut':
      return contents.cut();
    case 'copy':
      return contents.copy();
    case 'paste':
      return contents.paste();
    case 'selectAll':
      return contents.selectAll();
    case 'delete':
      return contents.delete();
  }
}

const isOsPlatform = (value: string): value is (typeof OS_PLATFORMS)[number] =>
  (OS_PLATFORMS as readonly string[]).includes(value);

export interface AppChannelOptions {
  /** While a window shows a workshop, main keeps its title in step with the file (workshop-channels.ts). */
  readonly windowShowsWorkshop: (contents: WebContents) => boolean;
}

export function registerAppChannels(ipc: Ipc, options: AppChannelOptions): void {
  ipc.handle('app:info', () => {
    if (!isOsPlatform(process.platform)) throw new Error(`unknown platform ${process.platform}`);
    return { version: app.getVersion(), platform: process.platform };
  });

  ipc.handle('window:set-title', (request, { sender }) => {
    const window = BrowserWindow.fromWebContents(sender);
    if (window === null) throw new RequestRefusedError('the sender has no window');
    // The file's name and save state win: the renderer's title would disagree with the file.
    if (options.windowShowsWorkshop(sender)) return null;
    window.setTitle(formatWindowTitle(request));
    // macOS shows unsaved work as a dot in the close button.
    if (process.platform === 'darwin') window.setDocumentEdited(request.savedState !== 'saved');
    return null;
  });

  ipc.handle('shell:open-external', async (request) => {
    const verdict = checkHelpLink(request.url);
    if (!verdict.allowed) throw new RequestRefusedError(verdict.reason);
    await shell.openExternal(verdict.href);
    return null;
  });

  ipc.handle('edit:native', (command, { sender }) => {
    runNativeEdit(sender, command);
    return null;
  });
}
