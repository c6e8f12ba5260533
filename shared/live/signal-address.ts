/**
 * The facilitator's LAN signaling address carried in an "In this room" join code.
 *
 * Threat: a join code or link can come from anyone (a link is handed to the app by the operating
 * system from any web page or message), so the address in it is attacker-chosen. Refusing
 * ports below 1024 keeps a crafted code from aiming the app's WebSocket at well-known services
 * (web admin pages, mail, SSH) on the person's network; the embedded server always listens on an
 * ephemeral port. Unspecified, multicast and reserved addresses cannot be a server at all.
 * Loopback is allowed: two copies on one machine (and tests) use it.
 */

export interface SignalAddress {
  /** IPv4 in dotted-quad form without leading zeros, e.g. "192.168.1.20". */
  readonly host: string;
  /** 1024–65535. */
  readonly port: number;
}

export const MIN_SIGNAL_PORT = 1024;

const DOTTED_QUAD = /^(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})$/;

/** The address as a 32-bit number, or null if it is not a dotted quad a server could listen on. */
export function ipv4ToNumber(host: string): number | null {
  const match = DOTTED_QUAD.exec(host);
  if (!match) return null;
  const octets = match.slice(1, 5).map(Number);
  if (octets.some((o) => o > 255)) return null;
  const [first = 0] = octets;
  // 0.0.0.0/8 is "this network"; 224/4 multicast; 240/4 reserved and broadcast.
  if (first === 0 || first >= 224) return null;
  return octets.reduce((n, o) => n * 256 + o, 0);
}

export function numberToIpv4(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

export function isSignalPort(port: unknown): port is number {
  return typeof port === 'number' && Number.isInteger(port) && port >= MIN_SIGNAL_PORT && port <= 65535;
}

export function isSignalAddress(value: unknown): value is SignalAddress {
  if (typeof value !== 'object' || value === null) return false;
  const { host, port } = value as { host?: unknown; port?: unknown };
  return typeof host === 'string' && ipv4ToNumber(host) !== null && isSignalPort(port);
}

/** ws:// URL of the embedded server (LAN only; online servers come from settings). */
export function signalUrl(address: SignalAddress): string {
  return `ws://${address.host}:${address.port}`;
}
