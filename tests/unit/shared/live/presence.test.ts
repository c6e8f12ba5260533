import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COORD_LIMIT, ROLE_CATEGORIES } from '../../../../shared/model';
import {
  CONNECTION_STATES,
  PRESENCE_COLOURS,
  SELECTION_MAX,
  announcePresence,
  presenceSchema,
  readPresence,
  type PresenceState,
} from '../../../../shared/live';

const valid: PresenceState = {
  name: 'Sam',
  colour: '#2E7D32',
  role: 'frontline',
  cursor: { x: 10, y: -20.5 },
  selection: ['card_1', 'frame-2'],
  viewport: { x: -500, y: -300, w: 1280, h: 800 },
  connection: 'connected',
};

const stateArb: fc.Arbitrary<PresenceState> = fc.record({
  name: fc
    .string({ minLength: 1, maxLength: 40 })
    .filter((s) => s.trim() === s && s.length > 0 && !/[\p{Cc}]/u.test(s)),
  colour: fc.constantFrom(...PRESENCE_COLOURS),
  role: fc.constantFrom(...ROLE_CATEGORIES),
  cursor: fc.option(
    fc.record({
      x: fc.double({ min: -COORD_LIMIT, max: COORD_LIMIT, noNaN: true }),
      y: fc.double({ min: -COORD_LIMIT, max: COORD_LIMIT, noNaN: true }),
    }),
    { nil: null },
  ),
  selection: fc.uniqueArray(fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/), { maxLength: SELECTION_MAX }),
  viewport: fc.option(
    fc.record({
      x: fc.integer({ min: -COORD_LIMIT, max: COORD_LIMIT }),
      y: fc.integer({ min: -COORD_LIMIT, max: COORD_LIMIT }),
      w: fc.integer({ min: 1, max: 2 * COORD_LIMIT }),
      h: fc.integer({ min: 1, max: 2 * COORD_LIMIT }),
    }),
    { nil: null },
  ),
  connection: fc.constantFrom(...CONNECTION_STATES),
});

describe('readPresence', () => {
  it('accepts a valid state as it is', () => {
    expect(readPresence(valid)).toEqual(valid);
  });

  it('accepts every valid state (property)', () => {
    fc.assert(
      fc.property(stateArb, (state) => {
        expect(readPresence(state)).toEqual(state);
      }),
      { seed: 441, numRuns: 500 },
    );
  });

  it.each<[string, unknown, unknown]>([
    ['a name with spaces around it, trimmed', { ...valid, name: '  Sam  ' }, { ...valid, name: 'Sam' }],
    [
      'a name of 40 emoji (counted as characters)',
      { ...valid, name: '🙂'.repeat(40) },
      { ...valid, name: '🙂'.repeat(40) },
    ],
    ['a name with a joiner (family emoji)', { ...valid, name: '👩‍👧' }, { ...valid, name: '👩‍👧' }],
    ['unknown fields, which a newer version may add (dropped)', { ...valid, hand: 'raised' }, valid],
    [
      'a selection with repeats (kept once)',
      { ...valid, selection: ['a', 'a', 'b'] },
      { ...valid, selection: ['a', 'b'] },
    ],
    [
      'no cursor and no viewport',
      { ...valid, cursor: null, viewport: null },
      { ...valid, cursor: null, viewport: null },
    ],
  ])('accepts %s', (_, raw, expected) => {
    expect(readPresence(raw)).toEqual(expected);
  });

  it.each<[string, unknown]>([
    ['nothing', undefined],
    ['null', null],
    ['a string', 'Sam'],
    ['an array', [valid]],
    ['a stock y-webrtc state (no fields of ours)', { user: { name: 'x' } }],
    ['an empty name', { ...valid, name: '' }],
    ['a name of spaces', { ...valid, name: '   ' }],
    ['a name of 41 characters', { ...valid, name: 'a'.repeat(41) }],
    ['a huge name', { ...valid, name: 'a'.repeat(1_000_000) }],
    ['a newline in the name', { ...valid, name: 'Sam\nFacilitator' }],
    ['a right-to-left override in the name', { ...valid, name: 'Sam\u202Erotatilicaf' }],
    ['a zero-width space as the name', { ...valid, name: '\u200B' }],
    ['a lone surrogate in the name', { ...valid, name: 'Sam\uD800' }],
    ['a name that is not text', { ...valid, name: { toString: () => 'Sam' } }],
    ['a colour outside the palette', { ...valid, colour: '#FFFFFF' }],
    ['a colour with CSS in it', { ...valid, colour: 'red; background: url(x)' }],
    ['an unknown role', { ...valid, role: 'boss' }],
    ['a NaN cursor', { ...valid, cursor: { x: Number.NaN, y: 0 } }],
    ['an infinite cursor', { ...valid, cursor: { x: Infinity, y: 0 } }],
    ['a cursor beyond the coordinate limit', { ...valid, cursor: { x: COORD_LIMIT + 1, y: 0 } }],
    ['a cursor as a string', { ...valid, cursor: '10,20' }],
    ['a missing cursor', { ...valid, cursor: undefined }],
    ['201 selected ids', { ...valid, selection: Array.from({ length: 201 }, (_, i) => `id${i}`) }],
    ['a million selected ids', { ...valid, selection: new Array(1_000_000).fill('a') }],
    ['a selected id with a slash', { ...valid, selection: ['../etc'] }],
    ['a selected id of 65 characters', { ...valid, selection: ['a'.repeat(65)] }],
    ['a viewport of zero width', { ...valid, viewport: { x: 0, y: 0, w: 0, h: 10 } }],
    ['a viewport of negative height', { ...valid, viewport: { x: 0, y: 0, w: 10, h: -1 } }],
    ['an unknown connection state', { ...valid, connection: 'hacked' }],
  ])('refuses %s', (_, raw) => {
    expect(readPresence(raw)).toBeNull();
  });

  it('survives getters that throw and proxies', () => {
    const trap = new Proxy(
      {},
      {
        get: () => {
          throw new Error('boom');
        },
        has: () => {
          throw new Error('boom');
        },
      },
    );
    const getter = Object.defineProperty({ ...valid }, 'name', {
      get: () => {
        throw new Error('boom');
      },
      enumerable: true,
    });
    expect(readPresence(trap)).toBeNull();
    expect(readPresence(getter)).toBeNull();
  });

  it('never throws on hostile input and never returns an invalid state', () => {
    const mutated = fc
      .record({
        base: stateArb,
        key: fc.constantFrom('name', 'colour', 'role', 'cursor', 'selection', 'viewport', 'connection'),
        value: fc.anything({
          withBigInt: true,
          withNullPrototype: true,
          withMap: true,
          withTypedArray: true,
        }),
      })
      .map(({ base, key, value }) => ({ ...base, [key]: value }));
    fc.assert(
      fc.property(fc.oneof(mutated, fc.anything()), (raw) => {
        const result = readPresence(raw);
        if (result !== null) expect(presenceSchema.safeParse(result).success).toBe(true);
      }),
      { seed: 442, numRuns: 3000 },
    );
  });
});

describe('announcePresence', () => {
  it('cuts a big selection to what peers accept', () => {
    const big = { ...valid, selection: Array.from({ length: 500 }, (_, i) => `id${i}`) };
    const announced = announcePresence(big);
    expect(announced.selection).toHaveLength(SELECTION_MAX);
    expect(readPresence(announced)).not.toBeNull();
  });
});
