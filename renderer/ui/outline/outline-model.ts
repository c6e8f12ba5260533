import { cardsInZOrder, framesInZOrder, type DocSnapshot } from '../../../shared/doc';
import {
  CARD_KIND_INFO,
  CONNECTOR_LABELS,
  type Card,
  type CardId,
  type Connector,
  type Frame,
  type FrameId,
} from '../../../shared/model';

/**
 * The outline as data: frames (bottom to top, as on the board) with their cards, each card with
 * its connections, then the cards in no frame. Pure, so the tree's shape and its keyboard rules are
 * unit-tested without a DOM.
 */
export type OutlineNode =
  | {
      readonly type: 'frame';
      readonly key: string;
      readonly frame: Frame;
      readonly children: readonly OutlineNode[];
    }
  | { readonly type: 'loose'; readonly key: typeof LOOSE_KEY; readonly children: readonly OutlineNode[] }
  | {
      readonly type: 'card';
      readonly key: string;
      readonly card: Card;
      readonly children: readonly OutlineNode[];
    }
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
  return node.direction === 'out'
    ? `${verb}: ${cardTitle(node.other)}${label}`
    : `${cardTitle(node.other)} ${verb} this${label}`;
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

/** The outline node for one of `card`'s connections; `other` is the card at the far end. */
function linkNode(card: Card, connector: Connector, direction: 'in' | 'out', other: Card): LinkNode {
  const arrow = direction === 'out' ? '>' : '<';
  return {
    type: 'link',
    key: `${card.id}${arrow}${connector.id}`,
    connector,
    direction,
    other,
    owner: card,
    children: [],
  };
}

/** A card's connections, outgoing first, as link nodes (the inspector lists them the same way). */
export function linksOf(snapshot: DocSnapshot, card: Card): LinkNode[] {
  const out: LinkNode[] = [];
  const into: LinkNode[] = [];
  for (const c of snapshot.connectors.values()) {
    if (c.from === card.id) {
      const other = snapshot.cards.get(c.to);
      if (other) out.push(linkNode(card, c, 'out', other));
    } else if (c.to === card.id) {
      const other = snapshot.cards.get(c.from);
      if (other) into.push(linkNode(card, c, 'in', other));
    }
  }
  return [...out, ...into];
}

type CardNode = Extract<OutlineNode, { type: 'card' }>;
type FrameNode = Extract<OutlineNode, { type: 'frame' }>;
type LooseNode = Extract<OutlineNode, { type: 'loose' }>;
type GroupKey = FrameId | null;

const byZ = <T extends { z: string; id: string }>(a: T, b: T) =>
  a.z < b.z ? -1 : a.z > b.z ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** Where `card` is, or would go, in a list sorted by `byZ` (binary search). */
function slotOf(list: readonly Card[], card: Card): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byZ(list[mid]!, card) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const sameItems = <T>(a: readonly T[], b: readonly T[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** What the builder keeps from one snapshot to reuse for the next. */
interface BuildState {
  readonly snapshot: DocSnapshot;
  /** Cards by their `frame` field (null: none), bottom to top. */
  readonly groups: ReadonlyMap<GroupKey, readonly Card[]>;
  readonly outgoing: ReadonlyMap<CardId, readonly Connector[]>;
  readonly incoming: ReadonlyMap<CardId, readonly Connector[]>;
  readonly cardNodes: ReadonlyMap<CardId, CardNode>;
  readonly frameNodes: ReadonlyMap<FrameId, FrameNode>;
  readonly loose: LooseNode | null;
  readonly nodes: OutlineNode[];
}

function groupCards(snapshot: DocSnapshot): Map<GroupKey, Card[]> {
  const groups = new Map<GroupKey, Card[]>();
  // The z-ordered list is cached per cards map and shared with the board.
  for (const card of cardsInZOrder(snapshot))
    (groups.get(card.frame) ?? groups.set(card.frame, []).get(card.frame)!).push(card);
  return groups;
}

/**
 * Brings the cards-by-frame lists up to date with the records that changed: O(changed × log n)
 * plus one copy of each list that changed, instead of sorting every card on every keystroke.
 */
function updateGroups(prev: BuildState, snapshot: DocSnapshot): ReadonlyMap<GroupKey, readonly Card[]> {
  const before = prev.snapshot.cards;
  const after = snapshot.cards;
  if (before === after) return prev.groups;
  const groups = new Map(prev.groups);
  const copied = new Set<GroupKey>();
  const writable = (key: GroupKey): Card[] => {
    if (!copied.has(key)) {
      copied.add(key);
      groups.set(key, [...(groups.get(key) ?? [])]);
    }
    return groups.get(key) as Card[];
  };
  const remove = (card: Card) => {
    const list = writable(card.frame);
    const i = slotOf(list, card);
    if (list[i]?.id === card.id) list.splice(i, 1);
  };
  const insert = (card: Card) => {
    const list = writable(card.frame);
    list.splice(slotOf(list, card), 0, card);
  };
  let kept = 0;
  for (const card of after.values()) {
    const old = before.get(card.id);
    if (old) kept++;
    if (old === card) continue;
    if (old && old.frame === card.frame && old.z === card.z) {
      const list = writable(card.frame);
      const i = slotOf(list, old);
      if (list[i]?.id === card.id) list[i] = card;
      else insert(card);
    } else {
      if (old) remove(old);
      insert(card);
    }
  }
  if (kept < before.size) for (const old of before.values()) if (!after.has(old.id)) remove(old);
  for (const key of copied) if (groups.get(key)!.length === 0) groups.delete(key);
  return groups;
}

function indexLinks(snapshot: DocSnapshot) {
  const outgoing = new Map<CardId, Connector[]>();
  const incoming = new Map<CardId, Connector[]>();
  for (const c of snapshot.connectors.values()) {
    (outgoing.get(c.from) ?? outgoing.set(c.from, []).get(c.from)!).push(c);
    (incoming.get(c.to) ?? incoming.set(c.to, []).get(c.to)!).push(c);
  }
  return { outgoing, incoming };
}

/**
 * Makes outline builders that reuse what did not change since the snapshot they saw last: a card's
 * node (and so its row) keeps its identity while its record, its connections and the cards at their
 * other ends keep theirs. Each call is O(n) identity checks with no allocation for unchanged cards;
 * sorting only touches the cards that changed.
 */
export function createOutlineBuilder(): (snapshot: DocSnapshot) => OutlineNode[] {
  let prev: BuildState | null = null;
  return (snapshot) => {
    if (prev?.snapshot === snapshot) return prev.nodes;
    prev = buildState(snapshot, prev);
    return prev.nodes;
  };
}

function buildState(snapshot: DocSnapshot, prev: BuildState | null): BuildState {
  const groups = prev ? updateGroups(prev, snapshot) : groupCards(snapshot);
  const links = prev && prev.snapshot.connectors === snapshot.connectors ? prev : indexLinks(snapshot);
  const { outgoing, incoming } = links;
  const cardsSame = prev?.snapshot.cards === snapshot.cards;
  const cardNodes = new Map<CardId, CardNode>();
  const none: readonly Connector[] = [];

  const cardNode = (card: Card): CardNode => {
    const out = outgoing.get(card.id) ?? none;
    const into = incoming.get(card.id) ?? none;
    const old = prev?.cardNodes.get(card.id);
    // With the cards and connectors maps both unchanged, the cards at the other ends are too.
    if (
      old &&
      old.card === card &&
      ((links === prev && cardsSame) || linksUnchanged(old, out, into, snapshot))
    ) {
      cardNodes.set(card.id, old);
      return old;
    }
    const children: OutlineNode[] = [];
    for (const c of out) {
      const other = snapshot.cards.get(c.to);
      if (other) children.push(linkNode(card, c, 'out', other));
    }
    for (const c of into) {
      const other = snapshot.cards.get(c.from);
      if (other) children.push(linkNode(card, c, 'in', other));
    }
    const node: CardNode = { type: 'card', key: card.id, card, children };
    cardNodes.set(card.id, node);
    return node;
  };
  const childrenOf = (
    cards: readonly Card[],
    old: readonly OutlineNode[] | undefined,
  ): readonly OutlineNode[] => {
    const next = cards.map(cardNode);
    return old && sameItems(old, next) ? old : next;
  };

  const nodes: OutlineNode[] = [];
  const frameNodes = new Map<FrameId, FrameNode>();
  for (const frame of framesInZOrder(snapshot)) {
    const old = prev?.frameNodes.get(frame.id);
    const children = childrenOf(groups.get(frame.id) ?? [], old?.children);
    const node: FrameNode =
      old && old.frame === frame && old.children === children
        ? old
        : { type: 'frame', key: frame.id, frame, children };
    frameNodes.set(frame.id, node);
    nodes.push(node);
  }
  // Cards whose frame is missing (deleted by a peer, or quarantined) are listed as loose, never lost.
  const orphans: Card[] = [];
  for (const [key, cards] of groups) if (key !== null && !snapshot.frames.has(key)) orphans.push(...cards);
  let loose: LooseNode | null = null;
  const looseCards = [...(groups.get(null) ?? []), ...orphans.sort(byZ)];
  if (looseCards.length > 0) {
    const children = childrenOf(looseCards, prev?.loose?.children);
    loose =
      prev?.loose && prev.loose.children === children
        ? prev.loose
        : { type: 'loose', key: LOOSE_KEY, children };
    nodes.push(loose);
  }
  return {
    snapshot,
    groups,
    outgoing,
    incoming,
    cardNodes,
    frameNodes,
    loose,
    nodes: prev && sameItems(prev.nodes, nodes) ? prev.nodes : nodes,
  };
}

/** True when a card's link rows would come out the same: same connectors, same cards at the other ends. */
function linksUnchanged(
  node: CardNode,
  out: readonly Connector[],
  into: readonly Connector[],
  snapshot: DocSnapshot,
): boolean {
  let i = 0;
  for (const list of [out, into]) {
    const outgoing = list === out;
    for (const c of list) {
      const other = snapshot.cards.get(outgoing ? c.to : c.from);
      if (!other) continue;
      const child = node.children[i++];
      if (
        child?.type !== 'link' ||
        child.connector !== c ||
        child.other !== other ||
        child.direction !== (outgoing ? 'out' : 'in')
      )
        return false;
    }
  }
  return i === node.children.length;
}

export function buildOutline(snapshot: DocSnapshot): OutlineNode[] {
  return createOutlineBuilder()(snapshot);
}

/** Frames and the loose group start open; cards start closed so long boards stay scannable. */
export function isExpanded(node: OutlineNode, overrides: ReadonlyMap<string, boolean>): boolean {
  return overrides.get(node.key) ?? (node.type === 'frame' || node.type === 'loose');
}

export function visibleRows(
  nodes: readonly OutlineNode[],
  overrides: ReadonlyMap<string, boolean>,
): OutlineRow[] {
  const rows: OutlineRow[] = [];
  const walk = (list: readonly OutlineNode[], level: number, parentKey: string | null) => {
    list.forEach((node, i) => {
      const expandable = node.children.length > 0;
      const expanded = expandable && isExpanded(node, overrides);
      rows.push({
        key: node.key,
        node,
        level,
        setSize: list.length,
        posInSet: i + 1,
        parentKey,
        expandable,
        expanded,
      });
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

/**
 * `pathTo` without walking the tree for cards and frames, which is what the board selects; the
 * outline asks on every change while one item is selected. Connections fall back to the walk.
 */
export function pathToRecord(
  snapshot: DocSnapshot,
  nodes: readonly OutlineNode[],
  id: string,
): string[] | null {
  const card = snapshot.cards.get(id as CardId);
  if (card) return [card.frame !== null && snapshot.frames.has(card.frame) ? card.frame : LOOSE_KEY, card.id];
  if (snapshot.frames.has(id as FrameId)) return [id];
  return pathTo(nodes, id);
}
