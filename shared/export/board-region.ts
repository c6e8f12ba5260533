import type { DocSnapshot } from '../doc';
import { cardsInZOrder, framesInZOrder } from '../doc';
import type { Card, Connector, Frame } from '../model';
import { unionBoxes } from '../geometry/box';

/** What part of the board a picture shows. */
export type BoardRegion =
  | { readonly kind: 'board' }
  | { readonly kind: 'frame'; readonly frameId: string }
  | { readonly kind: 'selection'; readonly ids: readonly string[] };

export interface RegionContent {
  readonly frames: readonly Frame[];
  readonly cards: readonly Card[];
  readonly connectors: readonly Connector[];
  /** World-space box around everything shown; null when nothing is. */
  readonly bounds: { x: number; y: number; w: number; h: number } | null;
}

export type BoardSource = Pick<DocSnapshot, 'cards' | 'frames' | 'connectors'>;

/**
 * The records a picture of `region` shows, bottom to top. A frame brings its cards; a
 * connector is shown when both its cards are.
 */
export function regionContent(snapshot: BoardSource, region: BoardRegion): RegionContent {
  let frames = framesInZOrder(snapshot);
  let cards = cardsInZOrder(snapshot);
  if (region.kind === 'frame') {
    frames = frames.filter((f) => f.id === region.frameId);
    cards = cards.filter((c) => c.frame === region.frameId);
  } else if (region.kind === 'selection') {
    const ids = new Set(region.ids);
    frames = frames.filter((f) => ids.has(f.id));
    const chosenFrames = new Set<string>(frames.map((f) => f.id));
    cards = cards.filter((c) => ids.has(c.id) || (c.frame !== null && chosenFrames.has(c.frame)));
  }
  const shown = new Set<string>(cards.map((c) => c.id));
  const connectors = [...snapshot.connectors.values()]
    .filter((c) => shown.has(c.from) && shown.has(c.to))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  return { frames, cards, connectors, bounds: unionBoxes([...frames, ...cards]) };
}
