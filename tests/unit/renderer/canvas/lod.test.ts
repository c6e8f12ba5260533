import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { minimapMapping } from '../../../../renderer/canvas/Minimap';
import { detailLevel, visibleCards, visibleConnectors } from '../../../../renderer/canvas/lod';
import { boxesIntersect, type Box } from '../../../../renderer/editor/geometry';
import { TestEditor } from '../editor/tools/test-editor';

describe('level of detail', () => {
  it('draws full cards from zoom 0.4, simple rectangles down to 0.15, and the far view below', () => {
    expect(detailLevel(1)).toBe('detail');
    expect(detailLevel(0.4)).toBe('detail');
    expect(detailLevel(0.39)).toBe('simple');
    expect(detailLevel(0.15)).toBe('simple');
    expect(detailLevel(0.1)).toBe('far');
  });
});

describe('culling', () => {
  let t: TestEditor;
  beforeEach(() => {
    t = new TestEditor();
  });
  afterEach(() => t.destroy());

  it('returns exactly the cards intersecting the view, bottom to top, for small and large views', () => {
    for (let i = 0; i < 300; i++) t.card((i % 20) * 230, Math.floor(i / 20) * 150);
    const snap = t.editor.snapshot;
    const ordered = t.editor.orderedCards();
    fc.assert(
      fc.property(
        fc.integer({ min: -500, max: 4500 }),
        fc.integer({ min: -500, max: 2500 }),
        fc.integer({ min: 1, max: 6000 }),
        (x, y, w) => {
          const view: Box = { x, y, w, h: w * 0.6 };
          const got = visibleCards(snap, view, null).map((p) => p.card.id);
          expect(got).toEqual(ordered.filter((c) => boxesIntersect(c, view)).map((c) => c.id));
        },
      ),
      { seed: 5150, numRuns: 150 },
    );
  });

  it('draws moving cards at their preview boxes, even when they come from outside the view', () => {
    const a = t.card(5000, 5000);
    const b = t.card(10, 10);
    const preview = new Map([[a as string, { x: 100, y: 100, w: 200, h: 120 }]]);
    const got = visibleCards(t.editor.snapshot, { x: 0, y: 0, w: 1000, h: 800 }, preview);
    // b was created after a, so it is above it.
    expect(got.map((p) => [p.card.id, p.box.x])).toEqual([
      [a, 100],
      [b, 10],
    ]);
  });

  it('culls connectors by their segment and re-places those attached to moving cards', () => {
    const a = t.card(0, 0);
    const b = t.card(400, 0);
    const c = t.card(5000, 5000);
    const d = t.card(5400, 5000);
    t.connector(a, b);
    const far = t.connector(c, d);
    const view = { x: -50, y: -50, w: 1000, h: 800 };
    expect(visibleConnectors(t.editor.snapshot, view, null)).toHaveLength(1);
    const preview = new Map([[c as string, { x: 0, y: 300, w: 200, h: 120 }]]);
    const placed = visibleConnectors(t.editor.snapshot, view, preview);
    expect(placed.map((p) => p.connector.id)).toContain(far);
    expect(placed.find((p) => p.connector.id === far)?.from).toEqual({ x: 0, y: 300, w: 200, h: 120 });
  });
});

describe('minimap mapping', () => {
  it('fits any content box inside the minimap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e6, max: 1e6 }),
        fc.integer({ min: -1e6, max: 1e6 }),
        fc.integer({ min: 1, max: 1e6 }),
        fc.integer({ min: 1, max: 1e6 }),
        (x, y, w, h) => {
          const m = minimapMapping({ x, y, w, h }, 220, 150);
          const left = x * m.scale + m.offsetX;
          const top = y * m.scale + m.offsetY;
          expect(left).toBeGreaterThanOrEqual(-1e-6);
          expect(top).toBeGreaterThanOrEqual(-1e-6);
          expect(left + w * m.scale).toBeLessThanOrEqual(220 + 1e-6);
          expect(top + h * m.scale).toBeLessThanOrEqual(150 + 1e-6);
        },
      ),
      { seed: 77, numRuns: 200 },
    );
  });
});
