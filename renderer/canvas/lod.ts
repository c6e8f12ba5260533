import type { DocSnapshot } from '../../shared/doc';
import { cardsInZOrder } from '../../shared/doc';
import type { Card, CardId, Connector } from '../../shared/model';
import { boxesIntersect, expandBox, type Box } from '../editor/geometry';
import { cardGrid, connectorGrid } from '../editor/hit-test';

/**
 * Level of detail and viewport culling: pure functions deciding WHAT is drawn, so they are
 * tested without a canvas. The draw functions only decide HOW.
 *
 * - detail (zoom ≥ 0.4): cards with icon, kind name, text and marker; connectors with arrows
 *   and labels.
 * - simple (0.15 ≤ zoom < 0.4): cards as coloured rectangles with their accent border, batched
 *   by colour; connectors with dash and arrow but no label.
 * - far (zoom < 0.15): cards as plain coloured rectangles; connectors as thin lines in one path.
 * Frames keep their titles at every level, scaled up to stay readable.
 */
export type DetailLevel = 'detail' | 'simple' | 'far';

export const DETAIL_MIN_ZOOM = 0.4;
export const SIMPLE_MIN_ZOOM = 0.15;

export function detailLevel(zoom: number): DetailLevel {
  if (zoom >= DETAIL_MIN_ZOOM) return 'detail';
  if (zoom >= SIMPLE_MIN_ZOOM) return 'simple';
  return 'far';
}

/** World units added around the view so strokes and arrowheads at the edge are not clipped. */
export const CULL_MARGIN_PX = 24;

export function cullBox(view: Box, zoom: number): Box {
  return expandBox(view, CULL_MARGIN_PX / zoom);
}

export interface PlacedCard {
  readonly card: Card;
  /** Where it is drawn: the gesture preview if any, else the stored box. */
  readonly box: Box;
}

const byZ = (a: PlacedCard, b: PlacedCard): number =>
  a.card.z < b.card.z
    ? -1
    : a.card.z > b.card.z
      ? 1
      : a.card.id < b.card.id
        ? -1
        : a.card.id > b.card.id
          ? 1
          : 0;

/**
 * Cards intersecting `view`, bottom to top, each at its preview box when a gesture moves it.
 * Small views query the grid and sort the few hits; views holding a large share of the board
 * filter the memoised z-ordered list instead, which avoids sorting thousands every frame.
 */
export function visibleCards(
  snapshot: DocSnapshot,
  view: Box,
  preview: ReadonlyMap<string, Box> | null,
): PlacedCard[] {
  const total = snapshot.cards.size;
  if (total === 0) return [];
  const grid = cardGrid(snapshot);
  const ids = grid.isWide(view) ? null : grid.query(view);
  if (ids === null || ids.length * 4 > total) {
    const out: PlacedCard[] = [];
    for (const card of cardsInZOrder(snapshot)) {
      const box = preview?.get(card.id) ?? card;
      if (boxesIntersect(box, view)) out.push({ card, box });
    }
    return out;
  }
  const out: PlacedCard[] = [];
  for (const id of ids) {
    if (preview?.has(id)) continue;
    out.push({ card: snapshot.cards.get(id)!, box: snapshot.cards.get(id)! });
  }
  if (preview) {
    for (const [id, box] of preview) {
      const card = snapshot.cards.get(id as CardId);
      if (card && boxesIntersect(box, view)) out.push({ card, box });
    }
  }
  return out.sort(byZ);
}

export interface PlacedConnector {
  readonly connector: Connector;
  readonly from: Box;
  readonly to: Box;
}

/**
 * Connectors whose segment may cross `view`, with their end boxes as drawn now. During a
 * gesture, connectors of moving cards are re-placed from the preview.
 */
export function visibleConnectors(
  snapshot: DocSnapshot,
  view: Box,
  preview: ReadonlyMap<string, Box> | null,
): PlacedConnector[] {
  const out: PlacedConnector[] = [];
  const place = (c: Connector): PlacedConnector | null => {
    const from = preview?.get(c.from) ?? snapshot.cards.get(c.from);
    const to = preview?.get(c.to) ?? snapshot.cards.get(c.to);
    return from && to ? { connector: c, from, to } : null;
  };
  const segmentBox = (p: PlacedConnector): Box => {
    const x0 = Math.min(p.from.x, p.to.x);
    const y0 = Math.min(p.from.y, p.to.y);
    return {
      x: x0,
      y: y0,
      w: Math.max(p.from.x + p.from.w, p.to.x + p.to.w) - x0,
      h: Math.max(p.from.y + p.from.h, p.to.y + p.to.h) - y0,
    };
  };
  const moving = (c: Connector) => !!preview && (preview.has(c.from) || preview.has(c.to));
  for (const id of connectorGrid(snapshot).query(view)) {
    const c = snapshot.connectors.get(id)!;
    if (moving(c)) continue;
    const placed = place(c);
    if (placed) out.push(placed);
  }
  if (preview && preview.size > 0) {
    for (const c of snapshot.connectors.values()) {
      if (!moving(c)) continue;
      const placed = place(c);
      if (placed && boxesIntersect(segmentBox(placed), view)) out.push(placed);
    }
  }
  return out;
}
