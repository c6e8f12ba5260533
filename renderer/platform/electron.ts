/** The Platform over `window.dreamboard` (electron/preload). */
import type { ActionId } from '../../shared/actions/catalog';
import type { DesktopApi, IpcResult } from '../../shared/ipc/contract';
import { nativeEditCommandFor } from '../../shared/ipc/native-edit';
import { isTextEditingTarget, type FocusedElementLike } from './editable-focus';
import { createElectronStorage } from './electron-storage';
import { createDesktopLive } from './live-desktop';
import type { Platform, PlatformInfo } from './types';

const warn = (message: string) => console.warn(`[platform] ${message}`);

function reportFailure(what: string, result: IpcResult<unknown>): void {
  if (!result.ok) warn(`${what}: ${result.error.message}`);
}

export function createElectronPlatform(
  desktop: DesktopApi,
  focusedElement: () => FocusedElementLike | null = () => document.activeElement,
): Platform {
  const listeners = new Set<(actionId: ActionId) => void>();
  let stopListening: (() => void) | undefined;

  // One subscription to main, fanned out, so a native edit runs once however many listeners there are.
  const deliver = (actionId: ActionId) => {
    const nativeCommand = nativeEditCommandFor(actionId);
    if (nativeCommand !== undefined && isTextEditingTarget(focusedElement())) {
      desktop.performNativeEdit(nativeCommand).then(
        (result) => reportFailure(`native ${nativeCommand}`, result),
        (error: unknown) => warn(`native ${nativeCommand}: ${String(error)}`),
      );
      return;
    }
    for (const listener of [...listeners]) listener(actionId);
  };

  return {
    kind: 'desktop',
    workshops: createElectronStorage(desktop),
    live: createDesktopLive(desktop),
    async getAppInfo(): Promise<PlatformInfo> {
      const result = await desktop.getAppInfo();
      if (result.ok) return result.value;
      reportFailure('app info', result);
      return { version: 'unknown', platform: 'unknown' };
    },
    setWindowTitle(title, savedState) {
      desktop.setWindowTitle({ title, savedState }).then(
        (result) => reportFailure('window title', result),
        (error: unknown) => warn(`window title: ${String(error)}`),
      );
    },
    onMenuAction(listener) {
      listeners.add(listener);
      stopListening ??= desktop.onMenuAction(deliver);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && stopListening !== undefined) {
          stopListening();
          stopListening = undefined;
        }
      };
    },
    async openHelpLink(url) {
      const result = await desktop.openExternal({ url });
      reportFailure('help link', result);
      return result.ok;
    },
  };
}
