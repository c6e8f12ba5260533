import {
  checkIceServer,
  checkRoomPort,
  checkSignalingUrl,
  LIVE_SETTINGS_MESSAGES,
  relayProblem,
} from '../../live/live-settings';
import type { IceServerSetting, LiveSettings } from '../../live/types';

/**
 * The live settings form as typed (every field a string), and its problems field by field so each
 * message sits next to the field it is about. The rules are live-settings.ts's; saveLiveSettings
 * stays the last word (it also reports storage that refuses to keep anything).
 */
export interface IceDraft {
  readonly urls: string;
  readonly username: string;
  readonly credential: string;
}

export interface SettingsDraft {
  readonly signalingUrls: readonly string[];
  readonly iceServers: readonly IceDraft[];
  readonly roomPort: string;
  readonly relayOnly: boolean;
}

export interface SettingsProblems {
  /** One entry per row of the draft (null: fine). */
  readonly signalingUrls: readonly (string | null)[];
  readonly iceServers: readonly (string | null)[];
  readonly roomPort: string | null;
  readonly relayOnly: string | null;
}

export function draftOf(settings: LiveSettings): SettingsDraft {
  return {
    signalingUrls: [...settings.signalingUrls],
    iceServers: settings.iceServers.map((s) => ({
      urls: s.urls,
      username: s.username ?? '',
      credential: s.credential ?? '',
    })),
    roomPort: String(settings.roomPort),
    relayOnly: settings.relayOnly,
  };
}

const isBlankIce = (s: IceDraft) => s.urls.trim() === '' && s.username === '' && s.credential === '';

function iceOf(s: IceDraft): IceServerSetting {
  return {
    urls: s.urls.trim(),
    ...(s.username !== '' ? { username: s.username } : {}),
    ...(s.credential !== '' ? { credential: s.credential } : {}),
  };
}

/** Whole numbers only: Number('') is 0 and Number('1e3') is 1000, neither of which anyone typed. */
function portOf(text: string): number {
  return /^\s*\d{1,5}\s*$/.test(text) ? Number(text) : Number.NaN;
}

/** The settings to save. Rows left empty are dropped rather than refused: an unused "Add" is not a mistake. */
export function settingsOf(draft: SettingsDraft): LiveSettings {
  return {
    signalingUrls: draft.signalingUrls.map((u) => u.trim()).filter((u) => u !== ''),
    iceServers: draft.iceServers.filter((s) => !isBlankIce(s)).map(iceOf),
    roomPort: portOf(draft.roomPort),
    relayOnly: draft.relayOnly,
  };
}

export function settingsProblems(draft: SettingsDraft): SettingsProblems {
  const seen = new Set<string>();
  const signalingUrls = draft.signalingUrls.map((raw) => {
    const url = raw.trim();
    if (url === '') return null;
    const problem = checkSignalingUrl(url);
    if (problem) return problem;
    const key = url.toLowerCase();
    if (seen.has(key)) return LIVE_SETTINGS_MESSAGES.urlRepeated;
    seen.add(key);
    return null;
  });
  const iceServers = draft.iceServers.map((s) => (isBlankIce(s) ? null : checkIceServer(iceOf(s))));
  const settings = settingsOf(draft);
  return {
    signalingUrls,
    iceServers,
    roomPort: checkRoomPort(settings.roomPort),
    relayOnly: relayProblem(settings),
  };
}

export function hasProblems(problems: SettingsProblems): boolean {
  return (
    problems.signalingUrls.some((p) => p !== null) ||
    problems.iceServers.some((p) => p !== null) ||
    problems.roomPort !== null ||
    problems.relayOnly !== null
  );
}
