import { CARD_SIZE, type Card, type Frame, type FrameId } from '../../shared/model';
import { cardsInZOrder, framesInZOrder, type DocSnapshot } from '../../shared/doc';
import { boxCenter, boxContainsPoint, boxesIntersect, expandBox, type Box, type Point } from './geometry';

const GAP = 24;
/** Space kept free under a frame's title. */
export const FRAME_HEADER = 56;

/** The topmost frame whose area holds the centre of `box`: the frame a card dropped there joins. */
export function frameAt(snapshot: DocSnapshot, box: Box): Frame | null {
  const c = boxCenter(box);
  const frames = framesInZOrder(snapshot);
  for (let i = frames.length - 1; i >= 0; i--) {
    const f = frames[i]!;
    if (boxContainsPoint(f, c)) return f;
  }
  return null;
}

function overlapsAny(box: Box, cards: readonly Card[]): boolean {
  const padded = expandBox(box, GAP / 2 - 1);
  return cards.some((c) => boxesIntersect(padded, c));
}

/**
 * A free spot for a new card of `size` inside a frame, row by row under the title. When the frame
 * is full the card goes just below its last row (the frame can be resized to fit).
 */
export function freeSpotInFrame(
  snapshot: DocSnapshot,
  frame: Frame,
  size: { w: number; h: number } = CARD_SIZE,
  ignore: ReadonlySet<string> = new Set(),
): Point {
  const cards = cardsInZOrder(snapshot).filter((c) => !ignore.has(c.id) && boxesIntersect(c, frame));
  const left = frame.x + GAP;
  const top = frame.y + FRAME_HEADER;
  const cols = Math.max(1, Math.floor((frame.w - GAP) / (size.w + GAP)));
  for (let row = 0; row < 200; row++) {
    for (let col = 0; col < cols; col++) {
      const spot = { x: left + col * (size.w + GAP), y: top + row * (size.h + GAP), w: size.w, h: size.h };
      if (!overlapsAny(spot, cards)) return { x: spot.x, y: spot.y };
    }
  }
  return { x: left, y: frame.y + frame.h + GAP };
}

/** A free spot near `center` (world), searching outwards ring by ring. */
export function freeSpotNear(
  snapshot: DocSnapshot,
  center: Point,
  size: { w: number; h: number } = CARD_SIZE,
  ignore: ReadonlySet<string> = new Set(),
): Point {
  const origin = { x: center.x - size.w / 2, y: center.y - size.h / 2 };
  const near = expandBox({ ...origin, w: size.w, h: size.h }, 20 * (size.w + size.h));
  const cards = cardsInZOrder(snapshot).filter((c) => !ignore.has(c.id) && boxesIntersect(c, near));
  const stepX = size.w + GAP;
  const stepY = size.h + GAP;
  for (let ring = 0; ring < 12; ring++) {
    for (let dy = -ring; dy <= ring; dy++) {
      for (let dx = -ring; dx <= ring; dx++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue;
        const spot = { x: origin.x + dx * stepX, y: origin.y + dy * stepY, w: size.w, h: size.h };
        if (!overlapsAny(spot, cards)) return { x: spot.x, y: spot.y };
      }
    }
  }
  return origin;
}

/** Where a card placed in `frameId` (or loosely near `fallback`) should go. */
export function placeCard(
  snapshot: DocSnapshot,
  frameId: FrameId | null,
  fallback: Point,
  size: { w: number; h: number } = CARD_SIZE,
  ignore: ReadonlySet<string> = new Set(),
): Point {
  const frame = frameId ? snapshot.frames.get(frameId) : undefined;
  return frame
    ? freeSpotInFrame(snapshot, frame, size, ignore)
    : freeSpotNear(snapshot, fallback, size, ignore);
}
