/**
 * Checks a signaling server address typed into Settings (or carried in a join link). Plain
 * `ws://` is only allowed where the traffic cannot cross the internet: to this computer or to a
 * private network address. Everywhere else it would show anyone on the path which apps meet in
 * which topic, and an https:// page cannot open it anyway.
 */
export type SignalingUrlCheck =
  { readonly ok: true; readonly url: string } | { readonly ok: false; readonly message: string };

export const MAX_SIGNALING_URL_LENGTH = 300;

const EXAMPLE = 'wss://signal.example.org';

export function validateSignalingUrl(text: string): SignalingUrlCheck {
  if (typeof text !== 'string') return refuse(`Enter a signaling server address, like ${EXAMPLE}.`);
  const trimmed = text.trim();
  if (trimmed === '') return refuse(`Enter a signaling server address, like ${EXAMPLE}.`);
  if (trimmed.length > MAX_SIGNALING_URL_LENGTH)
    return refuse(`That address is too long: at most ${MAX_SIGNALING_URL_LENGTH} characters.`);
  // The URL parser silently drops tabs and line breaks inside an address; refuse them instead.
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(trimmed))
    return refuse('An address cannot contain spaces or line breaks.');
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme === undefined) return refuse(`Use an address starting with wss://, like ${EXAMPLE}.`);
  if (scheme !== 'wss' && scheme !== 'ws')
    return refuse(`Use an address starting with wss://, not ${scheme}://, like ${EXAMPLE}.`);
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return refuse(`That is not a complete address. Use one like ${EXAMPLE}.`);
  }
  if (url.hostname === '') return refuse(`The address needs a server name, like ${EXAMPLE}.`);
  if (url.username !== '' || url.password !== '' || trimmed.includes('@'))
    return refuse('Leave out any user name or password: the address must not contain them.');
  if (url.search !== '' || url.hash !== '' || trimmed.includes('?') || trimmed.includes('#'))
    return refuse(
      'Leave out everything from the ? or # on: the address must end with the server name or path.',
    );
  if (scheme === 'ws' && !isLoopbackOrPrivate(url.hostname))
    return refuse(
      'Use an address starting with wss://. Plain ws:// is only allowed to this computer or a private network address (10.x, 172.16–31.x, 192.168.x).',
    );
  const path = url.pathname === '/' ? '' : url.pathname;
  return { ok: true, url: `${url.protocol}//${url.host}${path}` };
}

/**
 * `hostname` as the URL parser normalised it: IPv4 in dotted decimal (it already turned 0x7f.1 and
 * 2130706433 into 127.0.0.1), IPv6 in brackets, names lower-cased.
 */
function isLoopbackOrPrivate(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]') return true;
  const octets = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(hostname)?.slice(1).map(Number);
  if (octets === undefined) return false;
  const [a, b] = octets as [number, number, number, number];
  return (
    a === 127 ||
    a === 10 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 169 && b === 254)
  );
}

function refuse(message: string): SignalingUrlCheck {
  return { ok: false, message };
}
