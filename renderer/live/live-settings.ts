/**
 * Settings → Live sessions, kept in this app's local storage. Validated on every read, because
 * anything in storage may have been written by an older version or edited by hand: a field that
 * does not pass goes back to its default, and reading never throws. The messages are shown in the
 * Settings form as they are.
 */
import { z } from 'zod';
import { isRoomPort } from '../../shared/ipc/live-schemas';
import type { IceServerSetting, LiveSettings } from './types';

export const LIVE_SETTINGS_KEY = 'dreamboard.live.settings.v1';

/** No public servers by default: an organisation chooses who may see its sessions' metadata. */
export const DEFAULT_LIVE_SETTINGS: LiveSettings = {
  signalingUrls: [],
  iceServers: [],
  roomPort: 4444,
  relayOnly: false,
};

export const MAX_SIGNALING_URLS = 8;
export const MAX_ICE_SERVERS = 8;
const MAX_URL_LENGTH = 300;
const MAX_SECRET_LENGTH = 256;

/** Just the part of Storage used here; null when the browser refuses storage altogether. */
export type SettingsStorage = Pick<Storage, 'getItem' | 'setItem'>;

export const LIVE_SETTINGS_MESSAGES = {
  urlEmpty: 'Type the server address, starting with wss://.',
  urlTooLong: `That server address is too long (at most ${MAX_URL_LENGTH} characters).`,
  urlScheme: 'A signaling server address starts with wss://, for example wss://signal.example.org.',
  urlCredentials: 'Leave any user name or password out of the server address.',
  urlNotEncrypted:
    'Use wss:// for a server on the internet. ws:// is not encrypted, so it only works for an address on this computer or the local network, such as ws://192.168.1.20:4444.',
  urlRepeated: 'That server is already in the list.',
  tooManyUrls: `You can add at most ${MAX_SIGNALING_URLS} signaling servers.`,
  iceAddress:
    'A STUN or TURN server address starts with stun:, turn: or turns: and names a computer, for example turn:turn.example.org:3478?transport=udp.',
  iceTooLong: `That STUN or TURN server address is too long (at most ${MAX_URL_LENGTH} characters).`,
  turnLogin: 'A TURN server needs a user name and a password.',
  iceLoginTooLong: `The user name and password can each have at most ${MAX_SECRET_LENGTH} characters, with no line breaks.`,
  tooManyIce: `You can add at most ${MAX_ICE_SERVERS} STUN or TURN servers.`,
  port: 'The port must be 0 (any free port) or a whole number from 1024 to 65535.',
  relayWithoutTurn: 'Relay only is on, but there is no TURN server in Settings, so nobody can connect.',
  storage:
    'This browser does not let Dreamboard keep settings. Check that it allows this site to store data.',
} as const;

const CONTROL_OR_SPACE = /[\s\p{Cc}]/u;

/** Loopback or a private IPv4 address (RFC 1918): the only places plain ws:// may go. */
function isLocalHost(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]') return true;
  const match = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(hostname);
  if (!match) return false;
  const a = Number(match[1]);
  const b = Number(match[2]);
  return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

/** Why a signaling server address cannot be used, or null when it can. */
export function checkSignalingUrl(text: string): string | null {
  if (text.trim() === '') return LIVE_SETTINGS_MESSAGES.urlEmpty;
  if (text.length > MAX_URL_LENGTH) return LIVE_SETTINGS_MESSAGES.urlTooLong;
  if (CONTROL_OR_SPACE.test(text) || !/^wss?:\/\//i.test(text)) return LIVE_SETTINGS_MESSAGES.urlScheme;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return LIVE_SETTINGS_MESSAGES.urlScheme;
  }
  if (url.hostname === '' || url.hash !== '') return LIVE_SETTINGS_MESSAGES.urlScheme;
  if (url.username !== '' || url.password !== '' || text.includes('@'))
    return LIVE_SETTINGS_MESSAGES.urlCredentials;
  if (url.protocol === 'ws:' && !isLocalHost(url.hostname)) return LIVE_SETTINGS_MESSAGES.urlNotEncrypted;
  return null;
}

/** Why the list of signaling servers cannot be saved, or null. */
export function checkSignalingUrls(urls: readonly string[]): string | null {
  if (urls.length > MAX_SIGNALING_URLS) return LIVE_SETTINGS_MESSAGES.tooManyUrls;
  for (const url of urls) {
    const problem = checkSignalingUrl(url);
    if (problem !== null) return problem;
  }
  const unique = new Set(urls.map((url) => url.toLowerCase()));
  return unique.size === urls.length ? null : LIVE_SETTINGS_MESSAGES.urlRepeated;
}

// stun:host[:port], turn:host[:port][?transport=udp|tcp], turns:… (RFC 7064, RFC 7065). A host is a
// DNS name, an IPv4 address or a bracketed IPv6 address.
const ICE_URL =
  /^(stun|turns?):([A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\[[0-9A-Fa-f:.]{2,45}\])(?::(\d{1,5}))?(\?transport=(?:udp|tcp))?$/i;

const isSecret = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= MAX_SECRET_LENGTH && !/\p{Cc}/u.test(value);

/** Why one STUN or TURN server cannot be used, or null when it can. */
export function checkIceServer(server: IceServerSetting): string | null {
  if (typeof server.urls !== 'string') return LIVE_SETTINGS_MESSAGES.iceAddress;
  if (server.urls.length > MAX_URL_LENGTH) return LIVE_SETTINGS_MESSAGES.iceTooLong;
  const match = ICE_URL.exec(server.urls);
  if (!match) return LIVE_SETTINGS_MESSAGES.iceAddress;
  const [, scheme = '', , port, transport] = match;
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535))
    return LIVE_SETTINGS_MESSAGES.iceAddress;
  const isTurn = scheme.toLowerCase() !== 'stun';
  if (!isTurn && transport !== undefined) return LIVE_SETTINGS_MESSAGES.iceAddress;
  if (server.username !== undefined && !isSecret(server.username))
    return LIVE_SETTINGS_MESSAGES.iceLoginTooLong;
  if (server.credential !== undefined && !isSecret(server.credential))
    return LIVE_SETTINGS_MESSAGES.iceLoginTooLong;
  if (isTurn && (!server.username || !server.credential)) return LIVE_SETTINGS_MESSAGES.turnLogin;
  return null;
}

export function checkIceServers(servers: readonly IceServerSetting[]): string | null {
  if (servers.length > MAX_ICE_SERVERS) return LIVE_SETTINGS_MESSAGES.tooManyIce;
  for (const server of servers) {
    const problem = checkIceServer(server);
    if (problem !== null) return problem;
  }
  return null;
}

export function checkRoomPort(port: unknown): string | null {
  return isRoomPort(port) ? null : LIVE_SETTINGS_MESSAGES.port;
}

const IceServerSchema = z
  .object({
    urls: z.string(),
    username: z.string().optional(),
    credential: z.string().optional(),
  })
  .refine((server) => checkIceServer(server) === null);

/** One schema per field, so a bad field costs only itself. Unknown fields are dropped. */
const FIELD_SCHEMAS = {
  signalingUrls: z.array(z.string()).refine((urls) => checkSignalingUrls(urls) === null),
  iceServers: z.array(IceServerSchema).max(MAX_ICE_SERVERS),
  roomPort: z.custom<number>(isRoomPort),
  relayOnly: z.boolean(),
} satisfies { [K in keyof LiveSettings]: z.ZodType };

function readField<K extends keyof LiveSettings>(raw: Record<string, unknown>, key: K): LiveSettings[K] {
  const parsed = FIELD_SCHEMAS[key].safeParse(raw[key]);
  return parsed.success ? (parsed.data as LiveSettings[K]) : DEFAULT_LIVE_SETTINGS[key];
}

/** The stored settings, each field checked; defaults for anything missing or invalid. Never throws. */
export function loadLiveSettings(storage: SettingsStorage | null): LiveSettings {
  let raw: unknown;
  try {
    const text = storage?.getItem(LIVE_SETTINGS_KEY) ?? null;
    if (text === null) return DEFAULT_LIVE_SETTINGS;
    raw = JSON.parse(text);
  } catch {
    return DEFAULT_LIVE_SETTINGS;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return DEFAULT_LIVE_SETTINGS;
  const record = raw as Record<string, unknown>;
  return {
    signalingUrls: readField(record, 'signalingUrls'),
    iceServers: readField(record, 'iceServers'),
    roomPort: readField(record, 'roomPort'),
    relayOnly: readField(record, 'relayOnly'),
  };
}

/** Why these settings cannot be saved (the first problem, for the form), or null. */
export function checkLiveSettings(settings: LiveSettings): string | null {
  return (
    checkSignalingUrls(settings.signalingUrls) ??
    checkIceServers(settings.iceServers) ??
    checkRoomPort(settings.roomPort) ??
    (typeof settings.relayOnly === 'boolean' ? null : LIVE_SETTINGS_MESSAGES.relayWithoutTurn)
  );
}

export function saveLiveSettings(
  storage: SettingsStorage | null,
  settings: LiveSettings,
): { readonly ok: true } | { readonly ok: false; readonly message: string } {
  const problem = checkLiveSettings(settings);
  if (problem !== null) return { ok: false, message: problem };
  if (storage === null) return { ok: false, message: LIVE_SETTINGS_MESSAGES.storage };
  const stored: LiveSettings = {
    signalingUrls: [...settings.signalingUrls],
    iceServers: settings.iceServers.map(iceServerOf),
    roomPort: settings.roomPort,
    relayOnly: settings.relayOnly,
  };
  try {
    storage.setItem(LIVE_SETTINGS_KEY, JSON.stringify(stored));
    return { ok: true };
  } catch {
    // Quota exceeded or storage switched off: the settings stay as they were.
    return { ok: false, message: LIVE_SETTINGS_MESSAGES.storage };
  }
}

/** Only the fields RTCIceServer takes, and only when set. */
function iceServerOf(server: IceServerSetting): IceServerSetting {
  return {
    urls: server.urls,
    ...(server.username ? { username: server.username } : {}),
    ...(server.credential ? { credential: server.credential } : {}),
  };
}

const isTurnServer = (server: IceServerSetting): boolean => /^turns?:/i.test(server.urls);

/** The settings as y-webrtc's `peerOpts.config`. */
export function toRtcConfiguration(settings: LiveSettings): RTCConfiguration {
  return {
    iceServers: settings.iceServers.map(iceServerOf),
    iceTransportPolicy: settings.relayOnly ? 'relay' : 'all',
  };
}

/** The problem to show when "Relay only" cannot work, or null. */
export function relayProblem(settings: LiveSettings): string | null {
  return settings.relayOnly && !settings.iceServers.some(isTurnServer)
    ? LIVE_SETTINGS_MESSAGES.relayWithoutTurn
    : null;
}
