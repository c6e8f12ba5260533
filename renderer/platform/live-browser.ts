/**
 * Platform.live for the browser build (`npm run web`, end-to-end tests): the page's own web server
 * (vite-plugins/room-server.ts) runs the in-room signaling server on loopback, and a join code can
 * be handed to the page in its address (`#join=<link>` or `?join=<code>`), read once on start.
 */
import { isRoomPort, isForwardableJoinLink, RoomServerOutcomeSchema } from '../../shared/ipc/live-schemas';
import { JOIN_LINK_PREFIX } from '../../shared/live/join-link';
import type { LivePlatform, RoomServerOutcome } from '../live/types';
import { ROOM_PORT_PROBLEM } from './live-desktop';
import { JoinLinkFanout } from './live-join-links';

export const ROOM_SERVER_ENDPOINT = '/__dreamboard/room-server';
export const ROOM_SERVER_STOP_ENDPOINT = '/__dreamboard/room-server/stop';

export interface BrowserLiveHost {
  readonly fetch: typeof fetch;
  /** The page's address when it started. */
  readonly pageUrl: string;
  /** Takes the join code out of the address bar, so a reload does not ask again. */
  readonly replaceUrl: (url: string) => void;
}

// Guarded: the Platform is also built under Node (unit tests), where there is no page.
const defaultHost = (): BrowserLiveHost => ({
  fetch: (input, init) => globalThis.fetch(input, init),
  pageUrl: typeof location === 'undefined' ? '' : location.href,
  replaceUrl: (url) => {
    if (typeof history !== 'undefined') history.replaceState(history.state, '', url);
  },
});

const couldNotStart = (detail: string): RoomServerOutcome => ({
  ok: false,
  message: `Could not start the session server: ${detail}`,
});

/** Codes are short: anything longer is not one (and is not looked at further). */
const CODE_IN_QUERY = /^[0-9A-Za-z\s-]{1,100}$/;

/**
 * The join link a page address carries, or null. The address is untrusted text (any web page can
 * link here), so it goes through the same check as a link from the operating system; the live UI
 * still asks the person before joining.
 */
export function joinLinkInPageUrl(pageUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return null;
  }
  if (url.hash.startsWith('#join=')) {
    let link: string;
    try {
      link = decodeURIComponent(url.hash.slice('#join='.length));
    } catch {
      return null;
    }
    return isForwardableJoinLink(link) ? link : null;
  }
  const code = url.searchParams.get('join');
  if (code === null || !CODE_IN_QUERY.test(code)) return null;
  const link = JOIN_LINK_PREFIX + code.replace(/\s+/g, '');
  return isForwardableJoinLink(link) ? link : null;
}

/** The page address without its join code. */
function withoutJoin(pageUrl: string): string | null {
  try {
    const url = new URL(pageUrl);
    if (url.hash.startsWith('#join=')) url.hash = '';
    url.searchParams.delete('join');
    return url.href;
  } catch {
    return null;
  }
}

async function post(host: BrowserLiveHost, path: string, body: unknown): Promise<unknown> {
  const response = await host.fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`the web server answered ${response.status} ${response.statusText}`.trim());
  return response.json();
}

export function createBrowserLive(host: BrowserLiveHost = defaultHost()): LivePlatform {
  const links = new JoinLinkFanout();
  const fromAddress = joinLinkInPageUrl(host.pageUrl);
  if (fromAddress !== null) {
    links.deliver(fromAddress);
    const clean = withoutJoin(host.pageUrl);
    try {
      if (clean !== null) host.replaceUrl(clean);
    } catch {
      // Leaving the code in the address bar is harmless: joining is always confirmed.
    }
  }

  return {
    async startRoomServer(port) {
      if (!isRoomPort(port)) return { ok: false, message: ROOM_PORT_PROBLEM };
      try {
        const answer = RoomServerOutcomeSchema.safeParse(await post(host, ROOM_SERVER_ENDPOINT, { port }));
        if (answer.success) return answer.data;
        return couldNotStart('the web server gave an answer Dreamboard does not understand.');
      } catch (error) {
        console.warn(`[platform] room server: ${String(error)}`);
        return couldNotStart(
          'the web server showing this page cannot run one. Use the desktop app, or start the page with npm run web.',
        );
      }
    },
    async stopRoomServer() {
      try {
        await post(host, ROOM_SERVER_STOP_ENDPOINT, {});
      } catch (error) {
        console.warn(`[platform] room server stop: ${String(error)}`);
      }
    },
    onJoinLink: (listener) => links.subscribe(listener),
  };
}
