import type { Card, CardId, Connector, ConnectorId, Frame, FrameId, Meta } from '../model';

export type Collection = 'cards' | 'frames' | 'connectors';

/** A record that failed validation. It is not shown and not deleted: a newer version may own it. */
export interface QuarantinedRecord {
  readonly collection: Collection;
  readonly id: string;
  readonly reason: string;
}

/**
 * An immutable, validated view of the document at one moment. Records that did not change keep
 * their object identity between snapshots, so views can skip work by reference comparison.
 */
export interface DocSnapshot {
  readonly meta: Meta;
  readonly cards: ReadonlyMap<CardId, Card>;
  readonly frames: ReadonlyMap<FrameId, Frame>;
  /** Only connectors whose both ends are shown cards. */
  readonly connectors: ReadonlyMap<ConnectorId, Connector>;
  readonly quarantine: readonly QuarantinedRecord[];
  /** True when the document was written by a newer Dreamboard: it may be viewed, not edited. */
  readonly readOnly: boolean;
  /** Increases with every change; handy as a cache key. */
  readonly version: number;
}

const byZ = <T extends { z: string; id: string }>(a: T, b: T) =>
  a.z < b.z ? -1 : a.z > b.z ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

const orderedCardsCache = new WeakMap<ReadonlyMap<CardId, Card>, readonly Card[]>();
const orderedFramesCache = new WeakMap<ReadonlyMap<FrameId, Frame>, readonly Frame[]>();

/** Cards bottom to top. Equal z keys (two peers inserting at once) tie-break on id, so all agree. */
export function cardsInZOrder(snapshot: Pick<DocSnapshot, 'cards'>): readonly Card[] {
  let out = orderedCardsCache.get(snapshot.cards);
  if (!out) {
    out = [...snapshot.cards.values()].sort(byZ);
    orderedCardsCache.set(snapshot.cards, out);
  }
  return out;
}

/**
 * Carries the z order over from one snapshot's cards to the next when only a few cards changed,
 * so an edit costs a pass over the list instead of a sort of every card (10k string compares on
 * every keystroke otherwise). Does nothing when the previous order was never asked for, or when
 * so much changed that a fresh sort is as cheap.
 */
export function carryCardOrder(
  previous: ReadonlyMap<CardId, Card>,
  next: ReadonlyMap<CardId, Card>,
  changed: ReadonlySet<string>,
): void {
  const before = orderedCardsCache.get(previous);
  if (!before || orderedCardsCache.has(next) || changed.size > 64 || changed.size * 8 > next.size) return;
  const out = before.filter((c) => !changed.has(c.id));
  for (const id of changed) {
    const card = next.get(id as CardId);
    if (!card) continue;
    let lo = 0;
    let hi = out.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (byZ(out[mid]!, card) < 0) lo = mid + 1;
      else hi = mid;
    }
    out.splice(lo, 0, card);
  }
  orderedCardsCache.set(next, out);
}

/** Frames bottom to top. */
export function framesInZOrder(snapshot: Pick<DocSnapshot, 'frames'>): readonly Frame[] {
  let out = orderedFramesCache.get(snapshot.frames);
  if (!out) {
    out = [...snapshot.frames.values()].sort(byZ);
    orderedFramesCache.set(snapshot.frames, out);
  }
  return out;
}

/** Cards of one frame (or loose cards for null), in z order. */
export function cardsInFrame(snapshot: Pick<DocSnapshot, 'cards'>, frame: FrameId | null): readonly Card[] {
  return cardsInZOrder(snapshot).filter((c) => c.frame === frame);
}
