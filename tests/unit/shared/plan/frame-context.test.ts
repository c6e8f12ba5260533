import { describe, expect, it } from 'vitest';
import { frameContext } from '../../../../shared/plan';

describe('frameContext: which frames give cards a vision or today context', () => {
  it.each([
    ['The dream', 'vision'],
    ['Our VISION for 2030', 'vision'],
    ['What good looks like', 'vision'],
    ['Y freuddwyd / Breuddwyd', 'vision'],
    ['Gweledigaeth', 'vision'],
    ['From today to the dream', 'vision'],
    ['Today: what happens now', 'today'],
    ['Current journey', 'today'],
    ['Heddiw', 'today'],
    ['Partners', null],
    ['Knowledge we have', null],
    ['Dreamcatcher stall', null],
    ['', null],
  ])('%j → %s', (title, expected) => {
    expect(frameContext({ title })).toBe(expected);
  });

  it('gives no context to a missing frame', () => {
    expect(frameContext(undefined)).toBeNull();
  });
});
