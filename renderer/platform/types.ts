/**
 * Everything desktop-ish the renderer needs, behind one small interface so the same UI runs in
 * Electron and in any Chromium (tests, `npm run web`). renderer/platform is the only code that
 * touches `window.dreamboard`. Workshop files are `workshops` (storage-types.ts, docs/files.md).
 */
import type { ActionId } from '../../shared/actions/catalog';
import type { AppInfo, SavedState, Unsubscribe } from '../../shared/ipc/contract';
import type { LivePlatform } from '../live/types';
import type { WorkshopStorage } from './storage-types';

export type { AppInfo, SavedState, Unsubscribe };
export type * from './storage-types';

export interface Platform {
  /** 'desktop' inside Electron, 'browser' anywhere else. */
  readonly kind: 'desktop' | 'browser';
  /** App version and operating system ('browser' builds report platform 'web'). Never rejects. */
  getAppInfo(): Promise<PlatformInfo>;
  /**
   * Shows the workshop title and whether it is saved in the window title. Fire and forget:
   * a refusal is logged, never thrown, because it must not interrupt editing.
   */
  setWindowTitle(title: string, savedState: SavedState): void;
  /**
   * Actions chosen from native menus. The browser has no native menus, so there the listener is
   * never called and the renderer's own keyboard handling covers the shortcuts. Edit actions
   * chosen while a text field has focus are performed natively and not delivered.
   */
  onMenuAction(listener: (actionId: ActionId) => void): Unsubscribe;
  /**
   * Opens an https help link (hosts in HELP_LINK_HOSTS) in the user's browser. Resolves false,
   * with the reason logged, when the link is not allowed.
   */
  openHelpLink(url: string): Promise<boolean>;
  /** Creating, opening, autosaving, renaming and closing workshop files; version history. */
  readonly workshops: WorkshopStorage;
  /** Live sessions: the "In this room" signaling server and join links (docs/live-sessions.md). */
  readonly live: LivePlatform;
}

export interface PlatformInfo {
  readonly version: string;
  readonly platform: AppInfo['platform'] | 'web' | 'unknown';
}
