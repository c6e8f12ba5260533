/**
 * Options for every Dreamboard window. Pure so the security-relevant flags are asserted by a unit
 * test rather than trusted to stay put.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowOptionsInput {
  /** Absolute path of dist/electron/preload.cjs. */
  readonly preloadPath: string;
  readonly isDev: boolean;
}

export function buildWindowOptions({
  preloadPath,
  isDev,
}: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    width: 1400,
    height: 900,
    minWidth: 720,
    minHeight: 480,
    title: 'Dreamboard',
    // Shown once the first paint is ready, so people never see a white flash on a projector.
    show: false,
    backgroundColor: '#f7f5f0',
    webPreferences: {
      preload: preloadPath,
      // The renderer handles peer data and file contents: it gets no Node, its own JS world, and
      // Chromium's OS sandbox, so a bug there cannot reach the file system or the preload's scope.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
      devTools: isDev,
    },
  };
}
