import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CROCKFORD_ALPHABET,
  IN_ROOM_CODE_SYMBOLS,
  JOIN_CODE_MESSAGES,
  ONLINE_CODE_SYMBOLS,
  checkSymbols,
  formatJoinCode,
  hasValidCheck,
  isJoinCodeError,
  parseJoinCode,
  type JoinCodeParts,
  type SessionSecret,
} from '../../../../shared/live';
import { hostileStringArb, partsArb } from './arbitraries';

const SECRET = '0123456789ABCDEFGHJK' as SessionSecret;
const online: JoinCodeParts = { secret: SECRET, signal: null };
const inRoom: JoinCodeParts = { secret: SECRET, signal: { host: '192.168.1.20', port: 49152 } };

/** Replace the symbol at `index` (counting symbols, not dashes) with `char`. */
function withSymbol(code: string, index: number, char: string): string {
  const symbols = [...code.replace(/-/g, '')];
  symbols[index] = char;
  return symbols.join('');
}

describe('formatJoinCode', () => {
  it('writes an online code as 22 symbols in groups of four', () => {
    const code = formatJoinCode(online);
    expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){5}[0-9A-HJKMNP-TV-Z]{2}$/);
    expect(code.startsWith('0123-4567-89AB-CDEF-GHJK-')).toBe(true);
  });

  it('writes an in-room code as 32 symbols in eight groups', () => {
    expect(formatJoinCode(inRoom)).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
  });

  it.each([
    ['a secret of the wrong length', { secret: 'ABC' as SessionSecret, signal: null }],
    ['a secret with I in it', { secret: 'I123456789ABCDEFGHJK' as SessionSecret, signal: null }],
    ['a port below 1024', { secret: SECRET, signal: { host: '192.168.1.2', port: 80 } }],
    ['a host name', { secret: SECRET, signal: { host: 'example.org', port: 4444 } }],
    ['a multicast address', { secret: SECRET, signal: { host: '239.1.1.1', port: 4444 } }],
    ['leading zeros', { secret: SECRET, signal: { host: '192.168.001.2', port: 4444 } }],
  ])('refuses %s (a programming error)', (_, parts) => {
    expect(() => formatJoinCode(parts)).toThrow(TypeError);
  });
});

describe('parseJoinCode', () => {
  it('round-trips any secret, with or without a LAN address', () => {
    fc.assert(
      fc.property(partsArb, (parts) => {
        expect(parseJoinCode(formatJoinCode(parts))).toEqual(parts);
      }),
      { seed: 401, numRuns: 1000 },
    );
  });

  it('accepts lower case, spaces, missing dashes and typographic dashes', () => {
    const code = formatJoinCode(inRoom);
    for (const typed of [
      code.toLowerCase(),
      code.replace(/-/g, ' '),
      code.replace(/-/g, ''),
      code.replace(/-/g, ' – '),
      ` ${code}\n`,
    ]) {
      expect(parseJoinCode(typed)).toEqual(inRoom);
    }
  });

  it('reads O as 0 and I or L as 1, the way people mistype them', () => {
    const code = formatJoinCode(online); // starts 0123
    expect(parseJoinCode(`O${code.slice(1)}`)).toEqual(online);
    expect(parseJoinCode(`0I${code.slice(2)}`)).toEqual(online);
    expect(parseJoinCode(`0l${code.slice(2)}`)).toEqual(online);
  });

  it.each([
    ['nothing', '', 'empty'],
    ['only dashes', ' - - ', 'empty'],
    ['not a string', 42, 'empty'],
    ['a U', 'U'.repeat(22), 'characters'],
    ['punctuation', '0123-4567-89AB-CDEF-GHJK-!!', 'characters'],
    ['a pasted web address', 'https://example.org/join', 'characters'],
    ['too few symbols', '0123-4567', 'length'],
    ['a length between the two formats', '0'.repeat(27), 'length'],
    ['too many symbols', '0'.repeat(40), 'length'],
    ['a whole document', 'A'.repeat(100_000), 'length'],
  ] as const)('refuses %s', (_, text, problem) => {
    const result = parseJoinCode(text);
    expect(result).toEqual({ problem, error: JOIN_CODE_MESSAGES[problem] });
  });

  it('says a mistyped code has a typo', () => {
    const code = formatJoinCode(online);
    const wrong = withSymbol(code, 3, code.replace(/-/g, '')[3] === '7' ? '8' : '7');
    expect(parseJoinCode(wrong)).toEqual({
      problem: 'typo',
      error: 'That code has a typo — check it and try again.',
    });
  });

  it('catches any single wrong symbol, anywhere, in either format', () => {
    fc.assert(
      fc.property(partsArb, fc.nat(), fc.integer({ min: 1, max: 31 }), (parts, at, shift) => {
        const code = formatJoinCode(parts).replace(/-/g, '');
        const index = at % code.length;
        const old = CROCKFORD_ALPHABET.indexOf(code[index] ?? '0');
        const typo = withSymbol(code, index, CROCKFORD_ALPHABET[(old + shift) % 32] ?? '0');
        expect(parseJoinCode(typo)).toMatchObject({ problem: 'typo' });
      }),
      { seed: 402, numRuns: 3000 },
    );
  });

  it('catches any swap of two neighbouring symbols that differ', () => {
    fc.assert(
      fc.property(partsArb, fc.nat(), (parts, at) => {
        const symbols = [...formatJoinCode(parts).replace(/-/g, '')];
        const i = at % (symbols.length - 1);
        fc.pre(symbols[i] !== symbols[i + 1]);
        [symbols[i], symbols[i + 1]] = [symbols[i + 1] ?? '', symbols[i] ?? ''];
        expect(parseJoinCode(symbols.join(''))).toMatchObject({ problem: 'typo' });
      }),
      { seed: 403, numRuns: 3000 },
    );
  });

  it('catches a swap of every neighbouring pair in a fixed code (exhaustive)', () => {
    for (const parts of [online, inRoom]) {
      const symbols = [...formatJoinCode(parts).replace(/-/g, '')];
      for (let i = 0; i + 1 < symbols.length; i++) {
        if (symbols[i] === symbols[i + 1]) continue;
        const swapped = [...symbols];
        [swapped[i], swapped[i + 1]] = [symbols[i + 1] ?? '', symbols[i] ?? ''];
        expect(parseJoinCode(swapped.join('')), `swap at ${i}`).toMatchObject({ problem: 'typo' });
      }
    }
  });

  it('reports a code with the reserved bits set as from a newer version', () => {
    // Build a valid in-room code with a reserved bit set by hand.
    const symbols = [...formatJoinCode(inRoom).replace(/-/g, '')]
      .slice(0, 30)
      .map((c) => CROCKFORD_ALPHABET.indexOf(c));
    symbols[29] = (symbols[29] ?? 0) | 1;
    const code = [...symbols, ...checkSymbols(symbols)].map((s) => CROCKFORD_ALPHABET[s]).join('');
    expect(parseJoinCode(code)).toMatchObject({ problem: 'newer' });
  });

  it('refuses a well-formed code that points at port 80 or a multicast address', () => {
    // Threat: a crafted code aiming the app at a web admin page on the person's network.
    const secretSymbols = [...SECRET].map((c) => CROCKFORD_ALPHABET.indexOf(c));
    const encode = (ip: number, port: number) => {
      let value = (ip * 65536 + port) * 4;
      const address: number[] = [];
      for (let i = 0; i < 10; i++) {
        address.unshift(value % 32);
        value = Math.floor(value / 32);
      }
      const data = [...secretSymbols, ...address];
      return [...data, ...checkSymbols(data)].map((s) => CROCKFORD_ALPHABET[s]).join('');
    };
    const lan = 192 * 2 ** 24 + 168 * 2 ** 16 + 1;
    expect(parseJoinCode(encode(lan, 49152))).toEqual({
      ...inRoom,
      signal: { host: '192.168.0.1', port: 49152 },
    });
    expect(parseJoinCode(encode(lan, 80))).toMatchObject({ problem: 'not-a-code' });
    expect(parseJoinCode(encode(239 * 2 ** 24, 4444))).toMatchObject({ problem: 'not-a-code' });
    expect(parseJoinCode(encode(0, 4444))).toMatchObject({ problem: 'not-a-code' });
  });

  it('never throws on hostile text and always answers with parts or a message', () => {
    fc.assert(
      fc.property(fc.oneof(hostileStringArb, fc.anything()), (text) => {
        const result = parseJoinCode(text);
        if (isJoinCodeError(result)) expect(result.error.length).toBeGreaterThan(0);
        else
          expect(
            hasValidCheck(
              [...formatJoinCode(result).replace(/-/g, '')].map((c) => CROCKFORD_ALPHABET.indexOf(c)),
            ),
          ).toBe(true);
      }),
      { seed: 404, numRuns: 2000 },
    );
  });

  it('has the two lengths it documents', () => {
    expect([ONLINE_CODE_SYMBOLS, IN_ROOM_CODE_SYMBOLS]).toEqual([22, 32]);
  });
});
