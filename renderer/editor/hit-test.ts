import type { DocSnapshot } from '../../shared/doc';
import { framesInZOrder } from '../../shared/doc';
import type { Card, CardId, Connector, ConnectorId, Frame, FrameId } from '../../shared/model';
import {
  boxContainsBox,
  boxesIntersect,
  boxContainsPoint,
  distanceToSegment,
  edgePoint,
  boxCenter,
  type Box,
  type Point,
} from './geometry';

/**
 * Hit testing in plain geometry. Konva never hit-tests (every node has listening(false)): the
 * pointer is resolved here against the snapshot, so it is fast, testable in Node and identical
 * for every renderer (Konva today, maybe WebGL tomorrow).
 */

/** A uniform grid over world space. Rebuilt per snapshot; cheap enough for 10k cards (~ms). */
export class GridIndex<Id extends string> {
  private readonly cells = new Map<number, Id[]>();
  /** Items spanning too many cells are kept aside and checked on every query. */
  private readonly oversize: Id[] = [];
  private readonly boxes = new Map<Id, Box>();

  constructor(readonly cellSize = 512) {}

  insert(id: Id, box: Box): void {
    this.boxes.set(id, box);
    const [x0, y0, x1, y1] = this.cellRange(box);
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > 64) {
      this.oversize.push(id);
      return;
    }
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        const key = cellKey(cx, cy);
        const bucket = this.cells.get(key);
        if (bucket) bucket.push(id);
        else this.cells.set(key, [id]);
      }
    }
  }

  boxOf(id: Id): Box | undefined {
    return this.boxes.get(id);
  }

  get size(): number {
    return this.boxes.size;
  }

  /** True when `box` spans more cells than the grid has filled: a query would visit every item. */
  isWide(box: Box): boolean {
    const [x0, y0, x1, y1] = this.cellRange(box);
    return (x1 - x0 + 1) * (y1 - y0 + 1) > this.cells.size;
  }

  /** Ids whose box intersects `box`, each once, in no particular order. */
  query(box: Box): Id[] {
    const out: Id[] = [];
    const seen = new Set<Id>();
    const consider = (id: Id) => {
      if (seen.has(id)) return;
      seen.add(id);
      if (boxesIntersect(this.boxes.get(id)!, box)) out.push(id);
    };
    if (this.isWide(box)) {
      // A query wider than the populated grid (zoomed far out): walking every item is cheaper.
      for (const id of this.boxes.keys()) consider(id);
      return out;
    }
    const [x0, y0, x1, y1] = this.cellRange(box);
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        const bucket = this.cells.get(cellKey(cx, cy));
        if (bucket) for (const id of bucket) consider(id);
      }
    }
    for (const id of this.oversize) consider(id);
    return out;
  }

  private cellRange(b: Box): [number, number, number, number] {
    const s = this.cellSize;
    return [
      Math.floor(b.x / s),
      Math.floor(b.y / s),
      Math.floor((b.x + b.w) / s),
      Math.floor((b.y + b.h) / s),
    ];
  }
}

// Cell coordinates fit comfortably in 2^21 either side for COORD_LIMIT / 512.
const cellKey = (cx: number, cy: number): number => (cx + 0x100000) * 0x200000 + (cy + 0x100000);

const cardGrids = new WeakMap<ReadonlyMap<CardId, Card>, GridIndex<CardId>>();
const connectorGrids = new WeakMap<
  ReadonlyMap<ConnectorId, Connector>,
  { cards: ReadonlyMap<CardId, Card>; grid: GridIndex<ConnectorId> }
>();

/** The card grid of a snapshot, built on first use and shared by hit testing, marquee and culling. */
export function cardGrid(snapshot: Pick<DocSnapshot, 'cards'>): GridIndex<CardId> {
  let grid = cardGrids.get(snapshot.cards);
  if (!grid) {
    grid = new GridIndex<CardId>();
    for (const c of snapshot.cards.values()) grid.insert(c.id, c);
    cardGrids.set(snapshot.cards, grid);
  }
  return grid;
}

/** The straight segment a connector is drawn along: from edge to edge of its cards. */
export function connectorSegment(from: Box, to: Box): { a: Point; b: Point } {
  return { a: edgePoint(from, boxCenter(to)), b: edgePoint(to, boxCenter(from)) };
}

/** Connectors indexed by the bounding box of their segment. */
export function connectorGrid(snapshot: Pick<DocSnapshot, 'cards' | 'connectors'>): GridIndex<ConnectorId> {
  const cached = connectorGrids.get(snapshot.connectors);
  if (cached && cached.cards === snapshot.cards) return cached.grid;
  const grid = new GridIndex<ConnectorId>();
  for (const c of snapshot.connectors.values()) {
    const from = snapshot.cards.get(c.from);
    const to = snapshot.cards.get(c.to);
    if (!from || !to) continue;
    const { a, b } = connectorSegment(from, to);
    grid.insert(c.id, {
      x: Math.min(a.x, b.x),
      y: Math.min(a.y, b.y),
      w: Math.abs(a.x - b.x),
      h: Math.abs(a.y - b.y),
    });
  }
  connectorGrids.set(snapshot.connectors, { cards: snapshot.cards, grid });
  return grid;
}

const byZ = (a: { z: string; id: string }, b: { z: string; id: string }): number =>
  a.z < b.z ? -1 : a.z > b.z ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** The topmost card whose box holds `p`, or null. */
export function topCardAt(snapshot: Pick<DocSnapshot, 'cards'>, p: Point): Card | null {
  let best: Card | null = null;
  for (const id of cardGrid(snapshot).query({ x: p.x, y: p.y, w: 0, h: 0 })) {
    const card = snapshot.cards.get(id)!;
    if (boxContainsPoint(card, p) && (!best || byZ(card, best) > 0)) best = card;
  }
  return best;
}

/** The nearest connector within `tolerance` world units of `p`, or null. */
export function connectorAt(
  snapshot: Pick<DocSnapshot, 'cards' | 'connectors'>,
  p: Point,
  tolerance: number,
): Connector | null {
  let best: Connector | null = null;
  let bestDistance = tolerance;
  const near = { x: p.x - tolerance, y: p.y - tolerance, w: 2 * tolerance, h: 2 * tolerance };
  for (const id of connectorGrid(snapshot).query(near)) {
    const c = snapshot.connectors.get(id)!;
    const from = snapshot.cards.get(c.from);
    const to = snapshot.cards.get(c.to);
    if (!from || !to) continue;
    const { a, b } = connectorSegment(from, to);
    const d = distanceToSegment(p, a, b);
    if (d <= bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** World height of a frame's title bar at zoom 1; see frameTitleHeight for far zooms. */
export const FRAME_TITLE_HEIGHT = 44;
/** Title text size in screen pixels a frame keeps when zoomed far out, so sections stay readable. */
export const FRAME_TITLE_MIN_SCREEN_PX = 18;

/**
 * The title bar's world height at a zoom. Zoomed out, the title grows in world units so that it
 * keeps a readable size on screen (never taller than 40% of the frame).
 */
export function frameTitleHeight(frame: Pick<Frame, 'h'>, zoom: number): number {
  const readable = (FRAME_TITLE_MIN_SCREEN_PX * 1.6) / zoom;
  return Math.min(Math.max(FRAME_TITLE_HEIGHT, readable), Math.max(FRAME_TITLE_HEIGHT, frame.h * 0.4));
}

/**
 * The topmost frame whose title bar or border is under `p`. Empty space inside a frame's body is
 * not a hit: a drag there draws a marquee, as in Miro, so cards in big frames stay easy to select.
 */
export function frameAtEdge(
  snapshot: Pick<DocSnapshot, 'frames'>,
  p: Point,
  zoom: number,
  borderPx = 6,
): Frame | null {
  const frames = framesInZOrder(snapshot);
  const border = borderPx / zoom;
  for (let i = frames.length - 1; i >= 0; i--) {
    const f = frames[i]!;
    const outer = { x: f.x - border, y: f.y - border, w: f.w + 2 * border, h: f.h + 2 * border };
    if (!boxContainsPoint(outer, p)) continue;
    const title = { x: f.x, y: f.y, w: f.w, h: frameTitleHeight(f, zoom) };
    const inner = { x: f.x + border, y: f.y + border, w: f.w - 2 * border, h: f.h - 2 * border };
    if (boxContainsPoint(title, p) || !boxContainsPoint(inner, p)) return f;
  }
  return null;
}

export type HitTarget =
  | { readonly type: 'canvas' }
  | { readonly type: 'card'; readonly id: CardId }
  | { readonly type: 'connector'; readonly id: ConnectorId }
  | { readonly type: 'frame'; readonly id: FrameId }
  | { readonly type: 'resize-handle'; readonly id: string; readonly handle: ResizeHandle }
  | { readonly type: 'connect-handle'; readonly id: CardId; readonly side: Side };

export const CANVAS_TARGET: HitTarget = { type: 'canvas' };

export type Side = 'top' | 'right' | 'bottom' | 'left';
export type ResizeHandle = 'nw' | 'n' | 'ne' | 'e' | 'se' | 's' | 'sw' | 'w';
export const RESIZE_HANDLES: readonly ResizeHandle[] = ['nw', 'n', 'ne', 'e', 'se', 's', 'sw', 'w'];
export const SIDES: readonly Side[] = ['top', 'right', 'bottom', 'left'];

/** Handle sizes in screen pixels: the same on screen at every zoom. */
export const HANDLE_SIZE_PX = 10;
export const HANDLE_HIT_PX = 8;
export const CONNECT_HANDLE_OFFSET_PX = 22;
export const CONNECT_HANDLE_RADIUS_PX = 7;
export const CONNECTOR_HIT_PX = 6;

/** Where each resize handle sits on a box (world units). */
export function resizeHandlePoint(b: Box, handle: ResizeHandle): Point {
  const x = handle.includes('w') ? b.x : handle.includes('e') ? b.x + b.w : b.x + b.w / 2;
  const y = handle.startsWith('n') ? b.y : handle.startsWith('s') ? b.y + b.h : b.y + b.h / 2;
  return { x, y };
}

/** Where the connection handle of a side sits: just outside the middle of that edge. */
export function connectHandlePoint(b: Box, side: Side, zoom: number): Point {
  const off = CONNECT_HANDLE_OFFSET_PX / zoom;
  const c = boxCenter(b);
  if (side === 'top') return { x: c.x, y: b.y - off };
  if (side === 'bottom') return { x: c.x, y: b.y + b.h + off };
  if (side === 'left') return { x: b.x - off, y: c.y };
  return { x: b.x + b.w + off, y: c.y };
}

/** What the editor needs to resolve handles: the single selected item and how it is shown now. */
export interface HandleContext {
  readonly selection: ReadonlySet<string>;
  readonly boxOf: (id: string) => Box | undefined;
  readonly canResize: (id: string) => boolean;
  readonly isCard: (id: string) => boolean;
}

/** Resize and connection handles of the selection under `p`, if any (they sit above everything). */
export function handleAt(ctx: HandleContext, p: Point, zoom: number): HitTarget | null {
  if (ctx.selection.size !== 1) return null;
  const [id] = ctx.selection;
  if (id === undefined) return null;
  const box = ctx.boxOf(id);
  if (!box) return null;
  const reach = HANDLE_HIT_PX / zoom;
  if (ctx.canResize(id)) {
    for (const handle of RESIZE_HANDLES) {
      const h = resizeHandlePoint(box, handle);
      if (Math.abs(p.x - h.x) <= reach && Math.abs(p.y - h.y) <= reach)
        return { type: 'resize-handle', id, handle };
    }
  }
  if (ctx.isCard(id)) {
    const radius = (CONNECT_HANDLE_RADIUS_PX + 3) / zoom;
    for (const side of SIDES) {
      const h = connectHandlePoint(box, side, zoom);
      if (Math.hypot(p.x - h.x, p.y - h.y) <= radius)
        return { type: 'connect-handle', id: id as CardId, side };
    }
  }
  return null;
}

/**
 * What the pointer is over, in the order things are drawn from the top: the selection's handles,
 * cards (topmost by z), connectors (within a few screen pixels), frames by title bar or border.
 */
export function hitTest(snapshot: DocSnapshot, p: Point, zoom: number, handles?: HandleContext): HitTarget {
  const handle = handles ? handleAt(handles, p, zoom) : null;
  if (handle) return handle;
  const card = topCardAt(snapshot, p);
  if (card) return { type: 'card', id: card.id };
  const connector = connectorAt(snapshot, p, CONNECTOR_HIT_PX / zoom);
  if (connector) return { type: 'connector', id: connector.id };
  const frame = frameAtEdge(snapshot, p, zoom);
  if (frame) return { type: 'frame', id: frame.id };
  return CANVAS_TARGET;
}

/**
 * What a marquee selects: cards it touches, and frames it encloses whole (a marquee drawn inside a
 * frame's body must not grab the frame around it).
 */
export function itemsInBox(snapshot: DocSnapshot, box: Box): string[] {
  const out: string[] = cardGrid(snapshot).query(box);
  for (const f of snapshot.frames.values()) if (boxContainsBox(box, f)) out.push(f.id);
  return out;
}
