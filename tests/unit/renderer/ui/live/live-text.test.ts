import { describe, expect, it } from 'vitest';
import {
  JOIN_CODE_MESSAGES,
  formatJoinCode,
  joinLink,
  type JoinCodeParts,
  type PresenceState,
  type SessionSecret,
} from '../../../../../shared/live';
import type { LiveState, Participant } from '../../../../../renderer/live/types';
import {
  UNNAMED,
  codeGroups,
  connectDestination,
  inRoomAddresses,
  joinInputState,
  liveAnnouncements,
  liveStatusText,
  participantConnection,
  participantName,
  participantRole,
} from '../../../../../renderer/ui/live/live-text';

const secret = 'ABCDEFGHJKMNPQRSTVWX' as SessionSecret;
const inRoom: JoinCodeParts = { secret, signal: { host: '192.168.1.20', port: 50000 } };
const online: JoinCodeParts = { secret, signal: null };

function person(clientId: number, name: string | null, extra: Partial<PresenceState> = {}, direct = true) {
  const presence: PresenceState | null =
    name === null
      ? null
      : {
          name,
          colour: '#2E7D32',
          role: 'carer',
          cursor: null,
          selection: [],
          viewport: null,
          connection: 'connected',
          ...extra,
        };
  return { clientId, presence, direct } satisfies Participant;
}

function state(patch: Partial<LiveState>): LiveState {
  return { status: 'connected', session: null, participants: [], problem: null, busy: false, ...patch };
}

describe('the live status in words', () => {
  it('is absent when there is no session', () => {
    expect(liveStatusText('off', 0)).toBeNull();
  });

  it('counts you in with the others', () => {
    expect(liveStatusText('connected', 3)).toEqual({
      label: 'Live · 4 people here',
      short: 'Live · 4 here',
      tone: 'live',
    });
    expect(liveStatusText('connected', 0)?.label).toBe('Live · only you so far');
  });

  it('says what to do when the connection is in trouble', () => {
    expect(liveStatusText('connecting', 0)?.tone).toBe('waiting');
    expect(liveStatusText('reconnecting', 2)?.label).toBe('Reconnecting… you can keep working');
    expect(liveStatusText('offline', 2)?.label).toBe('Offline — changes will be shared when you reconnect');
    expect(liveStatusText('offline', 2)?.tone).toBe('trouble');
    expect(liveStatusText('offline', 2)?.short).toBe('Offline');
    expect(liveStatusText('reconnecting', 2)?.advice).toMatch(/shared when the connection is back/);
  });
});

describe('the join box', () => {
  const code = formatJoinCode(inRoom);

  it('accepts a code typed loosely and a pasted link', () => {
    expect(joinInputState(code.toLowerCase().replace(/-/g, ' '), true).parts).toEqual(inRoom);
    expect(joinInputState(`  ${joinLink(online)} `, true).parts).toEqual(online);
  });

  it('only complains once the person has left the box or pressed Next', () => {
    expect(joinInputState('M9C7', false)).toEqual({ parts: null, message: null });
    expect(joinInputState('M9C7', true).message).toBe(JOIN_CODE_MESSAGES.length);
    expect(joinInputState('', true).message).toBe(JOIN_CODE_MESSAGES.empty);
  });

  it('catches a typo as the code is checked', () => {
    const last = code.at(-1) === '0' ? '1' : '0';
    expect(joinInputState(code.slice(0, -1) + last, true).message).toBe(JOIN_CODE_MESSAGES.typo);
  });

  it('refuses a link that is not ours', () => {
    expect(joinInputState('dreamboard://evil/ABC', true).message).toMatch(/not a Dreamboard join link/);
  });
});

describe('the confirmation step', () => {
  it('names the facilitator’s computer for an in-room code, and the servers from Settings too', () => {
    expect(connectDestination(inRoom, [])).toBe(
      'You will connect to the facilitator’s computer at 192.168.1.20.',
    );
    expect(connectDestination(inRoom, ['wss://signal.example.org'])).toBe(
      'You will connect to the facilitator’s computer at 192.168.1.20, and through wss://signal.example.org.',
    );
  });

  it('names the server for an online code', () => {
    expect(connectDestination(online, ['wss://signal.example.org'])).toBe(
      'You will connect through wss://signal.example.org.',
    );
    expect(connectDestination(online, ['wss://a.example', 'wss://b.example'])).toMatch(/one other server/);
  });

  it('says when an online code has no server to go through', () => {
    expect(connectDestination(online, [])).toMatch(/no signaling server is set up/);
  });
});

describe('showing the session', () => {
  it('splits the code into its groups of four', () => {
    expect(codeGroups('M9C7-6973-C1WN-RF0K-QN7Z-R2')).toEqual(['M9C7', '6973', 'C1WN', 'RF0K', 'QN7Z', 'R2']);
  });

  it('lists each in-room address once and skips what is not a URL', () => {
    expect(
      inRoomAddresses(['ws://192.168.1.20:4444', 'ws://10.0.0.5:4444', 'ws://192.168.1.20:4445', '::']),
    ).toEqual(['192.168.1.20', '10.0.0.5']);
    expect(inRoomAddresses(null)).toEqual([]);
  });

  it('describes a person without trusting a missing presence', () => {
    expect(participantName(person(1, null))).toBe(UNNAMED);
    expect(participantRole(person(1, null))).toBeNull();
    expect(participantName(person(1, 'Anna'))).toBe('Anna');
    expect(participantRole(person(1, 'Anna'))).toBe('Carer');
    expect(participantConnection(person(1, 'Anna', { connection: 'away' }))).toBe('away');
    expect(participantConnection(person(1, 'Anna', { connection: 'reconnecting' }, false))).toBe(
      'reconnecting, through another person',
    );
  });
});

describe('what is announced', () => {
  const anna = person(1, 'Anna');
  const bo = person(2, 'Bo');

  it('announces arrivals and departures by name', () => {
    expect(liveAnnouncements(state({ participants: [anna] }), state({ participants: [anna, bo] }))).toEqual([
      'Bo joined',
    ]);
    expect(liveAnnouncements(state({ participants: [anna, bo] }), state({ participants: [bo] }))).toEqual([
      'Anna left',
    ]);
    expect(liveAnnouncements(state({}), state({ participants: [person(3, null)] }))).toEqual([
      'Someone joined',
    ]);
  });

  it('says a crowd as a number', () => {
    const crowd = [1, 2, 3, 4, 5].map((i) => person(i, `P${i}`));
    expect(liveAnnouncements(state({}), state({ participants: crowd }))).toEqual(['5 people joined']);
    expect(liveAnnouncements(state({}), state({ participants: [anna, bo] }))).toEqual(['Anna and Bo joined']);
  });

  it('does not list everyone already there when you join', () => {
    expect(
      liveAnnouncements(
        state({ status: 'connecting' }),
        state({ status: 'connected', participants: [anna, bo] }),
      ),
    ).toEqual(['You joined the live session']);
  });

  it('announces losing and getting back the connection', () => {
    expect(liveAnnouncements(state({}), state({ status: 'reconnecting' }))).toEqual([
      'Connection lost — reconnecting',
    ]);
    expect(liveAnnouncements(state({ status: 'reconnecting' }), state({}))).toEqual(['Connected again']);
    expect(liveAnnouncements(state({ status: 'offline' }), state({}))).toEqual(['Connected again']);
  });

  it('is silent when nothing people care about changed', () => {
    expect(liveAnnouncements(state({ participants: [anna] }), state({ participants: [anna] }))).toEqual([]);
  });
});
