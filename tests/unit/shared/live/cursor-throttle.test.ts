import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CursorThrottle } from '../../../../shared/live';

function setup(perSecond?: number) {
  let now = 1000;
  const throttle = new CursorThrottle<number>({
    now: () => now,
    ...(perSecond === undefined ? {} : { perSecond }),
  });
  return { throttle, advance: (ms: number) => (now += ms), at: () => now };
}

describe('CursorThrottle', () => {
  it('sends the first position at once', () => {
    const { throttle } = setup();
    expect(throttle.offer(1)).toEqual({ value: 1 });
    expect(throttle.isHolding).toBe(false);
    expect(throttle.dueAt()).toBeNull();
  });

  it('holds positions that come too soon, keeping only the latest, and sends it when due', () => {
    const { throttle, advance } = setup();
    throttle.offer(1);
    advance(10);
    expect(throttle.offer(2)).toBeNull();
    advance(10);
    expect(throttle.offer(3)).toBeNull();
    expect(throttle.dueAt()).toBe(1050);
    advance(29);
    expect(throttle.poll()).toBeNull();
    advance(1);
    expect(throttle.poll()).toEqual({ value: 3 });
    expect(throttle.poll()).toBeNull();
  });

  it('sends a position offered after the interval at once', () => {
    const { throttle, advance } = setup();
    throttle.offer(1);
    advance(50);
    expect(throttle.offer(2)).toEqual({ value: 2 });
  });

  it('honours another rate', () => {
    const { throttle, advance } = setup(5);
    throttle.offer(1);
    advance(199);
    expect(throttle.offer(2)).toBeNull();
    advance(1);
    expect(throttle.poll()).toEqual({ value: 2 });
  });

  it('drops the held position on clear', () => {
    const { throttle, advance } = setup();
    throttle.offer(1);
    throttle.offer(2);
    throttle.clear();
    advance(100);
    expect(throttle.poll()).toBeNull();
  });

  it('does not freeze when the clock goes backwards', () => {
    const { throttle, advance } = setup();
    throttle.offer(1);
    advance(-5000);
    expect(throttle.offer(2)).toEqual({ value: 2 });
  });

  it.each([0, -1, Number.NaN, Infinity])('refuses a rate of %s', (perSecond) => {
    expect(() => new CursorThrottle({ now: () => 0, perSecond })).toThrow(RangeError);
  });

  it('never sends more than 20 a second, sends in order, and always sends the last position', () => {
    const step = fc.record({ gap: fc.integer({ min: 0, max: 120 }), poll: fc.boolean() });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 300 }), (steps) => {
        const { throttle, advance, at } = setup();
        const sent: { value: number; at: number }[] = [];
        const record = (out: { value: number } | null) => out && sent.push({ value: out.value, at: at() });
        steps.forEach(({ gap, poll }, i) => {
          advance(gap);
          if (poll) record(throttle.poll());
          record(throttle.offer(i));
          // The caller's timer: poll once at the due time if it has passed.
          const due = throttle.dueAt();
          if (due !== null && due <= at()) record(throttle.poll());
        });
        const due = throttle.dueAt();
        if (due !== null) {
          advance(due - at());
          record(throttle.poll());
        }
        expect(sent.at(-1)?.value).toBe(steps.length - 1);
        for (let i = 1; i < sent.length; i++) {
          expect(sent[i]!.at - sent[i - 1]!.at).toBeGreaterThanOrEqual(50);
          expect(sent[i]!.value).toBeGreaterThan(sent[i - 1]!.value);
        }
        expect(throttle.isHolding).toBe(false);
      }),
      { seed: 451, numRuns: 1000 },
    );
  });
});
