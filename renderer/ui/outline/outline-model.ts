import { cardsInFrame, framesInZOrder, type DocSnapshot } from '../../../shared/doc';
import { CARD_KIND_INFO, CONNECTOR_LABELS, type Card, type CardId, type Connector, type Frame } from '../../../shared/model';

/**
 * The outline as data: frames (bottom to top, as on the board) with their cards, each card with
 * its connections, then the cards in no frame. Pure, so the tree's shape and its keyboard rules are
 * unit-tested without a DOM.
 */
export type OutlineNode =
  | { readonly type: 'frame'; readonly key: string; readonly frame: Frame; readonly children: readonly OutlineNode[] }
  | { readonly type: 'loose'; readonly key: typeof LOOSE_KEY; readonly children: readonly OutlineNode[] }
  | { readonly type: 'card'; readonly key: string; readonly card: Card; readonly children: readonly OutlineNode[] }
  | {
      readonly type: 'link';
      readonly key: string;
      readonly connector: Connector;
      /** `out`: this card → other; `in`: other → this card. */
      readonly direction: 'out' | 'in';
      readonly other: Card;
      /** The card whose row this link is listed under. */
      readonly owner: Card;
      readonly children: readonly OutlineNode[];
    };

export const LOOSE_KEY = 'loose';

/** One visible row of the tree with the ARIA facts a flat treeitem needs. */
export interface OutlineRow {
  readonly key: string;
  readonly node: OutlineNode;
  readonly level: number;
  readonly setSize: number;
  readonly posInSet: number;
  readonly parentKey: string | null;
  readonly expandable: boolean;
  readonly expanded: boolean;
}

/** What a card is called in lists: its text, or its kind when it has none yet. */
export function cardTitle(card: Card): string {
  const text = card.text.trim().replace(/\s+/g, ' ');
  if (!text) return `Empty ${CARD_KIND_INFO[card.kind].label.toLowerCase()} card`;
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

export function frameTitle(frame: Frame): string {
  return frame.title.trim() || 'Untitled frame';
}

/** "contributes to: Fewer evictions" or, for links into the card, "Fewer evictions contributes to this". */
export function linkText(node: LinkNode): string {
  const verb = CONNECTOR_LABELS[node.connector.kind];
  const label = node.connector.label.trim() ? ` (${node.connector.label.trim()})` : '';
  return node.direction === 'out' ? `${verb}: ${cardTitle(node.other)}${label}` : `${cardTitle(node.other)} ${verb} this${label}`;
}

/** The id of the document record a node stands for (the loose group stands for none). */
export function recordIdOf(node: OutlineNode): string | null {
  switch (node.type) {
    case 'frame':
      return node.frame.id;
    case 'card':
      return node.card.id;
    case 'link':
      return node.connector.id;
    case 'loose':
      return null;
  }
}

export type LinkNode = Extract<OutlineNode, { type: 'link' }>;

/** A card's connections, outgoing first, as link nodes (the inspector lists them the same way). */
export function linksOf(snapshot: DocSnapshot, card: Card): LinkNode[] {
  const out: LinkNode[] = [];
  const into: LinkNode[] = [];
  for (const c of snapshot.connectors.values()) {
    if (c.from === card.id) {
      const other = snapshot.cards.get(c.to);
      if (other) out.push({ type: 'link', key: `${card.id}>${c.id}`, connector: c, direction: 'out', other, owner: card, children: [] });
    } else if (c.to === card.id) {
      const other = snapshot.cards.get(c.from);
      if (other) into.push({ type: 'link', key: `${card.id}<${c.id}`, connector: c, direction: 'in', other, owner: card, children: [] });
    }
  }
  return [...out, ...into];
}

export function buildOutline(snapshot: DocSnapshot): OutlineNode[] {
  const outgoing = new Map<CardId, Connector[]>();
  const incoming = new Map<CardId, Connector[]>();
  for (const c of snapshot.connectors.values()) {
    (outgoing.get(c.from) ?? outgoing.set(c.from, []).get(c.from)!).push(c);
    (incoming.get(c.to) ?? incoming.set(c.to, []).get(c.to)!).push(c);
  }
  const cardNode = (card: Card): OutlineNode => {
    const links: OutlineNode[] = [];
    for (const c of outgoing.get(card.id) ?? []) {
      const other = snapshot.cards.get(c.to);
      if (other) links.push({ type: 'link', key: `${card.id}>${c.id}`, connector: c, direction: 'out', other, owner: card, children: [] });
    }
    for (const c of incoming.get(card.id) ?? []) {
      const other = snapshot.cards.get(c.from);
      if (other) links.push({ type: 'link', key: `${card.id}<${c.id}`, connector: c, direction: 'in', other, owner: card, children: [] });
    }
    return { type: 'card', key: card.id, card, children: links };
  };
  const nodes: OutlineNode[] = framesInZOrder(snapshot).map((frame) => ({
    type: 'frame',
    key: frame.id,
    frame,
    children: cardsInFrame(snapshot, frame.id).map(cardNode),
  }));
  // Cards whose frame is missing (deleted by a peer, or quarantined) are listed as loose, never lost.
  const loose = [...snapshot.cards.values()].filter((c) => c.frame === null || !snapshot.frames.has(c.frame));
  if (loose.length > 0) {
    const ordered = [...cardsInFrame(snapshot, null), ...loose.filter((c) => c.frame !== null)];
    nodes.push({ type: 'loose', key: LOOSE_KEY, children: ordered.map(cardNode) });
  }
  return nodes;
}

/** Frames and the loose group start open; cards start closed so long boards stay scannable. */
export function isExpanded(node: OutlineNode, overrides: ReadonlyMap<string, boolean>): boolean {
  return overrides.get(node.key) ?? (node.type === 'frame' || node.type === 'loose');
}

export function visibleRows(nodes: readonly OutlineNode[], overrides: ReadonlyMap<string, boolean>): OutlineRow[] {
  const rows: OutlineRow[] = [];
  const walk = (list: readonly OutlineNode[], level: number, parentKey: string | null) => {
    list.forEach((node, i) => {
      const expandable = node.children.length > 0;
      const expanded = expandable && isExpanded(node, overrides);
      rows.push({ key: node.key, node, level, setSize: list.length, posInSet: i + 1, parentKey, expandable, expanded });
      if (expanded) walk(node.children, level + 1, node.key);
    });
  };
  walk(nodes, 1, null);
  return rows;
}

/** Keys of the nodes on the way down to the row for record `id` (to open them when the canvas selects it). */
export function pathTo(nodes: readonly OutlineNode[], id: string): string[] | null {
  for (const node of nodes) {
    if (recordIdOf(node) === id) return [node.key];
    const below = pathTo(node.children, id);
    if (below) return [node.key, ...below];
  }
  return null;
}
