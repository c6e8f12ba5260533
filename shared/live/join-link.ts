import {
  formatJoinCode,
  isJoinCodeError,
  parseJoinCode,
  type JoinCodeError,
  type JoinCodeParts,
} from './join-code';

/**
 * `dreamboard://join/<code>` links. The operating system hands these to the app from any web
 * page, chat message or file, so parsing is strict: our scheme, host `join`, one path segment of
 * code characters and nothing else (no user, port, query, fragment or percent-escapes), with a
 * length cap before anything else is looked at.
 */

export const JOIN_LINK_PREFIX = 'dreamboard://join/';
/** The longest real link is 57 characters; the cap leaves room for a trailing slash and nothing more. */
export const MAX_JOIN_LINK = 100;

// Case-insensitive because some systems lower- or upper-case the whole URL; one trailing slash is
// allowed because Windows is known to add one when passing a custom-scheme URL to an app.
const LINK_PATTERN = /^dreamboard:\/\/join\/([0-9A-Za-z-]{1,70})\/?$/i;

const NOT_A_LINK: JoinCodeError = {
  error: 'That link is not a Dreamboard join link. Ask for the join code instead.',
  problem: 'not-a-code',
};

export function joinLink(parts: JoinCodeParts): string {
  return JOIN_LINK_PREFIX + formatJoinCode(parts);
}

/** Never throws; a link that carries a code with a typo says so, like a typed code. */
export function parseJoinLink(url: unknown): JoinCodeParts | JoinCodeError {
  if (typeof url !== 'string' || url.length > MAX_JOIN_LINK) return NOT_A_LINK;
  const match = LINK_PATTERN.exec(url);
  const code = match?.[1];
  if (code === undefined) return NOT_A_LINK;
  const parts = parseJoinCode(code);
  return isJoinCodeError(parts) && parts.problem !== 'typo' && parts.problem !== 'newer' ? NOT_A_LINK : parts;
}

/** The "Join a session" box: people paste the link as often as they type the code. */
export function readJoinInput(text: unknown): JoinCodeParts | JoinCodeError {
  if (typeof text === 'string' && /^\s*dreamboard:/i.test(text)) return parseJoinLink(text.trim());
  return parseJoinCode(text);
}
