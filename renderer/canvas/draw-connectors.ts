import { CONNECTOR_DASH, CONNECTOR_LABELS, type Connector, type ConnectorKind } from '../../shared/model';
import { boxCenter, type Point } from '../editor/geometry';
import { connectorSegment } from '../editor/hit-test';
import type { DetailLevel, PlacedConnector } from './lod';
import { fitLine } from './text-layout';
import { CONNECTOR_STYLE as S } from './theme';

/** Adds an arrowhead at `tip`, pointing away from `from`, to the current path. */
function arrowHeadPath(
  ctx: CanvasRenderingContext2D,
  from: Point,
  tip: Point,
  length: number,
  width: number,
): void {
  const angle = Math.atan2(tip.y - from.y, tip.x - from.x);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  ctx.moveTo(tip.x, tip.y);
  ctx.lineTo(tip.x - length * cos + (width / 2) * sin, tip.y - length * sin - (width / 2) * cos);
  ctx.lineTo(tip.x - length * cos - (width / 2) * sin, tip.y - length * sin + (width / 2) * cos);
  ctx.closePath();
}

/** A filled arrowhead at `tip`, pointing away from `from`. */
export function drawArrowHead(
  ctx: CanvasRenderingContext2D,
  from: Point,
  tip: Point,
  length: number,
  width: number,
): void {
  ctx.beginPath();
  arrowHeadPath(ctx, from, tip, length, width);
  ctx.fill();
}

/** Fitted label text and box width per connector record and room (cards move rarely; frames are many). */
const fittedLabels = new WeakMap<Connector, { room: number; text: string; width: number }>();

function fittedLabel(
  ctx: CanvasRenderingContext2D,
  connector: Connector,
  room: number,
): { text: string; width: number } {
  const rounded = Math.round(room);
  const cached = fittedLabels.get(connector);
  if (cached?.room === rounded) return cached;
  const measure = (s: string) => ctx.measureText(s).width;
  const text = fitLine(connector.label || CONNECTOR_LABELS[connector.kind], rounded, measure);
  const fitted = { room: rounded, text, width: measure(text) + 10 };
  fittedLabels.set(connector, fitted);
  return fitted;
}

/**
 * Connectors: an arrow from edge to edge, dashed by kind (so kinds differ by more than colour),
 * with the label (or the kind's name) at the middle when there is room for it.
 */
export function drawConnectors(
  ctx: CanvasRenderingContext2D,
  connectors: readonly PlacedConnector[],
  zoom: number,
  level: DetailLevel,
  editingId: string | null,
): void {
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
  // One stroke per dash pattern and one fill for all arrowheads, rather than one of each per line.
  const byKind = new Map<ConnectorKind, { a: Point; b: Point }[]>();
  const labels: { connector: Connector; at: Point; room: number }[] = [];
  for (const { connector, from, to } of connectors) {
    const segment = connectorSegment(from, to);
    let list = byKind.get(connector.kind);
    if (!list) byKind.set(connector.kind, (list = []));
    list.push(segment);
    if (level === 'detail' && connector.id !== editingId) {
      const { a, b } = segment;
      labels.push({
        connector,
        at: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 },
        room: Math.hypot(b.x - a.x, b.y - a.y) - 2 * S.arrowLength,
      });
    }
  }
  for (const [kind, segments] of byKind) {
    ctx.setLineDash(CONNECTOR_DASH[kind].map((d) => d * scale));
    ctx.beginPath();
    for (const { a, b } of segments) {
      ctx.moveTo(a.x, a.y);
      ctx.lineTo(b.x, b.y);
    }
    ctx.stroke();
  }
  ctx.setLineDash([]);
  ctx.beginPath();
  for (const segments of byKind.values())
    for (const { a, b } of segments) arrowHeadPath(ctx, a, b, S.arrowLength * scale, S.arrowWidth * scale);
  ctx.fill();
  if (labels.length === 0) return;
  ctx.font = S.labelFont;
  ctx.textBaseline = 'middle';
  for (const { connector, at, room } of labels) {
    // No room on a short line: the label would cover the cards it joins.
    if (room < 48) continue;
    const { text, width: w } = fittedLabel(ctx, connector, Math.min(room, 240));
    ctx.fillStyle = S.labelFill;
    ctx.fillRect(at.x - w / 2, at.y - 11, w, 22);
    ctx.fillStyle = S.labelColor;
    ctx.fillText(text, at.x - w / 2 + 5, at.y + 1);
  }
}
