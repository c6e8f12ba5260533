/**
 * Which of this computer's addresses goes into an "In this room" join code. Plain Node, no
 * Electron: unit-tested with made-up interface lists.
 */
import type { NetworkInterfaceInfo } from 'node:os';
import { ipv4ToNumber } from '../../shared/live/signal-address';

/** Only this computer can reach it; used when there is no network at all. */
export const LOOPBACK_HOST = '127.0.0.1';

type Interfaces = NodeJS.Dict<readonly NetworkInterfaceInfo[]>;

/**
 * Lower is better. Private ranges first, because a workshop room's Wi-Fi hands those out; among
 * them 192.168/16 (home and venue routers) before 10/8 (larger networks) before 172.16/12, which is
 * also where Docker and VM bridges live, so it is the likeliest to be unreachable from a phone or
 * laptop in the room. Public addresses next; link-local (169.254/16, no DHCP server) only when
 * nothing else exists, as it rarely reaches another machine.
 */
function rank(host: string): number {
  const [a = 0, b = 0] = host.split('.').map(Number);
  if (a === 192 && b === 168) return 0;
  if (a === 10) return 1;
  if (a === 172 && b >= 16 && b <= 31) return 2;
  if (a === 169 && b === 254) return 4;
  return 3;
}

const isIpv4 = (info: NetworkInterfaceInfo): boolean =>
  // Node 18.0–18.3 reported the family as the number 4; later versions as 'IPv4'.
  info.family === 'IPv4' || (info.family as unknown) === 4;

/**
 * This computer's non-internal IPv4 addresses, best first (see rank), each once; link-local ones
 * only if there is nothing else, and 127.0.0.1 if there is nothing at all (then only this computer
 * can join). Only addresses a join code can carry (shared/live/signal-address.ts).
 */
export function lanHostsOf(interfaces: Interfaces): string[] {
  const found: string[] = [];
  for (const infos of Object.values(interfaces)) {
    for (const info of infos ?? []) {
      if (info.internal || !isIpv4(info) || ipv4ToNumber(info.address) === null) continue;
      if (!found.includes(info.address)) found.push(info.address);
    }
  }
  // Stable sort: equal ranks keep the operating system's interface order.
  const ordered = found.sort((x, y) => rank(x) - rank(y));
  const routable = ordered.filter((host) => rank(host) < 4);
  if (routable.length > 0) return routable;
  return ordered.length > 0 ? ordered : [LOOPBACK_HOST];
}
