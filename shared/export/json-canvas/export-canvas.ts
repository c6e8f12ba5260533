import { cardsInZOrder, framesInZOrder, type DocSnapshot } from '../../doc';
import { CARD_KIND_INFO, CONNECTOR_LABELS, type Card } from '../../model';
import { isWithheld, WITHHELD_TEXT } from '../../plan/consent';
import type { JsonCanvas, JsonCanvasEdge, JsonCanvasNode } from './canvas-schema';

/**
 * The workshop as JSON Canvas 1.0, so a model opens in Obsidian and other canvas tools:
 * frames → group nodes (beneath everything, as the spec's z-order is array order), cards →
 * text nodes whose text starts with the kind as a Markdown heading ("## Need"), connectors →
 * edges labelled with their words or their kind. The `dreamboard` key on nodes and edges
 * keeps kind, fields and frame so that importing the file back loses nothing. Words withheld
 * for lack of consent stay withheld here too.
 */
export function exportJsonCanvas(snapshot: Pick<DocSnapshot, 'cards' | 'frames' | 'connectors'>): JsonCanvas {
  const nodes: JsonCanvasNode[] = [];
  for (const frame of framesInZOrder(snapshot)) {
    nodes.push({
      id: frame.id,
      type: 'group',
      x: round(frame.x),
      y: round(frame.y),
      width: round(frame.w),
      height: round(frame.h),
      label: frame.title,
    });
  }
  const cards = cardsInZOrder(snapshot);
  for (const card of cards) {
    const withheld = isWithheld(card);
    const fields = withheld ? pick(card.fields, ['consent']) : { ...card.fields };
    nodes.push({
      id: card.id,
      type: 'text',
      x: round(card.x),
      y: round(card.y),
      width: round(card.w),
      height: round(card.h),
      color: CARD_KIND_INFO[card.kind].accent,
      text: `## ${CARD_KIND_INFO[card.kind].label}\n\n${withheld ? WITHHELD_TEXT : card.text}`,
      dreamboard: { kind: card.kind, fields, frame: card.frame },
    });
  }
  const byId = new Map(cards.map((c) => [c.id as string, c]));
  const edges: JsonCanvasEdge[] = [];
  for (const connector of [...snapshot.connectors.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const from = byId.get(connector.from);
    const to = byId.get(connector.to);
    if (!from || !to) continue;
    const [fromSide, toSide] = facingSides(from, to);
    edges.push({
      id: connector.id,
      fromNode: from.id,
      toNode: to.id,
      fromSide,
      toSide,
      toEnd: 'arrow',
      label: connector.label.trim() !== '' ? connector.label : CONNECTOR_LABELS[connector.kind],
      dreamboard: { kind: connector.kind },
    });
  }
  return { nodes, edges };
}

/** The file's text: two-space indented JSON, as Obsidian writes it. */
export function serialiseJsonCanvas(canvas: JsonCanvas): string {
  return `${JSON.stringify(canvas, null, 2)}\n`;
}

type Side = 'top' | 'right' | 'bottom' | 'left';

/** The sides of two cards that face each other, so other tools draw the edge the short way. */
function facingSides(from: Card, to: Card): [Side, Side] {
  const dx = to.x + to.w / 2 - (from.x + from.w / 2);
  const dy = to.y + to.h / 2 - (from.y + from.h / 2);
  if (Math.abs(dx) >= Math.abs(dy)) return dx >= 0 ? ['right', 'left'] : ['left', 'right'];
  return dy >= 0 ? ['bottom', 'top'] : ['top', 'bottom'];
}

/** The spec asks for integer positions and sizes. */
const round = (n: number) => Math.round(n);

function pick(
  fields: Readonly<Record<string, string | boolean>>,
  keys: readonly string[],
): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  for (const key of keys) {
    const value = fields[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}
