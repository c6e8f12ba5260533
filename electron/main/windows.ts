/** Creates Dreamboard windows and remembers which web contents are ours (for the IPC sender check). */
import { BrowserWindow, type WebContents } from 'electron';
import { buildWindowOptions } from './window-options';

const ourWebContentsIds = new Set<number>();

export function isOurWebContents(contents: WebContents): boolean {
  return ourWebContentsIds.has(contents.id);
}

export interface MainWindowSettings {
  /** app://dreamboard/index.html, or the loopback dev server. */
  readonly entryUrl: string;
  readonly preloadPath: string;
  readonly isDev: boolean;
}

export function createMainWindow(settings: MainWindowSettings): BrowserWindow {
  const window = new BrowserWindow(buildWindowOptions(settings));
  const contentsId = window.webContents.id;
  ourWebContentsIds.add(contentsId);
  window.on('closed', () => ourWebContentsIds.delete(contentsId));
  window.once('ready-to-show', () => window.show());
  // The title is owned by the window:set-title channel (with its saved-state marker), so the
  // page's <title> must not overwrite it.
  window.on('page-title-updated', (event) => event.preventDefault());
  window.loadURL(settings.entryUrl).catch((error: unknown) => {
    console.error(`[windows] could not load ${settings.entryUrl}: ${String(error)}`);
  });
  return window;
}

/** Brings the first window forward, e.g. when the user starts the app a second time. */
export function focusExistingWindow(): boolean {
  const [window] = BrowserWindow.getAllWindows();
  if (window === undefined) return false;
  if (window.isMinimized()) window.restore();
  window.focus();
  return true;
}
