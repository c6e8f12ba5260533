/** The export channel: the system save dialog and an atomic write (logic in electron/export/save-export.ts). */
import { app, BrowserWindow, dialog } from 'electron';
import { join } from 'node:path';
import { saveExport } from '../export/save-export';
import { NodeVolume } from '../storage/node-volume';
import type { Ipc } from './ipc';

export function registerExportChannels(ipc: Ipc): void {
  const volume = new NodeVolume();
  ipc.handle('export:save', (request, { sender }) =>
    saveExport(request, {
      volume,
      async chooseSavePath(suggestedName, filter) {
        const window = BrowserWindow.fromWebContents(sender);
        // The page suggests only a bare name (checked by the contract); the folder is ours to pick.
        const options = {
          title: 'Export',
          defaultPath: join(app.getPath('documents'), suggestedName),
          filters: [filter],
        };
        const result = window
          ? await dialog.showSaveDialog(window, options)
          : await dialog.showSaveDialog(options);
        return result.canceled ? null : (result.filePath ?? null);
      },
    }),
  );
}
