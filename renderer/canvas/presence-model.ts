import { SELECTION_MAX } from '../../shared/live/presence';
import type { PresenceColour } from '../../shared/live/presence-colours';
import type { Camera, Viewport } from '../editor/camera';
import { boxesIntersect, type Box, type Point } from '../editor/geometry';
import type { Participant } from '../live/types';

/**
 * What the presence layer draws, worked out in plain geometry so it can be tested without a
 * canvas: which cursors are on screen and where, and which items other people have selected.
 * Everything here is in SCREEN pixels: the layer draws with the identity transform so labels and
 * rings keep one size at every zoom.
 */

/** At most this many people are drawn; a bigger room still works, the rest are just not drawn. */
export const PARTICIPANTS_DRAWN_MAX = 50;

export interface ScreenCursor {
  readonly clientId: number;
  readonly x: number;
  readonly y: number;
  readonly name: string;
  readonly colour: PresenceColour;
}

/** A world point under the camera (the same mapping as the stage: world × zoom + offset). */
export function toScreen(camera: Camera, p: Point): Point {
  return { x: p.x * camera.zoom + camera.x, y: p.y * camera.zoom + camera.y };
}

/** A world box under the camera. */
export function boxToScreen(camera: Camera, b: Box): Box {
  return {
    x: b.x * camera.zoom + camera.x,
    y: b.y * camera.zoom + camera.y,
    w: b.w * camera.zoom,
    h: b.h * camera.zoom,
  };
}

/**
 * Is a cursor tip at this screen point worth drawing? Only when the tip itself is in the view:
 * a tip just outside with its label peeking in would point at something the viewer cannot see.
 */
export function cursorVisible(p: Point, viewport: Viewport): boolean {
  return p.x >= 0 && p.y >= 0 && p.x <= viewport.w && p.y <= viewport.h;
}

/**
 * The cursors to draw: people with presence and a cursor, at the position `positionOf` gives
 * (the interpolated one; world units), that fall inside the view. At most PARTICIPANTS_DRAWN_MAX.
 */
export function visibleCursors(
  participants: readonly Participant[],
  positionOf: (clientId: number) => Point | null,
  camera: Camera,
  viewport: Viewport,
): ScreenCursor[] {
  const out: ScreenCursor[] = [];
  const n = Math.min(participants.length, PARTICIPANTS_DRAWN_MAX);
  for (let i = 0; i < n; i++) {
    const p = participants[i]!;
    const presence = p.presence;
    if (!presence?.cursor) continue;
    const world = positionOf(p.clientId) ?? presence.cursor;
    const screen = toScreen(camera, world);
    if (!cursorVisible(screen, viewport)) continue;
    out.push({
      clientId: p.clientId,
      x: screen.x,
      y: screen.y,
      name: presence.name,
      colour: presence.colour,
    });
  }
  return out;
}

/** Someone else's selection of one item, ready to draw. */
export interface PresenceOutline {
  readonly id: string;
  /** Screen box of the item, or for a connector the box spanned by its segment. */
  readonly box: Box;
  /** Set for connectors: the segment's ends on screen (drawn as a line, not a ring). */
  readonly segment: { readonly a: Point; readonly b: Point } | null;
  readonly colour: PresenceColour;
  /** 0 for the first person outlining this item, 1 for the second…: rings nest instead of overlapping. */
  readonly ring: number;
  /** The person's name on their first selected item that exists, else null. */
  readonly tag: string | null;
}

/** How the layer finds an item: a world box for cards and frames, a segment for connectors. */
export interface ItemLookup {
  box(id: string): Box | undefined;
  segment(id: string): { readonly a: Point; readonly b: Point } | undefined;
}

/**
 * Other people's selections in the view. Ids that do not exist (deleted, not yet synced, or
 * made up by a peer) are skipped; each person counts at most SELECTION_MAX ids, and at most
 * PARTICIPANTS_DRAWN_MAX people are looked at, so a draw is bounded at 50 × 200 lookups.
 * `view` is the visible world box (culling happens in world units, before any transform).
 */
export function selectionOutlines(
  participants: readonly Participant[],
  items: ItemLookup,
  camera: Camera,
  view: Box,
): PresenceOutline[] {
  const out: PresenceOutline[] = [];
  const rings = new Map<string, number>();
  const n = Math.min(participants.length, PARTICIPANTS_DRAWN_MAX);
  for (let i = 0; i < n; i++) {
    const presence = participants[i]!.presence;
    if (!presence || presence.selection.length === 0) continue;
    let tagged = false;
    const ids = presence.selection;
    const m = Math.min(ids.length, SELECTION_MAX);
    for (let k = 0; k < m; k++) {
      const id = ids[k]!;
      const box = items.box(id);
      const segment = box ? undefined : items.segment(id);
      const world = box ?? (segment ? segmentBox(segment) : undefined);
      if (!world) continue;
      // The tag goes on the first item that exists, whether or not it is in view.
      const tag = tagged ? null : presence.name;
      tagged = true;
      if (!boxesIntersect(world, view)) continue;
      const ring = rings.get(id) ?? 0;
      rings.set(id, ring + 1);
      out.push({
        id,
        box: boxToScreen(camera, world),
        segment: segment ? { a: toScreen(camera, segment.a), b: toScreen(camera, segment.b) } : null,
        colour: presence.colour,
        ring,
        tag,
      });
    }
  }
  return out;
}

function segmentBox(s: { readonly a: Point; readonly b: Point }): Box {
  const x = Math.min(s.a.x, s.b.x);
  const y = Math.min(s.a.y, s.b.y);
  // A horizontal or vertical connector still intersects the view test.
  return { x, y, w: Math.max(1, Math.abs(s.a.x - s.b.x)), h: Math.max(1, Math.abs(s.a.y - s.b.y)) };
}

/** Anything worth drawing at all: the layer is mounted only while this holds. */
export function hasVisiblePresence(participants: readonly Participant[]): boolean {
  return participants.some((p) => p.presence !== null);
}
