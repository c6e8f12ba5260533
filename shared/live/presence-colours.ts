import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * Cursor and selection colours for people in a live session. Each has at least 4.5:1 contrast
 * with white (the name label is white text on the colour) and so at least 3:1 with the canvas
 * background and the minimap (non-text contrast); tests/unit/shared/live/presence-colours.test.ts checks
 * both. The selection blue (#0B57D0) is left out so someone else's cursor never looks like your
 * own selection.
 */
export const PRESENCE_COLOURS = [
  '#B3261E', // red
  '#C2410C', // orange
  '#8A5A00', // ochre
  '#2E7D32', // green
  '#00796B', // teal
  '#1565C0', // blue
  '#3949AB', // indigo
  '#6A1B9A', // purple
  '#AD1457', // pink
  '#5D4037', // brown
  '#455A64', // slate
] as const;
export type PresenceColour = (typeof PRESENCE_COLOURS)[number];

/** renderer/canvas/theme.ts CANVAS_BACKGROUND; shared/ cannot import the renderer, a test keeps them equal. */
export const PRESENCE_CANVAS_BACKGROUND = '#FAFAF7';

export function isPresenceColour(value: unknown): value is PresenceColour {
  return typeof value === 'string' && (PRESENCE_COLOURS as readonly string[]).includes(value);
}

/**
 * The same participant always gets the same colour, on every machine, so "the green cursor is
 * Sam" holds for the whole session. A hash rather than join order: two peers never need to agree
 * on an order. With 11 colours two people may share one; the name label tells them apart.
 */
export function assignColour(participantId: string): PresenceColour {
  const digest = sha256(utf8ToBytes(`dreamboard/live/colour/v1\n${participantId}`));
  const index = (((digest[0] ?? 0) << 8) | (digest[1] ?? 0)) % PRESENCE_COLOURS.length;
  return PRESENCE_COLOURS[index] ?? PRESENCE_COLOURS[0];
}
