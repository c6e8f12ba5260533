/**
 * Picks the Platform once at startup: Electron when the preload has exposed a matching
 * `window.dreamboard`, the browser version otherwise.
 */
import { IPC_CONTRACT_VERSION, type DesktopApi } from '../../shared/ipc/contract';
import { createBrowserPlatform } from './browser';
import { createElectronPlatform } from './electron';
import type { Platform } from './types';

export type { Platform, PlatformInfo } from './types';
export type * from './storage-types';

declare global {
  interface Window {
    /** Set by electron/preload in the desktop app; absent in a browser. */
    readonly dreamboard?: DesktopApi;
  }
}

let platform: Platform | undefined;

function choosePlatform(): Platform {
  const desktop = window.dreamboard;
  if (desktop === undefined) return createBrowserPlatform();
  if (desktop.contractVersion !== IPC_CONTRACT_VERSION) {
    // A preload from another build: its channels may not mean what we think. Run without it.
    console.error(
      `[platform] desktop API version ${String(desktop.contractVersion)} does not match ${IPC_CONTRACT_VERSION}; running without desktop features`,
    );
    return createBrowserPlatform();
  }
  return createElectronPlatform(desktop);
}

export function getPlatform(): Platform {
  platform ??= choosePlatform();
  return platform;
}
