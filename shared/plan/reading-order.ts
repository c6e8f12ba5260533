import type { Card, Frame, FrameId } from '../model';

/**
 * Plans list cards in reading order rather than z-order: frames top to bottom, left to right;
 * inside a frame the same; loose cards after every frame. Ties break on id so the order is the
 * same on every machine.
 */
const byPosition = <T extends { x: number; y: number; id: string }>(a: T, b: T) =>
  a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function framesInReadingOrder(frames: Iterable<Frame>): Frame[] {
  return [...frames].sort(byPosition);
}

export function cardsInReadingOrder(cards: Iterable<Card>, frames: ReadonlyMap<FrameId, Frame>): Card[] {
  const frameRank = new Map<string, number>();
  framesInReadingOrder(frames.values()).forEach((f, i) => frameRank.set(f.id, i));
  const rank = (card: Card) =>
    card.frame !== null ? (frameRank.get(card.frame) ?? frameRank.size) : frameRank.size + 1;
  return [...cards].sort((a, b) => rank(a) - rank(b) || byPosition(a, b));
}
