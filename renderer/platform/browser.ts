/** The Platform for plain Chromium: `npm run web`, end-to-end tests and benchmarks. */
import { HelpLinkSchema } from '../../shared/ipc/contract';
import { createBrowserStorage } from './browser-storage';
import type { LivePlatform } from '../live/types';
import { createBrowserLive } from './live-browser';
import type { Platform, WorkshopStorage } from './types';
import { startWorkerStorage } from './worker-storage';
import { formatWindowTitle } from '../../shared/ipc/window-title';
import { version } from '../../package.json';

export interface BrowserPlatformHost {
  setTitle(title: string): void;
  /** window.open with noopener, so the help page cannot script or redirect our tab. */
  openInNewTab(url: string): boolean;
}

const defaultHost: BrowserPlatformHost = {
  setTitle: (title) => {
    document.title = title;
  },
  openInNewTab: (url) => {
    // With noopener, window.open returns null even on success, so success is "not thrown".
    window.open(url, '_blank', 'noopener,noreferrer');
    return true;
  },
};

export function createBrowserPlatform(
  host: BrowserPlatformHost = defaultHost,
  // In a worker, so saving a large workshop never blocks the page (docs/files-browser.md).
  workshops: WorkshopStorage = startWorkerStorage() ?? createBrowserStorage(),
  live: LivePlatform = createBrowserLive(),
): Platform {
  return {
    kind: 'browser',
    workshops,
    live,
    getAppInfo: () => Promise.resolve({ version, platform: 'web' }),
    setWindowTitle(title, savedState) {
      host.setTitle(formatWindowTitle({ title, savedState }));
    },
    // No native menus in a browser: the renderer's keyboard handling performs every action.
    onMenuAction: () => () => undefined,
    openHelpLink(url) {
      // The same rule as the desktop app, so a link that works in tests works in Electron.
      const checked = HelpLinkSchema.safeParse(url);
      if (!checked.success) {
        console.warn(`[platform] help link refused: ${checked.error.issues[0]?.message ?? 'not allowed'}`);
        return Promise.resolve(false);
      }
      return Promise.resolve(host.openInNewTab(checked.data));
    },
  };
}
