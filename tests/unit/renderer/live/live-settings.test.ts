import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LIVE_SETTINGS,
  LIVE_SETTINGS_KEY,
  LIVE_SETTINGS_MESSAGES as M,
  checkIceServer,
  checkRoomPort,
  checkSignalingUrl,
  loadLiveSettings,
  relayProblem,
  saveLiveSettings,
  toRtcConfiguration,
  type SettingsStorage,
} from '../../../../renderer/live/live-settings';
import type { LiveSettings } from '../../../../renderer/live/types';

function memoryStorage(initial?: unknown): SettingsStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  if (initial !== undefined)
    data.set(LIVE_SETTINGS_KEY, typeof initial === 'string' ? initial : JSON.stringify(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
  };
}

const turn = { urls: 'turn:turn.example.org:3478?transport=udp', username: 'room', credential: 's3cret' };
const good: LiveSettings = {
  signalingUrls: ['wss://signal.example.org', 'ws://192.168.1.20:4444'],
  iceServers: [{ urls: 'stun:stun.example.org:3478' }, turn],
  roomPort: 0,
  relayOnly: true,
};

describe('loadLiveSettings', () => {
  it('gives the defaults when nothing is stored: no public servers, port 4444, relays not forced', () => {
    expect(loadLiveSettings(memoryStorage())).toEqual({
      signalingUrls: [],
      iceServers: [],
      roomPort: 4444,
      relayOnly: false,
    });
    expect(loadLiveSettings(null)).toEqual(DEFAULT_LIVE_SETTINGS);
  });

  it('reads back what was saved', () => {
    const storage = memoryStorage();
    expect(saveLiveSettings(storage, good)).toEqual({ ok: true });
    expect(loadLiveSettings(storage)).toEqual(good);
  });

  it('puts back the default of each invalid field only, and drops unknown fields', () => {
    const stored = {
      signalingUrls: ['http://signal.example.org'],
      iceServers: good.iceServers,
      roomPort: 80,
      relayOnly: 'yes',
      extra: 1,
    };
    expect(loadLiveSettings(memoryStorage(stored))).toEqual({
      ...DEFAULT_LIVE_SETTINGS,
      iceServers: good.iceServers,
    });
  });

  it.each([
    ['not JSON', '{'],
    ['an array', '[]'],
    ['null', 'null'],
    ['a number', '7'],
  ])('never throws on %s', (_case, text) => {
    expect(loadLiveSettings(memoryStorage(text))).toEqual(DEFAULT_LIVE_SETTINGS);
  });

  it('never throws when storage does', () => {
    const throwing: SettingsStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(loadLiveSettings(throwing)).toEqual(DEFAULT_LIVE_SETTINGS);
    expect(saveLiveSettings(throwing, good)).toEqual({ ok: false, message: M.storage });
  });

  it('refuses TURN servers without a login and too many servers, keeping the default', () => {
    expect(
      loadLiveSettings(memoryStorage({ iceServers: [{ urls: 'turn:t.example.org' }] })).iceServers,
    ).toEqual([]);
    const nine = Array.from({ length: 9 }, (_, i) => `wss://s${i}.example.org`);
    expect(loadLiveSettings(memoryStorage({ signalingUrls: nine })).signalingUrls).toEqual([]);
  });
});

describe('saveLiveSettings', () => {
  it('refuses invalid settings with the form message and leaves storage alone', () => {
    const storage = memoryStorage();
    expect(saveLiveSettings(storage, { ...good, roomPort: 443 })).toEqual({ ok: false, message: M.port });
    expect(saveLiveSettings(storage, { ...good, signalingUrls: ['wss://a.org', 'WSS://A.ORG'] })).toEqual({
      ok: false,
      message: M.urlRepeated,
    });
    expect(storage.data.size).toBe(0);
  });

  it('says so when there is no storage', () => {
    expect(saveLiveSettings(null, good)).toEqual({ ok: false, message: M.storage });
  });
});

describe('checkSignalingUrl', () => {
  it.each([
    'wss://signal.example.org',
    'wss://signal.example.org:8443/signal',
    'ws://127.0.0.1:4444',
    'ws://localhost:4444',
    'ws://10.0.0.2:4444',
    'ws://172.20.1.1:4444',
    'ws://192.168.1.20:4444',
  ])('accepts %s', (url) => {
    expect(checkSignalingUrl(url)).toBeNull();
  });

  it.each([
    ['', M.urlEmpty],
    ['https://signal.example.org', M.urlScheme],
    ['signal.example.org', M.urlScheme],
    ['wss://signal.example.org/#x', M.urlScheme],
    ['wss://signal .example.org', M.urlScheme],
    ['wss://me:pw@signal.example.org', M.urlCredentials],
    ['wss://me@signal.example.org', M.urlCredentials],
    ['ws://signal.example.org', M.urlNotEncrypted],
    ['ws://8.8.8.8:4444', M.urlNotEncrypted],
    ['ws://172.32.0.1:4444', M.urlNotEncrypted],
    [`wss://${'a'.repeat(300)}.org`, M.urlTooLong],
  ])('refuses %j', (url, message) => {
    expect(checkSignalingUrl(url)).toBe(message);
  });
});

describe('checkIceServer', () => {
  it.each([
    { urls: 'stun:stun.example.org' },
    { urls: 'stun:stun.example.org:3478' },
    { urls: 'stun:[2001:db8::1]:3478' },
    turn,
    { ...turn, urls: 'turn:203.0.113.5:3478?transport=tcp' },
    { ...turn, urls: 'turns:turn.example.org:5349' },
  ])('accepts %j', (server) => {
    expect(checkIceServer(server)).toBeNull();
  });

  it.each([
    [{ urls: 'stun://stun.example.org' }, M.iceAddress],
    [{ urls: 'http:stun.example.org' }, M.iceAddress],
    [{ urls: 'stun:stun.example.org?transport=udp' }, M.iceAddress],
    [{ urls: 'stun:stun.example.org:99999' }, M.iceAddress],
    [{ urls: 'turn:t.example.org?transport=sctp', username: 'a', credential: 'b' }, M.iceAddress],
    [{ urls: 'turn:t.example.org' }, M.turnLogin],
    [{ urls: 'turn:t.example.org', username: 'a' }, M.turnLogin],
    [{ urls: 'turn:t.example.org', username: 'a', credential: 'b\nc' }, M.iceLoginTooLong],
    [{ urls: `stun:${'a'.repeat(301)}` }, M.iceTooLong],
  ])('refuses %j', (server, message) => {
    expect(checkIceServer(server)).toBe(message);
  });
});

describe('checkRoomPort', () => {
  it('accepts 0 and 1024–65535 only', () => {
    for (const port of [0, 1024, 4444, 65535]) expect(checkRoomPort(port)).toBeNull();
    for (const port of [1, 80, 1023, 65536, 4444.5, -1, '4444']) expect(checkRoomPort(port)).toBe(M.port);
  });
});

describe('toRtcConfiguration and relayProblem', () => {
  it('passes the ICE servers and forces relays when asked', () => {
    expect(toRtcConfiguration(good)).toEqual({
      iceServers: [{ urls: 'stun:stun.example.org:3478' }, turn],
      iceTransportPolicy: 'relay',
    });
    expect(toRtcConfiguration(DEFAULT_LIVE_SETTINGS)).toEqual({ iceServers: [], iceTransportPolicy: 'all' });
  });

  it('warns when relay only is on with no TURN server', () => {
    expect(relayProblem(good)).toBeNull();
    expect(relayProblem({ ...good, iceServers: [{ urls: 'stun:stun.example.org' }] })).toBe(
      'Relay only is on, but there is no TURN server in Settings, so nobody can connect.',
    );
    expect(relayProblem({ ...good, relayOnly: false, iceServers: [] })).toBeNull();
  });
});
