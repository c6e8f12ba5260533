import { isJoinCodeError, readJoinInput, type JoinCodeParts } from '../../../shared/live';
import { ROLE_LABELS } from '../../../shared/model';
import type { LiveState, LiveStatus, Participant } from '../../live/types';

/**
 * The words of live sessions, as pure functions so they are unit-tested without a browser
 * (tests/unit/renderer/ui/live/live-text.test.ts). Participants are not designers: no jargon, and every
 * state is said in words, never by colour alone.
 */

export type StatusTone = 'live' | 'waiting' | 'trouble';

export interface StatusText {
  /** The whole sentence: read by screen readers, shown in the session panel and on wide screens. */
  readonly label: string;
  /** What fits in the top bar on a laptop or projector (the sentence is still read out). */
  readonly short: string;
  readonly tone: StatusTone;
  /** For trouble: what it means for the person's work, shown under the top bar. */
  readonly advice?: string;
}

/** `others`: how many other people are in the session (the local person is added here). */
export function liveStatusText(status: LiveStatus, others: number): StatusText | null {
  switch (status) {
    case 'off':
      return null;
    case 'connecting':
      return { label: 'Connecting…', short: 'Connecting…', tone: 'waiting' };
    case 'connected':
      return others === 0
        ? { label: 'Live · only you so far', short: 'Live · only you', tone: 'live' }
        : { label: `Live · ${others + 1} people here`, short: `Live · ${others + 1} here`, tone: 'live' };
    case 'reconnecting':
      return {
        label: 'Reconnecting… you can keep working',
        short: 'Reconnecting…',
        tone: 'trouble',
        advice: 'Your changes are kept on this computer and shared when the connection is back.',
      };
    case 'offline':
      return {
        label: 'Offline — changes will be shared when you reconnect',
        short: 'Offline',
        tone: 'trouble',
        advice: 'This computer has no network. Carry on working: nothing is lost.',
      };
  }
}

export interface JoinInputState {
  /** The code's parts when what was typed is a usable code or link. */
  readonly parts: JoinCodeParts | null;
  /** What is wrong, in plain words; null while it is fine or not yet to be shown. */
  readonly message: string | null;
}

/**
 * The join box, checked on every keystroke but only complaining once the person has left the
 * box or pressed Join (`showProblems`): "not the right length" after the first letter would be
 * shouting at someone still typing.
 */
export function joinInputState(text: string, showProblems: boolean): JoinInputState {
  const read = readJoinInput(text);
  if (!isJoinCodeError(read)) return { parts: read, message: null };
  return { parts: null, message: showProblems ? read.error : null };
}

const serverList = (urls: readonly string[]): string => {
  const [first, ...rest] = urls;
  if (rest.length === 0) return first ?? '';
  return `${first} (or ${rest.length === 1 ? 'one other server' : `${rest.length} other servers`} from your settings)`;
};

/**
 * The sentence of the confirmation step: everywhere the app is about to connect. The controller
 * uses the servers in Settings for every code (an in-room code as well), so they are named too.
 */
export function connectDestination(parts: JoinCodeParts, onlineUrls: readonly string[]): string {
  if (parts.signal) {
    const room = `You will connect to the facilitator’s computer at ${parts.signal.host}`;
    return onlineUrls.length === 0 ? `${room}.` : `${room}, and through ${serverList(onlineUrls)}.`;
  }
  if (onlineUrls.length === 0)
    return 'This code is for an online session, and no signaling server is set up in Live session settings. Add the one the facilitator uses first.';
  return `You will connect through ${serverList(onlineUrls)}.`;
}

/** `M9C7-6973-C1WN` → groups of four, shown apart on a projector and read out one at a time. */
export function codeGroups(code: string): string[] {
  return code.split('-').filter((group) => group.length > 0);
}

/** Where others join on this computer, from the in-room server's ws:// URLs (hosts only). */
export function inRoomAddresses(urls: readonly string[] | null): string[] {
  if (!urls) return [];
  const hosts: string[] = [];
  for (const url of urls) {
    try {
      const host = new URL(url).hostname;
      if (host && !hosts.includes(host)) hosts.push(host);
    } catch {
      // Not a URL: nothing to show for it.
    }
  }
  return hosts;
}

export const UNNAMED = 'Someone (name not shown)';

export function participantName(p: Participant): string {
  return p.presence?.name ?? UNNAMED;
}

export function participantRole(p: Participant): string | null {
  return p.presence ? ROLE_LABELS[p.presence.role] : null;
}

export function participantConnection(p: Participant): string {
  const state = p.presence?.connection ?? 'connected';
  const words = state === 'away' ? 'away' : state;
  return p.direct ? words : `${words}, through another person`;
}

/** Several arrivals at once (joining a full room) are one sentence, not a queue of names. */
const MANY = 3;

function joinedOrLeft(people: readonly Participant[], verb: 'joined' | 'left'): string | null {
  if (people.length === 0) return null;
  if (people.length > MANY) return `${people.length} people ${verb}`;
  const names = people.map((p) => (p.presence ? p.presence.name : 'Someone'));
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `${list} ${verb}`;
}

/** What a screen reader should hear when the live state changes from `prev` to `next`. */
export function liveAnnouncements(prev: LiveState, next: LiveState): string[] {
  const out: string[] = [];
  if (prev.status !== next.status) {
    const was = prev.status;
    const now = next.status;
    if (now === 'connected' && (was === 'reconnecting' || was === 'offline')) out.push('Connected again');
    else if (now === 'connected' && was === 'connecting')
      out.push(
        next.session?.role === 'host' ? 'The live session has started' : 'You joined the live session',
      );
    else if (now === 'reconnecting' && was !== 'offline') out.push('Connection lost — reconnecting');
    else if (now === 'offline') out.push('Offline — changes will be shared when you reconnect');
    else if (now === 'off' && was !== 'connecting') out.push('The live session has ended for you');
  }
  // Arrivals and departures only while connected: the first list after joining is not news.
  if (prev.status === 'connected' && next.status === 'connected') {
    const before = new Set(prev.participants.map((p) => p.clientId));
    const after = new Set(next.participants.map((p) => p.clientId));
    const joined = joinedOrLeft(
      next.participants.filter((p) => !before.has(p.clientId)),
      'joined',
    );
    const left = joinedOrLeft(
      prev.participants.filter((p) => !after.has(p.clientId)),
      'left',
    );
    if (joined) out.push(joined);
    if (left) out.push(left);
  }
  return out;
}
