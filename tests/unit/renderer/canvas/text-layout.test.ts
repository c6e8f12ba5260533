import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitLine, wrapText } from '../../../../renderer/canvas/text-layout';

// A monospace stand-in for canvas measureText: 10 units per character.
const measure = (s: string) => s.length * 10;

describe('wrapText', () => {
  it('wraps at word boundaries', () => {
    expect(wrapText('safe warm home for everyone', 100, 5, measure)).toEqual({
      lines: ['safe warm', 'home for', 'everyone'],
      truncated: false,
    });
  });

  it('keeps the writer’s line breaks', () => {
    expect(wrapText('one\ntwo\r\nthree', 200, 5, measure).lines).toEqual(['one', 'two', 'three']);
  });

  it('ends the last line with an ellipsis when the text does not fit', () => {
    const out = wrapText('one two three four five six seven', 100, 2, measure);
    expect(out.truncated).toBe(true);
    expect(out.lines).toHaveLength(2);
    expect(out.lines[1]!.endsWith('…')).toBe(true);
    expect(measure(out.lines[1]!)).toBeLessThanOrEqual(100);
  });

  it('breaks a word longer than the line', () => {
    expect(wrapText('abcdefghijklmnop', 50, 5, measure).lines).toEqual(['abcde', 'fghij', 'klmno', 'p']);
  });

  it('shows nothing, marked truncated, when there is no room for a line', () => {
    expect(wrapText('hello', 100, 0, measure)).toEqual({ lines: [], truncated: true });
  });

  it('never returns more lines than allowed or a line wider than the width', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300 }),
        fc.integer({ min: 20, max: 400 }),
        fc.integer({ min: 1, max: 8 }),
        (text, width, maxLines) => {
          const out = wrapText(text, width, maxLines, measure);
          expect(out.lines.length).toBeLessThanOrEqual(maxLines);
          for (const line of out.lines) expect(measure(line)).toBeLessThanOrEqual(width);
        },
      ),
      { seed: 1234, numRuns: 500 },
    );
  });

  it('loses no words when everything fits', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z]{1,8}$/), { maxLength: 20 }), (words) => {
        const out = wrapText(words.join(' '), 100, 100, measure);
        expect(out.truncated).toBe(false);
        expect(out.lines.join(' ').split(' ').filter(Boolean)).toEqual(words);
      }),
      { seed: 4321, numRuns: 300 },
    );
  });
});

describe('fitLine', () => {
  it('keeps a short line and cuts a long one with an ellipsis', () => {
    expect(fitLine('People  and\nneeds', 200, measure)).toBe('People and needs');
    expect(fitLine('Barriers and rules to challenge', 100, measure)).toBe('Barriers…');
  });
});
