import { describe, expect, it } from 'vitest';
import { DEFAULT_LIVE_SETTINGS, LIVE_SETTINGS_MESSAGES } from '../../../../../renderer/live/live-settings';
import {
  draftOf,
  hasProblems,
  settingsOf,
  settingsProblems,
  type SettingsDraft,
} from '../../../../../renderer/ui/live/settings-form';

const base: SettingsDraft = draftOf(DEFAULT_LIVE_SETTINGS);

describe('the live settings form', () => {
  it('round-trips the stored settings', () => {
    const settings = {
      signalingUrls: ['wss://signal.example.org'],
      iceServers: [{ urls: 'turn:turn.example.org:3478', username: 'u', credential: 'p' }],
      roomPort: 5000,
      relayOnly: true,
    };
    expect(settingsOf(draftOf(settings))).toEqual(settings);
    expect(hasProblems(settingsProblems(draftOf(settings)))).toBe(false);
  });

  it('drops rows left empty instead of refusing them', () => {
    const draft = {
      ...base,
      signalingUrls: ['  '],
      iceServers: [{ urls: '', username: '', credential: '' }],
    };
    expect(settingsOf(draft)).toMatchObject({ signalingUrls: [], iceServers: [] });
    expect(hasProblems(settingsProblems(draft))).toBe(false);
  });

  it('puts each problem on the row it belongs to', () => {
    const problems = settingsProblems({
      ...base,
      signalingUrls: ['wss://ok.example', 'http://nope', 'WSS://OK.example'],
    });
    expect(problems.signalingUrls).toEqual([
      null,
      LIVE_SETTINGS_MESSAGES.urlScheme,
      LIVE_SETTINGS_MESSAGES.urlRepeated,
    ]);
  });

  it('asks for a TURN server’s login next to it', () => {
    const problems = settingsProblems({
      ...base,
      iceServers: [
        { urls: 'stun:stun.example.org', username: '', credential: '' },
        { urls: 'turn:turn.example.org', username: '', credential: '' },
      ],
    });
    expect(problems.iceServers).toEqual([null, LIVE_SETTINGS_MESSAGES.turnLogin]);
  });

  it.each(['', 'abc', '80', '70000', '1e3', '-1'])('refuses the port %j', (port) => {
    expect(settingsProblems({ ...base, roomPort: port }).roomPort).toBe(LIVE_SETTINGS_MESSAGES.port);
  });

  it.each(['0', '1024', ' 4444 ', '65535'])('accepts the port %j', (port) => {
    expect(settingsProblems({ ...base, roomPort: port }).roomPort).toBeNull();
  });

  it('refuses relay only without a TURN server', () => {
    expect(settingsProblems({ ...base, relayOnly: true }).relayOnly).toBe(
      LIVE_SETTINGS_MESSAGES.relayWithoutTurn,
    );
  });
});
