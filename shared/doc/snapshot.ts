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
