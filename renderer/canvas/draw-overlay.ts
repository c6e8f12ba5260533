import type { DocSnapshot } from '../../shared/doc';
import { framesInZOrder } from '../../shared/doc';
import type { CardId, ConnectorId } from '../../shared/model';
import type { EditorState } from '../editor/state';
import { boxCenter, boxContainsPoint, edgePoint, expandBox, type Box, type Point } from '../editor/geometry';
import {
  CONNECT_HANDLE_RADIUS_PX,
  HANDLE_SIZE_PX,
  RESIZE_HANDLES,
  SIDES,
  connectHandlePoint,
  connectorSegment,
  resizeHandlePoint,
  topCardAt,
} from '../editor/hit-test';
import { drawArrowHead } from './draw-connectors';
import { SELECTION_STYLE as S } from './theme';

/** What the overlay reads: local editor state and the document, nothing else. */
export interface OverlayInput {
  readonly state: EditorState;
  readonly snapshot: DocSnapshot;
}

const boxOf = (input: OverlayInput, id: string): Box | undefined =>
  input.state.preview?.get(id) ??
  input.snapshot.cards.get(id as CardId) ??
  input.snapshot.frames.get(id as never);

/**
 * Everything drawn above the content, in one pass: drop-target frame, selection outlines,
 * handles, marquee, the connector being drawn and the frame being drawn. Line widths are in
 * screen pixels (divided by zoom) so focus stays equally visible at every zoom.
 */
export function drawOverlay(ctx: CanvasRenderingContext2D, input: OverlayInput): void {
  const { state, snapshot } = input;
  const zoom = state.camera.zoom;
  const px = (n: number) => n / zoom;

  const target = dropTargetFrame(input);
  if (target) {
    ctx.lineWidth = px(S.widthPx);
    ctx.setLineDash([px(8), px(5)]);
    ctx.strokeStyle = S.dropTarget;
    ctx.strokeRect(target.x, target.y, target.w, target.h);
    ctx.setLineDash([]);
  }

  ctx.strokeStyle = S.color;
  ctx.lineWidth = px(S.widthPx);
  for (const id of state.selection) {
    const connector = snapshot.connectors.get(id as ConnectorId);
    if (connector) {
      const from = boxOf(input, connector.from);
      const to = boxOf(input, connector.to);
      if (!from || !to) continue;
      const { a, b } = connectorSegment(from, to);
      ctx.beginPath();
      ctx.moveTo(a.x, a.y);
      ctx.lineTo(b.x, b.y);
      ctx.stroke();
      for (const p of [a, b]) dot(ctx, p, px(5), S.handleFill, S.color, px(2));
      continue;
    }
    const box = boxOf(input, id);
    if (!box) continue;
    const ring = expandBox(box, px(S.gapPx));
    ctx.strokeStyle = S.color;
    ctx.lineWidth = px(S.widthPx);
    ctx.strokeRect(ring.x, ring.y, ring.w, ring.h);
  }

  drawHandles(ctx, input, px);

  if (state.marquee) {
    const m = state.marquee;
    ctx.fillStyle = S.marqueeFill;
    ctx.fillRect(m.x, m.y, m.w, m.h);
    ctx.lineWidth = px(1);
    ctx.strokeStyle = S.color;
    ctx.strokeRect(m.x, m.y, m.w, m.h);
  }

  if (state.draftFrame) {
    const d = state.draftFrame;
    ctx.fillStyle = 'rgba(244, 246, 248, 0.7)';
    ctx.fillRect(d.x, d.y, d.w, d.h);
    ctx.setLineDash([px(8), px(5)]);
    ctx.lineWidth = px(2);
    ctx.strokeStyle = S.color;
    ctx.strokeRect(d.x, d.y, d.w, d.h);
    ctx.setLineDash([]);
  }

  const pending = state.pendingConnector;
  if (pending) {
    const from = boxOf(input, pending.from);
    if (from) {
      const over = topCardAt(snapshot, pending.to);
      const end = over && over.id !== pending.from ? edgePoint(over, boxCenter(from)) : pending.to;
      const start = edgePoint(from, end);
      if (over && over.id !== pending.from) {
        const ring = expandBox(over, px(S.gapPx));
        ctx.strokeRect(ring.x, ring.y, ring.w, ring.h);
      }
      ctx.strokeStyle = S.color;
      ctx.fillStyle = S.color;
      ctx.lineWidth = px(2);
      ctx.setLineDash([px(6), px(4)]);
      ctx.beginPath();
      ctx.moveTo(start.x, start.y);
      ctx.lineTo(end.x, end.y);
      ctx.stroke();
      ctx.setLineDash([]);
      drawArrowHead(ctx, start, end, px(12), px(10));
    }
  }
}

function drawHandles(ctx: CanvasRenderingContext2D, input: OverlayInput, px: (n: number) => number): void {
  const { state, snapshot } = input;
  if (state.selection.size !== 1 || state.tool !== 'select' || snapshot.readOnly) return;
  if (state.toolPath === 'select.translating' || state.editing) return;
  const [id] = state.selection;
  if (id === undefined) return;
  const box = boxOf(input, id);
  const isCard = snapshot.cards.has(id as CardId);
  const frame = snapshot.frames.get(id as never);
  if (!box || (!isCard && !frame)) return;
  if (isCard || (frame && !frame.locked)) {
    const size = px(HANDLE_SIZE_PX);
    ctx.lineWidth = px(2);
    ctx.strokeStyle = S.color;
    ctx.fillStyle = S.handleFill;
    for (const handle of RESIZE_HANDLES) {
      const p = resizeHandlePoint(box, handle);
      ctx.fillRect(p.x - size / 2, p.y - size / 2, size, size);
      ctx.strokeRect(p.x - size / 2, p.y - size / 2, size, size);
    }
  }
  if (isCard && state.toolPath !== 'select.resizing') {
    for (const side of SIDES)
      dot(
        ctx,
        connectHandlePoint(box, side, state.camera.zoom),
        px(CONNECT_HANDLE_RADIUS_PX),
        S.color,
        S.handleFill,
        px(2),
      );
  }
}

function dot(
  ctx: CanvasRenderingContext2D,
  p: Point,
  r: number,
  fill: string,
  stroke: string,
  width: number,
): void {
  ctx.beginPath();
  ctx.arc(p.x, p.y, r, 0, Math.PI * 2);
  ctx.fillStyle = fill;
  ctx.fill();
  ctx.lineWidth = width;
  ctx.strokeStyle = stroke;
  ctx.stroke();
}

/**
 * While cards are dragged on their own, the frame they will join on release (commitBoxes puts a
 * card in the frame under its centre), so people see where it lands before letting go.
 */
export function dropTargetFrame(input: OverlayInput): Box | null {
  const { state, snapshot } = input;
  if (state.toolPath !== 'select.translating' || !state.preview) return null;
  const movingFrames = new Set<string>();
  for (const id of state.preview.keys()) if (snapshot.frames.has(id as never)) movingFrames.add(id);
  const frames = framesInZOrder(snapshot).filter((f) => !movingFrames.has(f.id));
  let checked = 0;
  for (const [id, box] of state.preview) {
    const card = snapshot.cards.get(id as CardId);
    if (!card || (card.frame !== null && movingFrames.has(card.frame))) continue;
    const c = boxCenter(box);
    for (let i = frames.length - 1; i >= 0; i--) if (boxContainsPoint(frames[i]!, c)) return frames[i]!;
    if (++checked >= 50) break;
  }
  return null;
}
