import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { CROCKFORD_ALPHABET } from './crockford';

/**
 * The per-session secret: 100 random bits, written as 20 Crockford base32 symbols. It exists only
 * in the join code, link and QR code; the signaling server sees the room name derived from it,
 * never the secret or the password.
 */
export type SessionSecret = string & { readonly __brand: 'SessionSecret' };

export const SECRET_SYMBOLS = 20;
export const SECRET_BITS = SECRET_SYMBOLS * 5;

/** Random source: returns `length` bytes. Injected in tests; the default is the platform's CSPRNG. */
export type RandomBytes = (length: number) => Uint8Array;

const SECRET_PATTERN = new RegExp(`^[${CROCKFORD_ALPHABET}]{${SECRET_SYMBOLS}}$`);

export function isSessionSecret(value: unknown): value is SessionSecret {
  return typeof value === 'string' && SECRET_PATTERN.test(value);
}

export function createSessionSecret(random: RandomBytes = randomBytes): SessionSecret {
  const bytes = random(Math.ceil(SECRET_BITS / 8));
  if (!(bytes instanceof Uint8Array) || bytes.length * 8 < SECRET_BITS) {
    throw new RangeError(`The random source must return at least ${Math.ceil(SECRET_BITS / 8)} bytes.`);
  }
  let text = '';
  for (let i = 0; i < SECRET_SYMBOLS; i++) {
    // Symbol i is bits 5i … 5i+4, most significant first; it may straddle two bytes.
    const bit = i * 5;
    const pair = ((bytes[bit >> 3] ?? 0) << 8) | (bytes[(bit >> 3) + 1] ?? 0);
    text += CROCKFORD_ALPHABET.charAt((pair >> (11 - (bit & 7))) & 31);
  }
  return text as SessionSecret;
}

// Domain-separation prefixes: the room name and the password are hashes of the same secret under
// different labels, so knowing one (the server knows the room name) reveals nothing of the other.
const ROOM_LABEL = 'dreamboard/live/room/v1\n';
const PASSWORD_LABEL = 'dreamboard/live/password/v1\n';

/**
 * y-webrtc room name (the signaling topic). 128 bits of hash: as hard to guess as the secret, so
 * nobody can join a room by guessing its name (docs/signaling.md), and short enough for logs
 * and the server's topic-length limit.
 */
export function roomNameFor(secret: SessionSecret): string {
  return `dreamboard-${bytesToHex(sha256(utf8ToBytes(ROOM_LABEL + secret))).slice(0, 32)}`;
}

/** y-webrtc room password: it derives the AES-GCM key for signaling (PBKDF2, salt = room name). */
export function roomPasswordFor(secret: SessionSecret): string {
  return bytesToHex(sha256(utf8ToBytes(PASSWORD_LABEL + secret)));
}
