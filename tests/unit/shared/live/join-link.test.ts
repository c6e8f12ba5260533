import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_JOIN_LINK,
  formatJoinCode,
  isJoinCodeError,
  joinLink,
  parseJoinLink,
  readJoinInput,
  type JoinCodeParts,
  type SessionSecret,
} from '../../../../shared/live';
import { hostileStringArb, partsArb } from './arbitraries';

const parts: JoinCodeParts = {
  secret: 'ABCDEFGHJKMNPQRSTVWX' as SessionSecret,
  signal: { host: '10.0.0.7', port: 50000 },
};
const link = joinLink(parts);
const code = formatJoinCode(parts);

describe('joinLink / parseJoinLink', () => {
  it('builds dreamboard://join/<code>', () => {
    expect(link).toBe(`dreamboard://join/${code}`);
    expect(link.length).toBeLessThanOrEqual(MAX_JOIN_LINK);
  });

  it('round-trips any parts', () => {
    fc.assert(
      fc.property(partsArb, (p) => {
        expect(parseJoinLink(joinLink(p))).toEqual(p);
      }),
      { seed: 421, numRuns: 500 },
    );
  });

  it.each([
    ['upper-cased by the system', link.toUpperCase()],
    ['with the trailing slash Windows adds', `${link}/`],
    ['without dashes', `dreamboard://join/${code.replace(/-/g, '')}`],
  ])('accepts a link %s', (_, url) => {
    expect(parseJoinLink(url)).toEqual(parts);
  });

  it.each([
    ['another scheme', link.replace('dreamboard:', 'https:')],
    ['another host', link.replace('//join/', '//open/')],
    ['a query', `${link}?autojoin=1`],
    ['a fragment', `${link}#x`],
    ['an extra segment', `${link}/extra`],
    ['two trailing slashes', `${link}//`],
    ['user info', link.replace('//join', '//me@join')],
    ['a port', link.replace('//join', '//join:80')],
    ['percent-escapes', link.replace('-', '%2D')],
    ['spaces', link.replace('-', ' ')],
    ['leading space', ` ${link}`],
    ['a single slash', link.replace('://', ':/')],
    ['no code', 'dreamboard://join/'],
    ['an over-long link', `dreamboard://join/${'0'.repeat(200)}`],
    ['a non-string', { href: link }],
  ])('refuses %s as not a join link', (_, url) => {
    expect(parseJoinLink(url)).toMatchObject({ problem: 'not-a-code' });
  });

  it('says a link with a damaged code has a typo', () => {
    const damaged = `${link.slice(0, -1)}${link.endsWith('0') ? '1' : '0'}`;
    expect(parseJoinLink(damaged)).toMatchObject({ problem: 'typo' });
  });

  it('never throws on hostile links', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          hostileStringArb,
          hostileStringArb.map((s) => `dreamboard://join/${s}`),
          fc.anything(),
        ),
        (url) => {
          const result = parseJoinLink(url);
          expect(isJoinCodeError(result) ? result.error : result.secret).toBeTypeOf('string');
        },
      ),
      { seed: 422, numRuns: 2000 },
    );
  });
});

describe('readJoinInput', () => {
  it('takes a typed code or a pasted link', () => {
    expect(readJoinInput(code.toLowerCase())).toEqual(parts);
    expect(readJoinInput(`  ${link}\n`)).toEqual(parts);
    expect(readJoinInput('dreamboard://evil')).toMatchObject({ problem: 'not-a-code' });
  });
});
