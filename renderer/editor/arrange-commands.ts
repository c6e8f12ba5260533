import { transact, updateCard, updateFrame, zKeysBetween } from '../../shared/doc';
import { cardsInZOrder, framesInZOrder } from '../../shared/doc';
import {
  CARD_MIN,
  COORD_LIMIT,
  FRAME_MIN,
  type Card,
  type CardId,
  type Frame,
  type FrameId,
} from '../../shared/model';
import type { Editor } from './editor';
import { boxCenter, boxContainsPoint, type Box, type Point } from './geometry';
import { placeCard } from './placement';

const clampCoord = (v: number) => Math.max(-COORD_LIMIT, Math.min(COORD_LIMIT, v));

/**
 * The items that move when `ids` are dragged: the items themselves plus the cards inside any
 * dragged frame. Locked frames stay put (their cards can still be moved on their own).
 */
export function movingSet(editor: Editor, ids: Iterable<string>): Set<string> {
  const out = new Set<string>();
  const frames = new Set<string>();
  for (const id of ids) {
    const frame = editor.frame(id);
    if (frame) {
      if (frame.locked) continue;
      frames.add(id);
      out.add(id);
    } else if (editor.card(id)) out.add(id);
  }
  if (frames.size > 0)
    for (const c of editor.snapshot.cards.values()) if (c.frame && frames.has(c.frame)) out.add(c.id);
  return out;
}

/**
 * Writes the final boxes of a gesture in one transaction. Cards that moved on their own join the
 * frame their centre lands in; cards carried by their frame stay in it.
 */
export function commitBoxes(editor: Editor, boxes: ReadonlyMap<string, Box>): void {
  if (boxes.size === 0 || editor.readOnly) return;
  const snap = editor.snapshot;
  const doc = editor.session.doc;
  const movedFrames = new Map<string, Box>();
  for (const [id, b] of boxes) if (snap.frames.has(id as FrameId)) movedFrames.set(id, b);
  const frameBoxes: { frame: Frame; box: Box }[] = framesInZOrder(snap).map((f) => ({
    frame: f,
    box: movedFrames.get(f.id) ?? f,
  }));
  const frameAtPoint = (p: Point): FrameId | null => {
    for (let i = frameBoxes.length - 1; i >= 0; i--)
      if (boxContainsPoint(frameBoxes[i]!.box, p)) return frameBoxes[i]!.frame.id;
    return null;
  };
  transact(doc, () => {
    for (const [id, b] of boxes) {
      const geometry = { x: clampCoord(b.x), y: clampCoord(b.y), w: b.w, h: b.h };
      const frame = snap.frames.get(id as FrameId);
      if (frame) {
        updateFrame(doc, frame.id, geometry);
        continue;
      }
      const card = snap.cards.get(id as CardId);
      if (!card) continue;
      const carried = card.frame !== null && movedFrames.has(card.frame);
      const frameId = carried ? card.frame : frameAtPoint(boxCenter(b));
      updateCard(doc, card.id, { ...geometry, frame: frameId });
    }
  });
}

/** Moves items (and the cards in moved frames) by a world offset: arrow-key nudges and keyboard moves. */
export function moveBy(editor: Editor, ids: Iterable<string>, dx: number, dy: number): void {
  const boxes = new Map<string, Box>();
  for (const id of movingSet(editor, ids)) {
    const b = editor.boxOf(id);
    if (b) boxes.set(id, { x: b.x + dx, y: b.y + dy, w: b.w, h: b.h });
  }
  commitBoxes(editor, boxes);
}

export function resizeItem(editor: Editor, id: string, box: Box): void {
  const isFrame = !!editor.frame(id);
  const min = isFrame ? FRAME_MIN : CARD_MIN;
  commitBoxes(
    editor,
    new Map([[id, { x: box.x, y: box.y, w: Math.max(min.w, box.w), h: Math.max(min.h, box.h) }]]),
  );
}

/**
 * Moves cards into a frame (or out of all frames with null), each to a free spot there. This is
 * the outline's "move to…" and works without any pointer.
 */
export function moveCardsToFrame(editor: Editor, ids: readonly string[], frameId: FrameId | null): void {
  if (editor.readOnly) return;
  const cards = ids.map((id) => editor.card(id)).filter((c): c is Card => !!c && c.frame !== frameId);
  if (cards.length === 0) return;
  const doc = editor.session.doc;
  const target = frameId ? editor.frame(frameId) : undefined;
  const moving = new Set<string>(cards.map((c) => c.id));
  // Loose cards land beside the board, to the right of everything, so they never fall into a frame.
  const bounds = editor.contentBounds();
  const outside = bounds ? { x: bounds.x + bounds.w + 160, y: bounds.y + 100 } : editor.viewCenter();
  transact(doc, () => {
    for (const card of cards) {
      // Place against the live document so each card finds a spot the previous one left free.
      const spot = placeCard(editor.snapshot, target ? target.id : null, outside, card, moving);
      moving.delete(card.id);
      updateCard(doc, card.id, { x: spot.x, y: spot.y, frame: target ? target.id : null });
    }
  });
  editor.announce(
    `${cards.length === 1 ? 'Card' : `${cards.length} cards`} moved to ${target?.title || 'no frame'}`,
  );
}

type Order = 'forward' | 'backward' | 'front' | 'back';

/** Reorders selected cards among cards (and frames among frames) by writing new fractional keys. */
export function reorder(editor: Editor, order: Order): void {
  if (editor.readOnly) return;
  const doc = editor.session.doc;
  const snap = editor.snapshot;
  const sel = editor.state.selection;
  transact(doc, () => {
    const groups: { items: readonly (Card | Frame)[]; write: (id: string, z: string) => void }[] = [
      { items: cardsInZOrder(snap), write: (id, z) => updateCard(doc, id as CardId, { z }) },
      { items: framesInZOrder(snap), write: (id, z) => updateFrame(doc, id as FrameId, { z }) },
    ];
    for (const { items, write } of groups) {
      const chosen = items.filter((i) => sel.has(i.id));
      if (chosen.length === 0 || chosen.length === items.length) continue;
      const rest = items.filter((i) => !sel.has(i.id));
      let below: string | null;
      let above: string | null;
      if (order === 'front') [below, above] = [rest[rest.length - 1]!.z, null];
      else if (order === 'back') [below, above] = [null, rest[0]!.z];
      else if (order === 'forward') {
        // Just above the first unselected item that is above the topmost selected one.
        const top = items.indexOf(chosen[chosen.length - 1]!);
        const next = items.slice(top + 1).find((i) => !sel.has(i.id));
        if (!next) continue;
        const after = items.slice(items.indexOf(next) + 1).find((i) => !sel.has(i.id));
        [below, above] = [next.z, after?.z ?? null];
      } else {
        const bottom = items.indexOf(chosen[0]!);
        const prev = [...items.slice(0, bottom)].reverse().find((i) => !sel.has(i.id));
        if (!prev) continue;
        const before = [...items.slice(0, items.indexOf(prev))].reverse().find((i) => !sel.has(i.id));
        [below, above] = [before?.z ?? null, prev.z];
      }
      if (below !== null && above !== null && below >= above) above = null;
      const keys = zKeysBetween(below, above, chosen.length);
      chosen.forEach((item, i) => write(item.id, keys[i]!));
    }
  });
}

export type AlignEdge = 'left' | 'center' | 'right' | 'top' | 'middle' | 'bottom';

/** Aligns the selected cards and frames on one edge or centre line of the selection's bounds. */
export function align(editor: Editor, edge: AlignEdge): void {
  const ids = [...editor.state.selection].filter((id) => editor.card(id) || editor.frame(id));
  if (ids.length < 2) return editor.announce('Select two or more items to line them up');
  const boxes = ids.map((id) => [id, editor.boxOf(id)!] as const);
  const minX = Math.min(...boxes.map(([, b]) => b.x));
  const maxX = Math.max(...boxes.map(([, b]) => b.x + b.w));
  const minY = Math.min(...boxes.map(([, b]) => b.y));
  const maxY = Math.max(...boxes.map(([, b]) => b.y + b.h));
  const moves = new Map<string, Box>();
  for (const [id, b] of boxes) {
    let { x, y } = b;
    if (edge === 'left') x = minX;
    if (edge === 'right') x = maxX - b.w;
    if (edge === 'center') x = (minX + maxX) / 2 - b.w / 2;
    if (edge === 'top') y = minY;
    if (edge === 'bottom') y = maxY - b.h;
    if (edge === 'middle') y = (minY + maxY) / 2 - b.h / 2;
    addWithChildren(editor, moves, id, b, x - b.x, y - b.y);
  }
  commitBoxes(editor, moves);
}

/** Spreads the selected items so the gaps between them are equal. */
export function distribute(editor: Editor, axis: 'horizontal' | 'vertical'): void {
  const ids = [...editor.state.selection].filter((id) => editor.card(id) || editor.frame(id));
  if (ids.length < 3) return editor.announce('Select three or more items to space them out');
  const key = axis === 'horizontal' ? 'x' : 'y';
  const size = axis === 'horizontal' ? 'w' : 'h';
  const items = ids.map((id) => [id, editor.boxOf(id)!] as const).sort((a, b) => a[1][key] - b[1][key]);
  const first = items[0]![1];
  const last = items[items.length - 1]![1];
  const total = items.reduce((s, [, b]) => s + b[size], 0);
  const gap = (last[key] + last[size] - first[key] - total) / (items.length - 1);
  const moves = new Map<string, Box>();
  let cursor = first[key];
  for (const [id, b] of items) {
    const d = cursor - b[key];
    addWithChildren(editor, moves, id, b, key === 'x' ? d : 0, key === 'y' ? d : 0);
    cursor += b[size] + gap;
  }
  commitBoxes(editor, moves);
}

function addWithChildren(
  editor: Editor,
  moves: Map<string, Box>,
  id: string,
  b: Box,
  dx: number,
  dy: number,
): void {
  if (dx === 0 && dy === 0) return;
  moves.set(id, { ...b, x: b.x + dx, y: b.y + dy });
  if (!editor.frame(id)) return;
  for (const c of editor.snapshot.cards.values()) {
    if (c.frame === id && !moves.has(c.id)) moves.set(c.id, { x: c.x + dx, y: c.y + dy, w: c.w, h: c.h });
  }
}
