import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CANVAS_BACKGROUND, SELECTION_STYLE } from '../../../../renderer/canvas/theme';
import {
  PRESENCE_CANVAS_BACKGROUND,
  PRESENCE_COLOURS,
  assignColour,
  isPresenceColour,
} from '../../../../shared/live';

/** WCAG 2 relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((i) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

describe('presence colours', () => {
  it('match the canvas background the renderer draws', () => {
    expect(PRESENCE_CANVAS_BACKGROUND).toBe(CANVAS_BACKGROUND);
  });

  it.each(PRESENCE_COLOURS)(
    '%s has ≥ 3:1 on the canvas and the minimap, ≥ 4.5:1 under a white label',
    (colour) => {
      expect(contrast(colour, PRESENCE_CANVAS_BACKGROUND)).toBeGreaterThanOrEqual(3);
      expect(contrast(colour, '#FFFFFF')).toBeGreaterThanOrEqual(4.5);
      expect(colour.toUpperCase()).not.toBe(SELECTION_STYLE.color.toUpperCase());
    },
  );

  it('are all different', () => {
    expect(new Set(PRESENCE_COLOURS).size).toBe(PRESENCE_COLOURS.length);
  });
});

describe('assignColour', () => {
  it('gives the same participant the same colour every time', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 64 }), (id) => {
        const colour = assignColour(id);
        expect(isPresenceColour(colour)).toBe(true);
        expect(assignColour(id)).toBe(colour);
      }),
      { seed: 431, numRuns: 500 },
    );
  });

  it('spreads participants over the whole palette', () => {
    const used = new Set(Array.from({ length: 300 }, (_, i) => assignColour(`participant-${i}`)));
    expect(used.size).toBe(PRESENCE_COLOURS.length);
  });
});
