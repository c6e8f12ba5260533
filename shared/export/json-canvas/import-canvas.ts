import {
  createCards,
  createConnector,
  createFrame,
  ORIGIN,
  transact,
  type Author,
  type NewCard,
  type NewConnector,
  type NewFrame,
  type Origin,
} from '../../doc';
import type { Doc } from '../../doc/updates';
import {
  CARD_KIND_INFO,
  CARD_KINDS,
  CONNECTOR_KINDS,
  CONNECTOR_LABELS,
  type CardId,
  type CardKind,
  type ConnectorId,
  type ConnectorKind,
  type FrameId,
} from '../../model';
import { restoreCard, restoreConnector, restoreFrame } from '../../schema';
import { randomId } from '../../util/ids';
import { jsonCanvasSchema, type JsonCanvasNode } from './canvas-schema';
import { parseUntrustedJson } from './untrusted-json';

/** Records ready to write: fresh ids, so importing twice (or into a busy board) never collides. */
export interface CanvasImport {
  readonly frames: readonly NewFrame[];
  readonly cards: readonly NewCard[];
  readonly connectors: readonly NewConnector[];
  /** What the import could not carry over, in plain words (e.g. an edge to a group). */
  readonly notes: readonly string[];
}

export type CanvasImportResult =
  { readonly ok: true; readonly records: CanvasImport } | { readonly ok: false; readonly problem: string };

export interface CanvasImportOptions {
  /** Added to every position, to place the import beside what a board already holds. */
  readonly offset?: { readonly x: number; readonly y: number };
}

const KIND_BY_HEADING = new Map<string, CardKind>(
  CARD_KINDS.flatMap((kind) => [
    [CARD_KIND_INFO[kind].label.toLowerCase(), kind],
    [kind, kind],
  ]),
);
const CONNECTOR_BY_LABEL = new Map<string, ConnectorKind>(
  CONNECTOR_KINDS.map((k) => [CONNECTOR_LABELS[k], k]),
);

/**
 * Reads a JSON Canvas file into records. Untrusted input: a file that is too large, too deep,
 * not JSON, has poisoned keys, unknown node types, impossible numbers, duplicate ids or edges
 * to nodes that are not there is refused whole with a sentence naming the problem. Nothing is
 * written here, and nothing throws; `writeCanvasImport` then writes all of it in one transaction.
 */
export function importJsonCanvas(text: string, options: CanvasImportOptions = {}): CanvasImportResult {
  const parsed = parseUntrustedJson(text, 'canvas file');
  if (!parsed.ok) return { ok: false, problem: parsed.problem };
  const checked = jsonCanvasSchema.safeParse(parsed.value);
  if (!checked.success) return { ok: false, problem: describeIssue(checked.error.issues, parsed.value) };
  const { nodes, edges } = checked.data;

  const seen = new Set<string>();
  for (const node of nodes) {
    if (seen.has(node.id))
      return { ok: false, problem: `The canvas file has two nodes with the id "${clip(node.id)}".` };
    seen.add(node.id);
  }
  const dx = options.offset?.x ?? 0;
  const dy = options.offset?.y ?? 0;
  const notes: string[] = [];

  const groups = nodes.filter((n) => n.type === 'group');
  const frameIds = new Map<string, FrameId>();
  const frames: NewFrame[] = [];
  for (const group of groups) {
    const restored = restoreFrame({
      id: randomId(),
      title: group.label ?? '',
      x: group.x + dx,
      y: group.y + dy,
      w: group.width,
      h: group.height,
      z: 'a0',
      locked: false,
    });
    if (!restored.ok)
      return { ok: false, problem: `Group "${clip(group.id)}" cannot be a frame (${restored.reason}).` };
    const { id, title, x, y, w, h } = restored.value;
    frameIds.set(group.id, id);
    frames.push({ id, title, x, y, w, h });
  }

  const cardIds = new Map<string, CardId>();
  const cards: NewCard[] = [];
  for (const node of nodes) {
    if (node.type === 'group') continue;
    const { kind, text: cardText, fields } = cardContent(node);
    const frame = frameOf(node, groups, frameIds);
    const restored = restoreCard({
      id: randomId(),
      kind,
      x: node.x + dx,
      y: node.y + dy,
      w: node.width,
      h: node.height,
      z: 'a0',
      text: cardText,
      frame,
      fields,
    });
    if (!restored.ok)
      return { ok: false, problem: `Node "${clip(node.id)}" cannot be a card (${restored.reason}).` };
    const card = restored.value;
    cardIds.set(node.id, card.id);
    cards.push({
      id: card.id,
      kind: card.kind,
      x: card.x,
      y: card.y,
      w: card.w,
      h: card.h,
      text: card.text,
      frame: card.frame,
      fields: { ...card.fields },
    });
  }

  const connectors: NewConnector[] = [];
  let skippedGroupEdges = 0;
  for (const edge of edges) {
    for (const end of [edge.fromNode, edge.toNode])
      if (!seen.has(end))
        return {
          ok: false,
          problem: `Edge "${clip(edge.id)}" connects to a node "${clip(end)}" that is not in the file.`,
        };
    const from = cardIds.get(edge.fromNode);
    const to = cardIds.get(edge.toNode);
    if (!from || !to) {
      skippedGroupEdges++;
      continue;
    }
    const { kind, label } = connectorContent(edge.label ?? '', edge.dreamboard?.kind);
    const restored = restoreConnector({ id: randomId(), from, to, kind, label });
    if (!restored.ok)
      return { ok: false, problem: `Edge "${clip(edge.id)}" cannot be a connector (${restored.reason}).` };
    const c = restored.value;
    connectors.push({ id: c.id as ConnectorId, from: c.from, to: c.to, kind: c.kind, label: c.label });
  }
  if (skippedGroupEdges > 0)
    notes.push(
      `${skippedGroupEdges} edge${skippedGroupEdges === 1 ? '' : 's'} to or from a group left out: Dreamboard connects cards, not frames.`,
    );
  return { ok: true, records: { frames, cards, connectors, notes } };
}

/**
 * Writes imported records into a document as one transaction, so the import is one undo step
 * and a peer never sees half of it. New z keys put everything above what is already there.
 */
export function writeCanvasImport(
  doc: Doc,
  records: CanvasImport,
  author: Author,
  origin: Origin = ORIGIN.local,
): void {
  transact(
    doc,
    () => {
      for (const frame of records.frames) createFrame(doc, frame, origin);
      createCards(doc, records.cards, author, origin);
      for (const connector of records.connectors) createConnector(doc, connector, origin);
    },
    origin,
  );
}

function cardContent(node: Exclude<JsonCanvasNode, { type: 'group' }>): {
  kind: CardKind;
  text: string;
  fields: Record<string, string | boolean>;
} {
  if (node.type === 'file')
    return { kind: 'note', text: `File: ${node.file}${node.subpath ?? ''}`, fields: {} };
  if (node.type === 'link') return { kind: 'note', text: node.url, fields: {} };
  const heading = /^#{1,6}[ \t]+([^\n]+?)[ \t]*(?:\r?\n|$)/.exec(node.text);
  const headingKind = heading ? KIND_BY_HEADING.get(heading[1]!.trim().toLowerCase()) : undefined;
  // The heading is Dreamboard's own kind marker only when it names a kind; otherwise it is content.
  const body = headingKind ? node.text.slice(heading![0].length).replace(/^\r?\n/, '') : node.text;
  const kind = node.dreamboard?.kind ?? headingKind ?? 'note';
  return { kind, text: body, fields: { ...(node.dreamboard?.fields ?? {}) } };
}

/** A card's frame: the one its `dreamboard` key names, else the smallest group around its centre. */
function frameOf(
  node: JsonCanvasNode,
  groups: readonly JsonCanvasNode[],
  frameIds: ReadonlyMap<string, FrameId>,
): FrameId | null {
  const named = node.type === 'text' ? node.dreamboard?.frame : undefined;
  if (named && frameIds.has(named)) return frameIds.get(named)!;
  if (named === null) return null;
  const cx = node.x + node.width / 2;
  const cy = node.y + node.height / 2;
  let best: JsonCanvasNode | null = null;
  for (const g of groups) {
    const inside = cx >= g.x && cx <= g.x + g.width && cy >= g.y && cy <= g.y + g.height;
    if (inside && (!best || g.width * g.height < best.width * best.height)) best = g;
  }
  return best ? (frameIds.get(best.id) ?? null) : null;
}

function connectorContent(
  label: string,
  extensionKind: ConnectorKind | undefined,
): { kind: ConnectorKind; label: string } {
  const trimmed = label.trim();
  const kind = extensionKind ?? CONNECTOR_BY_LABEL.get(trimmed.toLowerCase()) ?? 'refers-to';
  // A label that only repeats the kind's words is how the export writes "no label".
  return { kind, label: trimmed.toLowerCase() === CONNECTOR_LABELS[kind] ? '' : label };
}

function describeIssue(
  issues: readonly { path: readonly PropertyKey[]; message: string; code?: string }[],
  value: unknown,
): string {
  const issue = issues[0];
  if (!issue) return 'The canvas file is not valid JSON Canvas.';
  const [collection, index] = issue.path;
  const item =
    (collection === 'nodes' || collection === 'edges') && typeof index === 'number'
      ? itemAt(value, collection, index)
      : null;
  const where =
    typeof index === 'number' && (collection === 'nodes' || collection === 'edges')
      ? `${collection === 'nodes' ? 'Node' : 'Edge'} ${index + 1}${item?.id ? ` ("${clip(item.id)}")` : ''}`
      : 'The canvas file';
  const field = issue.path
    .slice(typeof index === 'number' ? 2 : 0)
    .map(String)
    .join('.');
  if (field === 'type' || (field === '' && issue.code === 'invalid_union'))
    return `${where} has a type Dreamboard does not know (${item?.type === undefined ? 'none' : `"${clip(String(item.type))}"`}); JSON Canvas 1.0 has text, file, link and group.`;
  return `${where} is not valid JSON Canvas: ${field ? `${field}: ` : ''}${issue.message}.`;
}

function itemAt(
  value: unknown,
  collection: 'nodes' | 'edges',
  index: number,
): { id?: string; type?: unknown } | null {
  const list = (value as Record<string, unknown>)[collection];
  const item = Array.isArray(list) ? (list[index] as unknown) : null;
  if (item === null || typeof item !== 'object') return null;
  const record = item as Record<string, unknown>;
  return { id: typeof record['id'] === 'string' ? record['id'] : undefined, type: record['type'] };
}

const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);
