import { checkSymbols, groupInFours, hasValidCheck, readSymbols, writeSymbols } from './crockford';
import { SECRET_SYMBOLS, isSessionSecret, type SessionSecret } from './session-secret';
import {
  ipv4ToNumber,
  isSignalAddress,
  isSignalPort,
  numberToIpv4,
  type SignalAddress,
} from './signal-address';

/**
 * Join codes: `XXXX-XXXX-…` in Crockford base32.
 *
 * Layout (symbols): the secret (20) · for "In this room" the LAN signaling address (10: IPv4 32 bits,
 * port 16 bits, 2 reserved bits that must be 0) · 2 check symbols. So a code is 22 symbols online
 * and 32 in the room; any other length is refused. A later format uses another length or the
 * reserved bits, which this version reports as "from a newer version".
 */

export interface JoinCodeParts {
  readonly secret: SessionSecret;
  /** The facilitator's embedded signaling server, or null for online sessions (configured servers). */
  readonly signal: SignalAddress | null;
}

export type JoinCodeProblem = 'empty' | 'characters' | 'length' | 'typo' | 'newer' | 'not-a-code';

/** Why a code was refused: `error` is shown to people as is; `problem` is for the app to branch on. */
export interface JoinCodeError {
  readonly error: string;
  readonly problem: JoinCodeProblem;
}

const ADDRESS_SYMBOLS = 10;
const CHECK_SYMBOLS = 2;
export const ONLINE_CODE_SYMBOLS = SECRET_SYMBOLS + CHECK_SYMBOLS;
export const IN_ROOM_CODE_SYMBOLS = SECRET_SYMBOLS + ADDRESS_SYMBOLS + CHECK_SYMBOLS;
/** Longer text is refused before it is looked at (pasted documents, hostile input). */
export const MAX_CODE_TEXT = 200;

export const JOIN_CODE_MESSAGES: Readonly<Record<JoinCodeProblem, string>> = {
  empty: 'Type the join code.',
  characters: 'A join code only has letters and numbers — check it and try again.',
  length: 'That code is not the right length — check you have all of it and try again.',
  typo: 'That code has a typo — check it and try again.',
  newer: 'That code is from a newer version of Dreamboard. Update Dreamboard and try again.',
  'not-a-code': 'That is not a Dreamboard join code.',
};

export function isJoinCodeError(value: JoinCodeParts | JoinCodeError): value is JoinCodeError {
  return 'error' in value;
}

function refuse(problem: JoinCodeProblem): JoinCodeError {
  return { error: JOIN_CODE_MESSAGES[problem], problem };
}

/** Reserved bits sit at the bottom, so 2 ** 2 scales ip·port into the 50-bit address block. */
const RESERVED = 4;

function addressSymbols(address: SignalAddress): number[] {
  const ip = ipv4ToNumber(address.host) ?? 0;
  // 50 bits < 2^53: plain numbers are exact.
  let value = (ip * 65536 + address.port) * RESERVED;
  const symbols = new Array<number>(ADDRESS_SYMBOLS).fill(0);
  for (let i = ADDRESS_SYMBOLS - 1; i >= 0; i--) {
    symbols[i] = value % 32;
    value = Math.floor(value / 32);
  }
  return symbols;
}

/** Throws on parts this app did not make (a programming error, not something a person typed). */
export function formatJoinCode(parts: JoinCodeParts): string {
  if (!isSessionSecret(parts.secret)) throw new TypeError('formatJoinCode: not a session secret.');
  if (parts.signal !== null && !isSignalAddress(parts.signal)) {
    throw new TypeError(
      'formatJoinCode: the signaling address must be an IPv4 address and a port from 1024.',
    );
  }
  const data = [...readSecret(parts.secret), ...(parts.signal ? addressSymbols(parts.signal) : [])];
  return groupInFours(writeSymbols([...data, ...checkSymbols(data)]));
}

function readSecret(secret: SessionSecret): number[] {
  const read = readSymbols(secret);
  return read.ok ? [...read.symbols] : [];
}

/** What a person typed (or pasted) → the parts, or a plain-language reason. Never throws. */
export function parseJoinCode(text: unknown): JoinCodeParts | JoinCodeError {
  if (typeof text !== 'string') return refuse('empty');
  if (text.length > MAX_CODE_TEXT) return refuse('length');
  const read = readSymbols(text);
  if (!read.ok) return refuse('characters');
  const symbols = read.symbols;
  if (symbols.length === 0) return refuse('empty');
  if (symbols.length !== ONLINE_CODE_SYMBOLS && symbols.length !== IN_ROOM_CODE_SYMBOLS)
    return refuse('length');
  if (!hasValidCheck(symbols)) return refuse('typo');
  const secret = writeSymbols(symbols.slice(0, SECRET_SYMBOLS)) as SessionSecret;
  if (symbols.length === ONLINE_CODE_SYMBOLS) return { secret, signal: null };

  const value = symbols
    .slice(SECRET_SYMBOLS, SECRET_SYMBOLS + ADDRESS_SYMBOLS)
    .reduce((n, s) => n * 32 + s, 0);
  if (value % RESERVED !== 0) return refuse('newer');
  const ipAndPort = value / RESERVED;
  const port = ipAndPort % 65536;
  const host = numberToIpv4(Math.floor(ipAndPort / 65536));
  // The check passed, so this was made on purpose: a code pointing at an address no Dreamboard
  // server would use is not something to connect to.
  if (ipv4ToNumber(host) === null || !isSignalPort(port)) return refuse('not-a-code');
  return { secret, signal: { host, port } };
}
