import { describe, expect, it } from 'vitest';
import { MessageRateLimiter, type RateDecision } from '../../../../electron/signaling/rate-limit';
import { DEFAULT_LIMITS, resolveLimits } from '../../../../electron/signaling/limits';

const options = { burst: 5, perSecond: 10, floodDrops: 4, floodWindowMs: 1000 };

function takeMany(limiter: MessageRateLimiter, count: number, now: number): RateDecision[] {
  return Array.from({ length: count }, () => limiter.take(now));
}

describe('MessageRateLimiter', () => {
  it('accepts a burst, then drops', () => {
    const limiter = new MessageRateLimiter(options, 0);
    expect(takeMany(limiter, 6, 0)).toEqual(['accept', 'accept', 'accept', 'accept', 'accept', 'drop']);
  });

  it('refills at the configured rate and never beyond the burst', () => {
    const limiter = new MessageRateLimiter(options, 0);
    takeMany(limiter, 5, 0);
    expect(limiter.take(50)).toBe('drop'); // half a token
    expect(limiter.take(100)).toBe('accept'); // one token after 100 ms at 10/s
    expect(takeMany(limiter, 6, 60_000).filter((d) => d === 'accept')).toHaveLength(5);
  });

  it('lets a client that stays at the rate through indefinitely', () => {
    const limiter = new MessageRateLimiter(options, 0);
    const decisions = Array.from({ length: 10_000 }, (_, i) => limiter.take(i * 100));
    expect(decisions.every((d) => d === 'accept')).toBe(true);
  });

  it('says close after floodDrops drops within the window', () => {
    const limiter = new MessageRateLimiter(options, 0);
    expect(takeMany(limiter, 9, 0)).toEqual([
      ...Array<RateDecision>(5).fill('accept'),
      'drop',
      'drop',
      'drop',
      'close',
    ]);
  });

  it('forgives drops spread over separate windows', () => {
    const limiter = new MessageRateLimiter({ ...options, perSecond: 1 }, 0);
    takeMany(limiter, 5, 0);
    const decisions: RateDecision[] = [];
    // Three drops per window, windows apart: never four in one window.
    for (let window = 1; window <= 20; window++) {
      const t = window * 5000;
      decisions.push(...takeMany(limiter, 3 + 5, t).filter((d) => d !== 'accept'));
    }
    expect(decisions).not.toContain('close');
    expect(decisions).toContain('drop');
  });

  it('neither mints nor loses tokens when the clock goes backwards', () => {
    const limiter = new MessageRateLimiter(options, 10_000);
    takeMany(limiter, 5, 10_000);
    expect(limiter.take(0)).toBe('drop');
    expect(limiter.take(10_100)).toBe('accept');
  });
});

describe('resolveLimits', () => {
  it('fills in defaults', () => {
    expect(resolveLimits()).toEqual(DEFAULT_LIMITS);
    expect(resolveLimits({ maxConnections: 3 }).maxConnections).toBe(3);
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %s, naming the limit', (value) => {
    expect(() => resolveLimits({ maxPayloadBytes: value })).toThrow(
      /"maxPayloadBytes" must be a whole number/,
    );
  });

  it('refuses an unknown limit', () => {
    expect(() => resolveLimits({ maxTopcs: 3 } as never)).toThrow(/Unknown signaling limit "maxTopcs"/);
  });
});
