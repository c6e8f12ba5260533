import * as fc from 'fast-check';
import {
  CROCKFORD_ALPHABET,
  type JoinCodeParts,
  type SessionSecret,
  type SignalAddress,
} from '../../../../shared/live';

export const secretArb: fc.Arbitrary<SessionSecret> = fc
  .array(fc.constantFrom(...CROCKFORD_ALPHABET), { minLength: 20, maxLength: 20 })
  .map((chars) => chars.join('') as SessionSecret);

export const addressArb: fc.Arbitrary<SignalAddress> = fc
  .record({
    a: fc.integer({ min: 1, max: 223 }),
    b: fc.integer({ min: 0, max: 255 }),
    c: fc.integer({ min: 0, max: 255 }),
    d: fc.integer({ min: 0, max: 255 }),
    port: fc.integer({ min: 1024, max: 65535 }),
  })
  .map(({ a, b, c, d, port }) => ({ host: `${a}.${b}.${c}.${d}`, port }));

export const partsArb: fc.Arbitrary<JoinCodeParts> = fc.record({
  secret: secretArb,
  signal: fc.option(addressArb, { nil: null }),
});

/** Strings people and attackers might send: unicode, look-alikes, separators, huge lengths. */
export const hostileStringArb: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({
    unit: fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcxyz-–— \t\n/:%?#@'),
    maxLength: 90,
  }),
  fc.constantFrom(
    '',
    ' ',
    '-'.repeat(5000),
    'A'.repeat(100_000),
    '\u202E',
    'dreamboard://join/',
    'ß'.repeat(30),
  ),
);
