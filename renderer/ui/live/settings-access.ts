import { loadLiveSettings, saveLiveSettings } from '../../live/live-settings';
import type { LiveSettings } from '../../live/types';

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Settings → Live sessions as stored now (live-settings.ts validates on every read). */
export function readLiveSettings(): LiveSettings {
  return loadLiveSettings(safeStorage());
}

export function writeLiveSettings(settings: LiveSettings): ReturnType<typeof saveLiveSettings> {
  return saveLiveSettings(safeStorage(), settings);
}
