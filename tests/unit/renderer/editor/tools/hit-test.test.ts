import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { boxContainsPoint, boxesIntersect, type Box } from '../../../../../renderer/editor/geometry';
import {
  FRAME_TITLE_HEIGHT,
  GridIndex,
  frameTitleHeight,
  hitTest,
  itemsInBox,
  topCardAt,
} from '../../../../../renderer/editor/hit-test';
import { resizeBox } from '../../../../../renderer/editor/tools/resize-box';
import { TestEditor } from './test-editor';

const boxArb = fc.record({
  x: fc.integer({ min: -5000, max: 5000 }),
  y: fc.integer({ min: -5000, max: 5000 }),
  w: fc.integer({ min: 0, max: 3000 }),
  h: fc.integer({ min: 0, max: 3000 }),
});

describe('grid index', () => {
  it('finds exactly the boxes a brute-force scan finds, for any boxes and query', () => {
    fc.assert(
      fc.property(
        fc.array(boxArb, { maxLength: 80 }),
        boxArb,
        fc.integer({ min: 64, max: 1024 }),
        (boxes, query, cell) => {
          const grid = new GridIndex<string>(cell);
          boxes.forEach((b, i) => grid.insert(`b${i}`, b));
          const expected = boxes.flatMap((b, i) => (boxesIntersect(b, query) ? [`b${i}`] : [])).sort();
          expect(grid.query(query).sort()).toEqual(expected);
        },
      ),
      { seed: 20240611, numRuns: 300 },
    );
  });

  it('keeps boxes spanning many cells aside and still finds them', () => {
    const grid = new GridIndex<string>(10);
    grid.insert('huge', { x: 0, y: 0, w: 100_000, h: 100_000 });
    expect(grid.query({ x: 50_000, y: 50_000, w: 0, h: 0 })).toEqual(['huge']);
  });
});

describe('hit testing', () => {
  let t: TestEditor;
  beforeEach(() => {
    t = new TestEditor();
  });
  afterEach(() => t.destroy());

  it('returns the topmost card under a point, matching a brute-force z-order scan', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ x: fc.integer({ min: 0, max: 2000 }), y: fc.integer({ min: 0, max: 2000 }) }), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.record({ x: fc.integer({ min: 0, max: 2300 }), y: fc.integer({ min: 0, max: 2200 }) }),
        (spots, p) => {
          const local = new TestEditor();
          for (const s of spots) local.card(s.x, s.y);
          const snap = local.editor.snapshot;
          const ordered = local.editor.orderedCards();
          const expected = [...ordered].reverse().find((c) => boxContainsPoint(c, p)) ?? null;
          expect(topCardAt(snap, p)?.id ?? null).toBe(expected?.id ?? null);
          local.destroy();
        },
      ),
      { seed: 7, numRuns: 60 },
    );
  });

  it('hits a connector within a few screen pixels, scaled by zoom', () => {
    const a = t.card(0, 0, { w: 100, h: 100 });
    const b = t.card(400, 0, { w: 100, h: 100 });
    const c = t.connector(a, b);
    const snap = t.editor.snapshot;
    expect(hitTest(snap, { x: 250, y: 54 }, 1)).toEqual({ type: 'connector', id: c });
    expect(hitTest(snap, { x: 250, y: 60 }, 1)).toEqual({ type: 'canvas' });
    // At zoom 0.5 the same 6 screen px reach 12 world units.
    expect(hitTest(snap, { x: 250, y: 60 }, 0.5)).toEqual({ type: 'connector', id: c });
  });

  it('hits a frame by its title bar or border but not its empty body', () => {
    const f = t.frame(0, 0, 800, 600);
    const snap = t.editor.snapshot;
    expect(hitTest(snap, { x: 400, y: FRAME_TITLE_HEIGHT - 2 }, 1)).toEqual({ type: 'frame', id: f });
    expect(hitTest(snap, { x: 799, y: 300 }, 1)).toEqual({ type: 'frame', id: f });
    expect(hitTest(snap, { x: 400, y: 300 }, 1)).toEqual({ type: 'canvas' });
  });

  it('grows a frame’s title bar when zoomed far out, but never past 40% of the frame', () => {
    expect(frameTitleHeight({ h: 600 }, 1)).toBe(FRAME_TITLE_HEIGHT);
    expect(frameTitleHeight({ h: 5000 }, 0.05)).toBeGreaterThan(FRAME_TITLE_HEIGHT * 5);
    expect(frameTitleHeight({ h: 300 }, 0.01)).toBe(120);
  });

  it('puts a card above the frame it sits in, and the selection’s handles above both', () => {
    const f = t.frame(0, 0, 800, 600);
    const a = t.card(0, 0, { w: 200, h: 120 });
    const snap = t.editor.snapshot;
    expect(hitTest(snap, { x: 10, y: 10 }, 1)).toEqual({ type: 'card', id: a });
    const handles = {
      selection: new Set([a as string]),
      boxOf: (id: string) => t.editor.boxOf(id),
      canResize: () => true,
      isCard: () => true,
    };
    expect(hitTest(snap, { x: 1, y: 1 }, 1, handles)).toEqual({ type: 'resize-handle', id: a, handle: 'nw' });
    expect(hitTest(snap, { x: 100, y: 142 }, 1, handles)).toEqual({
      type: 'connect-handle',
      id: a,
      side: 'bottom',
    });
    expect(hitTest(snap, { x: 400, y: 10 }, 1, handles)).toEqual({ type: 'frame', id: f });
  });

  it('marquee takes cards it touches and frames it encloses', () => {
    const f = t.frame(0, 0, 800, 600);
    const a = t.card(100, 100);
    const b = t.card(1000, 100);
    const snap = t.editor.snapshot;
    expect(itemsInBox(snap, { x: 250, y: 150, w: 100, h: 10 }).sort()).toEqual([a]);
    expect(itemsInBox(snap, { x: -10, y: -10, w: 1300, h: 700 }).sort()).toEqual([a, b, f].sort());
  });
});

describe('resize geometry', () => {
  it('never makes a box smaller than the minimum and keeps the edges the handle does not own', () => {
    const handles = ['nw', 'n', 'ne', 'e', 'se', 's', 'sw', 'w'] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...handles),
        fc.integer({ min: -2000, max: 2000 }),
        fc.integer({ min: -2000, max: 2000 }),
        (handle, dx, dy) => {
          const start: Box = { x: 100, y: 100, w: 300, h: 200 };
          const out = resizeBox(start, handle, dx, dy, { w: 80, h: 60 });
          expect(out.w).toBeGreaterThanOrEqual(80);
          expect(out.h).toBeGreaterThanOrEqual(60);
          if (!handle.includes('w')) expect(out.x).toBe(100);
          if (!handle.includes('e') && !handle.includes('w')) expect(out.w).toBe(300);
          if (!handle.startsWith('n')) expect(out.y).toBe(100);
          if (!handle.startsWith('n') && !handle.startsWith('s')) expect(out.h).toBe(200);
        },
      ),
      { seed: 99, numRuns: 400 },
    );
  });
});
