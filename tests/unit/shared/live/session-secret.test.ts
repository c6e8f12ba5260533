import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CROCKFORD_ALPHABET,
  SECRET_BITS,
  createSessionSecret,
  isSessionSecret,
  roomNameFor,
  roomPasswordFor,
  type SessionSecret,
} from '../../../../shared/live';
import { secretArb } from './arbitraries';

describe('createSessionSecret', () => {
  it('carries at least 96 random bits', () => {
    expect(SECRET_BITS).toBeGreaterThanOrEqual(96);
    expect(isSessionSecret(createSessionSecret())).toBe(true);
  });

  it('uses the top 100 bits of the random bytes, most significant first', () => {
    expect(createSessionSecret(() => new Uint8Array(13))).toBe('0'.repeat(20));
    expect(createSessionSecret(() => new Uint8Array(13).fill(0xff))).toBe('Z'.repeat(20));
    // 0b00001 00010 00011 … : bytes 0x08 0x86 0x42 … spell 1 2 3 …
    const bytes = new Uint8Array(13);
    const symbols = Array.from({ length: 20 }, (_, i) => (i + 1) % 32);
    symbols.forEach((s, i) => {
      for (let b = 0; b < 5; b++) {
        const bit = i * 5 + b;
        if ((s >> (4 - b)) & 1) bytes[bit >> 3] = (bytes[bit >> 3] ?? 0) | (0x80 >> (bit & 7));
      }
    });
    expect(createSessionSecret(() => bytes)).toBe(symbols.map((s) => CROCKFORD_ALPHABET[s]).join(''));
  });

  it('gives different secrets from the real random source', () => {
    const seen = new Set(Array.from({ length: 200 }, () => createSessionSecret()));
    expect(seen.size).toBe(200);
  });

  it('refuses a random source that returns too few bytes', () => {
    expect(() => createSessionSecret(() => new Uint8Array(12))).toThrow(RangeError);
  });
});

describe('roomNameFor and roomPasswordFor', () => {
  const secret = 'ABCDEFGHJKMNPQRSTVWX' as SessionSecret;

  it('are fixed functions of the secret (known answers, so a change is a deliberate format change)', () => {
    // Computed independently: node -e "crypto.createHash('sha256').update('dreamboard/live/room/v1\\n' + secret)…"
    expect(roomNameFor(secret)).toBe('dreamboard-2a3f6efb691b2d3673fb71b37ab042b2');
    expect(roomPasswordFor(secret)).toBe('c305ed0cd21dd67392f410973a6ff06531aa969e30681ba27e1a56134c0af451');
  });

  it('never reveal the secret or each other', () => {
    fc.assert(
      fc.property(secretArb, (s) => {
        const room = roomNameFor(s);
        const password = roomPasswordFor(s);
        expect(room.toUpperCase()).not.toContain(s);
        expect(password.toUpperCase()).not.toContain(s);
        expect(password).not.toContain(room.slice('dreamboard-'.length));
      }),
      { seed: 411, numRuns: 300 },
    );
  });

  it('differ between secrets that differ in one symbol', () => {
    const other = `${secret.slice(0, 19)}Y` as SessionSecret;
    expect(roomNameFor(other)).not.toBe(roomNameFor(secret));
    expect(roomPasswordFor(other)).not.toBe(roomPasswordFor(secret));
  });

  it('fit the signaling server topic limit', () => {
    expect(roomNameFor(secret).length).toBeLessThanOrEqual(256);
  });
});
