import { describe, expect, it } from 'vitest';
import {
  PARTICIPANTS_DRAWN_MAX,
  boxToScreen,
  cursorVisible,
  hasVisiblePresence,
  selectionOutlines,
  toScreen,
  visibleCursors,
  type ItemLookup,
} from '../../../../renderer/canvas/presence-model';
import type { Box } from '../../../../renderer/editor/geometry';
import { person } from './presence-fixtures';

const camera = { x: 100, y: -50, zoom: 2 };
const viewport = { w: 800, h: 600 };
/** The world box `camera` shows through `viewport`. */
const view: Box = { x: -50, y: 25, w: 400, h: 300 };

describe('presence under our camera', () => {
  it('maps world points and boxes like the stage does (world × zoom + offset)', () => {
    expect(toScreen(camera, { x: 10, y: 40 })).toEqual({ x: 120, y: 30 });
    expect(boxToScreen(camera, { x: 10, y: 40, w: 5, h: 7 })).toEqual({ x: 120, y: 30, w: 10, h: 14 });
  });

  it('draws a cursor only when its tip is inside the view', () => {
    expect(cursorVisible({ x: 0, y: 0 }, viewport)).toBe(true);
    expect(cursorVisible({ x: 800, y: 600 }, viewport)).toBe(true);
    expect(cursorVisible({ x: -1, y: 10 }, viewport)).toBe(false);
    expect(cursorVisible({ x: 10, y: 601 }, viewport)).toBe(false);
  });

  it('lists visible cursors at their drawn position, skipping null presence, null cursors and off-screen ones', () => {
    const participants = [
      person(1, { cursor: { x: 0, y: 100 } }),
      person(2, null),
      person(3, { cursor: null }),
      person(4, { cursor: { x: 5000, y: 100 } }),
      person(5, { cursor: { x: 10, y: 100 }, name: 'Sam' }),
    ];
    // Person 5 is drawn where the glide has got to, not where they last reported.
    const glide = (id: number) => (id === 5 ? { x: 20, y: 100 } : null);
    const cursors = visibleCursors(participants, glide, camera, viewport);
    expect(cursors.map((c) => [c.clientId, c.x, c.y, c.name])).toEqual([
      [1, 100, 150, 'Person 1'],
      [5, 140, 150, 'Sam'],
    ]);
  });

  it('draws at most 50 people', () => {
    const many = Array.from({ length: 80 }, (_, i) => person(i, { cursor: { x: 0, y: 100 } }));
    expect(visibleCursors(many, () => null, camera, viewport)).toHaveLength(PARTICIPANTS_DRAWN_MAX);
  });

  it('mounts the layer only when someone has presence', () => {
    expect(hasVisiblePresence([])).toBe(false);
    expect(hasVisiblePresence([person(1, null)])).toBe(false);
    expect(hasVisiblePresence([person(1, null), person(2)])).toBe(true);
  });
});

describe('which items are outlined', () => {
  const boxes = new Map<string, Box>([
    ['card-a', { x: 0, y: 50, w: 100, h: 80 }],
    ['card-b', { x: 200, y: 50, w: 100, h: 80 }],
    ['far-away', { x: 9000, y: 9000, w: 100, h: 80 }],
  ]);
  const items: ItemLookup = {
    box: (id) => boxes.get(id),
    segment: (id) => (id === 'conn' ? { a: { x: 100, y: 90 }, b: { x: 200, y: 90 } } : undefined),
  };

  it('outlines existing items in view in the person’s colour, ignoring unknown ids, with the name on the first that exists', () => {
    const outlines = selectionOutlines(
      [person(1, { name: 'Ana', selection: ['ghost', 'card-a', 'card-b'] }, '#B3261E')],
      items,
      camera,
      view,
    );
    expect(outlines.map((o) => [o.id, o.colour, o.ring, o.tag])).toEqual([
      ['card-a', '#B3261E', 0, 'Ana'],
      ['card-b', '#B3261E', 0, null],
    ]);
    expect(outlines[0]!.box).toEqual({ x: 100, y: 50, w: 200, h: 160 });
  });

  it('culls items out of view but still spends the name tag on the first existing one', () => {
    const outlines = selectionOutlines(
      [person(1, { selection: ['far-away', 'card-b'] })],
      items,
      camera,
      view,
    );
    expect(outlines.map((o) => [o.id, o.tag])).toEqual([['card-b', null]]);
  });

  it('nests rings when several people select the same item; connectors become segments', () => {
    const outlines = selectionOutlines(
      [person(1, { selection: ['card-a', 'conn'] }), person(2, { selection: ['card-a'] }), person(3, null)],
      items,
      camera,
      view,
    );
    expect(outlines.map((o) => [o.id, o.ring])).toEqual([
      ['card-a', 0],
      ['conn', 0],
      ['card-a', 1],
    ]);
    expect(outlines[1]!.segment).toEqual({ a: { x: 300, y: 130 }, b: { x: 500, y: 130 } });
  });

  it('looks at no more than 50 people × 200 ids', () => {
    let lookups = 0;
    const counting: ItemLookup = {
      box: () => (lookups++, undefined),
      segment: () => undefined,
    };
    const ids = Array.from({ length: 300 }, (_, i) => `id-${i}`);
    const crowd = Array.from({ length: 70 }, (_, i) => person(i, { selection: ids }));
    expect(selectionOutlines(crowd, counting, camera, view)).toEqual([]);
    expect(lookups).toBe(50 * 200);
  });
});
