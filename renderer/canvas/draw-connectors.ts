import { CONNECTOR_DASH, CONNECTOR_LABELS } from '../../shared/model';
import { boxCenter, type Point } from '../editor/geometry';
import { connectorSegment } from '../editor/hit-test';
import type { DetailLevel, PlacedConnector } from './lod';
import { fitLine } from './text-layout';
import { CONNECTOR_STYLE as S } from './theme';

/** A filled arrowhead at `tip`, pointing away from `from`. */
export function drawArrowHead(ctx: CanvasRenderingContext2D, from: Point, tip: Point, length: number, width: number): void {
  const angle = Math.atan2(tip.y - from.y, tip.x - from.x);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  ctx.beginPath();
  ctx.moveTo(tip.x, tip.y);
  ctx.lineTo(tip.x - length * cos + (width / 2) * sin, tip.y - length * sin - (width / 2) * cos);
  ctx.lineTo(tip.x - length * cos - (width / 2) * sin, tip.y - length * sin + (width / 2) * cos);
  ctx.closePath();
  ctx.fill();
}

/**
 * Connectors: an arrow from edge to edge, dashed by kind (so kinds differ by more than colour),
 * with the label (or the kind's name) at the middle when there is room for it.
 */
export function drawConnectors(ctx: CanvasRenderingContext2D, connectors: readonly PlacedConnector[], zoom: number, level: DetailLevel, editingId: string | null): void {
  if (connectors.length === 0) return;
  ctx.strokeStyle = S.stroke;
  ctx.fillStyle = S.stroke;
  if (level === 'far') {
    // One path for every line: thin, undashed, centre to centre (the cards above hide the ends).
    ctx.beginPath();
    for (const { from, to } of connectors) {
      const a = boxCenter(from);
      const b = boxCenter(to);
      ctx.moveTo(a.x, a.y);
      ctx.lineTo(b.x, b.y);
    }
    ctx.lineWidth = 1 / zoom;
    ctx.stroke();
    return;
  }
  const width = Math.max(S.width, 1 / zoom);
  const scale = width / S.width;
  ctx.lineWidth = width;
  const labels: { text: string; at: Point; room: number }[] = [];
  for (const { connector, from, to } of connectors) {
    const { a, b } = connectorSegment(from, to);
    ctx.setLineDash(CONNECTOR_DASH[connector.kind].map((d) => d * scale));
    ctx.beginPath();
    ctx.moveTo(a.x, a.y);
    ctx.lineTo(b.x, b.y);
    ctx.stroke();
    ctx.setLineDash([]);
    drawArrowHead(ctx, a, b, S.arrowLength * scale, S.arrowWidth * scale);
    if (level === 'detail' && connector.id !== editingId) {
      labels.push({ text: connector.label || CONNECTOR_LABELS[connector.kind], at: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }, room: Math.hypot(b.x - a.x, b.y - a.y) - 2 * S.arrowLength });
    }
  }
  if (labels.length === 0) return;
  ctx.font = S.labelFont;
  ctx.textBaseline = 'middle';
  const measure = (s: string) => ctx.measureText(s).width;
  for (const { text, at, room } of labels) {
    // No room on a short line: the label would cover the cards it joins.
    if (room < 48) continue;
    const shown = fitLine(text, Math.min(room, 240), measure);
    const w = measure(shown) + 10;
    ctx.fillStyle = S.labelFill;
    ctx.fillRect(at.x - w / 2, at.y - 11, w, 22);
    ctx.fillStyle = S.labelColor;
    ctx.fillText(shown, at.x - w / 2 + 5, at.y + 1);
  }
}
