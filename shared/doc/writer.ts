import * as Y from 'yjs';
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';
import {
  CARD_SIZE,
  type Card,
  type CardId,
  type CardKind,
  type Connector,
  type ConnectorId,
  type ConnectorKind,
  type Frame,
  type FrameId,
  type Meta,
  type RoleCategory,
} from '../model';
import { randomId } from '../util/ids';
import { ORIGIN, rootMaps, type RecordMap } from './layout';

/**
 * Writes. Each function is one Yjs transaction with a named origin; calling several inside
 * `transact` makes them one transaction and so one undo step (one gesture, one step).
 */

export type Origin = (typeof ORIGIN)[keyof typeof ORIGIN];

export function transact<T>(doc: Y.Doc, fn: () => T, origin: Origin = ORIGIN.local): T {
  let result!: T;
  doc.transact(() => {
    result = fn();
  }, origin);
  return result;
}

/** Who is writing: provenance recorded on new cards. Never a name. */
export interface Author {
  readonly participantId: string;
  readonly role: RoleCategory | null;
}

export interface NewCard {
  readonly kind: CardKind;
  readonly x: number;
  readonly y: number;
  readonly w?: number;
  readonly h?: number;
  readonly text?: string;
  readonly frame?: FrameId | null;
  readonly fields?: Record<string, string | boolean>;
  readonly z?: string;
  readonly id?: CardId;
}

function recordMap(entries: Record<string, unknown>): RecordMap {
  const m = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(entries)) m.set(k, v);
  return m;
}

/** Highest z key among the records of a map (cards or frames), or null when empty. */
function topZ(map: Y.Map<RecordMap>): string | null {
  let top: string | null = null;
  for (const rec of map.values()) {
    const z = rec instanceof Y.Map ? rec.get('z') : undefined;
    if (typeof z === 'string' && /^[0-9A-Za-z]+$/.test(z) && (top === null || z > top)) top = z;
  }
  return top;
}

function safeKeyAfter(top: string | null): string {
  try {
    return generateKeyBetween(top, null);
  } catch {
    // A peer wrote a key fractional-indexing cannot extend: start again above it by appending.
    return `${top ?? 'a'}V`;
  }
}

export function createCards(
  doc: Y.Doc,
  cards: readonly NewCard[],
  author: Author,
  origin: Origin = ORIGIN.local,
): CardId[] {
  const { cards: map } = rootMaps(doc);
  return transact(
    doc,
    () => {
      const needKeys = cards.filter((c) => !c.z).length;
      let keys: string[] = [];
      if (needKeys > 0) {
        try {
          keys = generateNKeysBetween(topZ(map), null, needKeys);
        } catch {
          keys = Array.from({ length: needKeys }, () => safeKeyAfter(topZ(map)));
        }
      }
      let k = 0;
      const now = Date.now();
      return cards.map((c) => {
        const id = c.id ?? (randomId() as CardId);
        const fields = new Y.Map<unknown>();
        for (const [fk, fv] of Object.entries(c.fields ?? {})) fields.set(fk, fv);
        map.set(
          id,
          recordMap({
            id,
            kind: c.kind,
            x: c.x,
            y: c.y,
            w: c.w ?? CARD_SIZE.w,
            h: c.h ?? CARD_SIZE.h,
            z: c.z ?? keys[k++]!,
            text: c.text ?? '',
            frame: c.frame ?? null,
            fields,
            createdBy: author.participantId,
            createdRole: author.role,
            createdAt: now,
          }),
        );
        return id;
      });
    },
    origin,
  );
}

export function createCard(doc: Y.Doc, card: NewCard, author: Author, origin: Origin = ORIGIN.local): CardId {
  return createCards(doc, [card], author, origin)[0]!;
}

export type CardPatch = Partial<Pick<Card, 'kind' | 'x' | 'y' | 'w' | 'h' | 'z' | 'text' | 'frame'>> & {
  /** Field values to set; null removes the field. */
  readonly fields?: Readonly<Record<string, string | boolean | null>>;
};

export function updateCard(doc: Y.Doc, id: CardId, patch: CardPatch, origin: Origin = ORIGIN.local): void {
  const rec = rootMaps(doc).cards.get(id);
  if (!(rec instanceof Y.Map)) return;
  transact(
    doc,
    () => {
      for (const [k, v] of Object.entries(patch)) {
        if (k === 'fields' || v === undefined) continue;
        if (rec.get(k) !== v) rec.set(k, v);
      }
      if (patch.fields) {
        let fields = rec.get('fields');
        if (!(fields instanceof Y.Map)) {
          fields = new Y.Map<unknown>();
          rec.set('fields', fields);
        }
        const fm = fields as Y.Map<unknown>;
        for (const [k, v] of Object.entries(patch.fields)) {
          if (v === null) fm.delete(k);
          else if (fm.get(k) !== v) fm.set(k, v);
        }
      }
    },
    origin,
  );
}

export interface NewFrame {
  readonly title: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly locked?: boolean;
  readonly z?: string;
  readonly id?: FrameId;
}

export function createFrame(doc: Y.Doc, frame: NewFrame, origin: Origin = ORIGIN.local): FrameId {
  const { frames } = rootMaps(doc);
  return transact(
    doc,
    () => {
      const id = frame.id ?? (randomId() as FrameId);
      frames.set(
        id,
        recordMap({
          id,
          title: frame.title,
          x: frame.x,
          y: frame.y,
          w: frame.w,
          h: frame.h,
          z: frame.z ?? safeKeyAfter(topZ(frames)),
          locked: frame.locked ?? false,
        }),
      );
      return id;
    },
    origin,
  );
}

export type FramePatch = Partial<Pick<Frame, 'title' | 'x' | 'y' | 'w' | 'h' | 'z' | 'locked'>>;

export function updateFrame(doc: Y.Doc, id: FrameId, patch: FramePatch, origin: Origin = ORIGIN.local): void {
  patchRecord(doc, rootMaps(doc).frames.get(id), patch, origin);
}

/** Writes the defined, changed fields of `patch` into a flat record map, in one transaction. */
function patchRecord(doc: Y.Doc, rec: unknown, patch: object, origin: Origin): void {
  if (!(rec instanceof Y.Map)) return;
  transact(
    doc,
    () => {
      for (const [k, v] of Object.entries(patch)) if (v !== undefined && rec.get(k) !== v) rec.set(k, v);
    },
    origin,
  );
}

export interface NewConnector {
  readonly from: CardId;
  readonly to: CardId;
  readonly kind: ConnectorKind;
  readonly label?: string;
  readonly id?: ConnectorId;
}

export function createConnector(doc: Y.Doc, c: NewConnector, origin: Origin = ORIGIN.local): ConnectorId {
  const { connectors } = rootMaps(doc);
  return transact(
    doc,
    () => {
      const id = c.id ?? (randomId() as ConnectorId);
      connectors.set(id, recordMap({ id, from: c.from, to: c.to, kind: c.kind, label: c.label ?? '' }));
      return id;
    },
    origin,
  );
}

export type ConnectorPatch = Partial<Pick<Connector, 'kind' | 'label' | 'from' | 'to'>>;

export function updateConnector(
  doc: Y.Doc,
  id: ConnectorId,
  patch: ConnectorPatch,
  origin: Origin = ORIGIN.local,
): void {
  patchRecord(doc, rootMaps(doc).connectors.get(id), patch, origin);
}

/**
 * Deletes cards, frames and connectors by id. Connectors attached to a deleted card go with it,
 * and so do the cards inside a deleted frame (as in other whiteboards); undo brings all back.
 */
export function deleteItems(doc: Y.Doc, ids: Iterable<string>, origin: Origin = ORIGIN.local): void {
  const { cards, frames, connectors } = rootMaps(doc);
  transact(
    doc,
    () => {
      const doomedCards = new Set<string>();
      for (const id of ids) {
        if (frames.has(id)) {
          for (const [cid, rec] of cards)
            if (rec instanceof Y.Map && rec.get('frame') === id) doomedCards.add(cid);
          frames.delete(id);
        } else if (cards.has(id)) doomedCards.add(id);
        else connectors.delete(id);
      }
      if (doomedCards.size === 0) return;
      for (const id of doomedCards) cards.delete(id);
      for (const [cid, rec] of connectors) {
        if (!(rec instanceof Y.Map)) continue;
        if (doomedCards.has(rec.get('from') as string) || doomedCards.has(rec.get('to') as string))
          connectors.delete(cid);
      }
    },
    origin,
  );
}

export function updateMeta(doc: Y.Doc, patch: Partial<Meta>, origin: Origin = ORIGIN.local): void {
  patchRecord(doc, rootMaps(doc).meta, patch, origin);
}

/** Fractional keys strictly between two neighbours (either may be null for an open end). */
export function zKeysBetween(below: string | null, above: string | null, n: number): string[] {
  try {
    return generateNKeysBetween(below, above, n);
  } catch {
    return generateNKeysBetween(null, null, n);
  }
}
