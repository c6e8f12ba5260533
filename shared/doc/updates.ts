import * as Y from 'yjs';
import { restoreMeta } from '../schema';
import { ORIGIN, ROOT } from './layout';
import { transact, type Origin } from './writer';

/**
 * Whole-state and update plumbing for storage and version history. Storage code (shared/storage)
 * goes through these instead of importing yjs, so that the document layer stays the only place
 * that knows how Yjs is used.
 */

export type { Doc } from 'yjs';

export function createDoc(): Y.Doc {
  // gc stays on (the default): deleted content is dropped from saved state, so files do not grow forever.
  return new Y.Doc();
}

/** The whole state of a document as one Yjs update (v1 encoding, the format of the file). */
export function encodeState(doc: Y.Doc): Uint8Array {
  return Y.encodeStateAsUpdate(doc);
}

/**
 * Applies updates in order. Throws what Yjs throws for a malformed update; callers that read
 * untrusted bytes catch it and treat the update as damage.
 */
export function applyUpdates(doc: Y.Doc, updates: Iterable<Uint8Array>, origin: Origin = ORIGIN.load): void {
  transact(
    doc,
    () => {
      for (const update of updates) Y.applyUpdate(doc, update, origin);
    },
    origin,
  );
}

/** Merges several updates into one without a document (used to batch an autosave append). */
export function mergeUpdates(updates: readonly Uint8Array[]): Uint8Array {
  if (updates.length === 1) return updates[0]!;
  return Y.mergeUpdates([...updates]);
}

/** Calls `listener` with every update the document produces; returns the unsubscribe. */
export function onUpdate(doc: Y.Doc, listener: (update: Uint8Array, origin: unknown) => void): () => void {
  doc.on('update', listener);
  return () => doc.off('update', listener);
}

export function loadDoc(updates: Iterable<Uint8Array>): Y.Doc {
  const doc = createDoc();
  applyUpdates(doc, updates);
  return doc;
}

/** Ids of the cards in a document (for history summaries: what was added and removed). */
export function cardIds(doc: Y.Doc): Set<string> {
  return new Set(doc.getMap(ROOT.cards).keys());
}

export interface DocFacts {
  readonly title: string;
  readonly schemaVersion: number;
  /** Raw record counts (valid or not): cheap, for file lists. DocumentIndex gives validated ones. */
  readonly cards: number;
  readonly frames: number;
  readonly connectors: number;
}

export function docFacts(doc: Y.Doc): DocFacts {
  const meta = restoreMeta(doc.getMap(ROOT.meta).toJSON());
  return {
    title: meta.title,
    schemaVersion: meta.schemaVersion,
    cards: doc.getMap(ROOT.cards).size,
    frames: doc.getMap(ROOT.frames).size,
    connectors: doc.getMap(ROOT.connectors).size,
  };
}

/** Root maps a restore brings back. `session` (timer, voting round) is live state, not content. */
const CONTENT_ROOTS = [ROOT.meta, ROOT.cards, ROOT.frames, ROOT.connectors, ROOT.votes] as const;
/** Meta keys a restore keeps from the live document: the schema version says how it is written now. */
const KEEP_LIVE_META = new Set(['schemaVersion']);

/**
 * Changes `liveDoc` so that its content equals `snapshotDoc`'s, as one transaction with `origin`
 * (local by default, so the restore is a single undoable step). Only what differs is written,
 * field by field inside records, so a peer editing another field at the same moment keeps
 * their change and undo restores exactly what the restore replaced.
 */
export function restoreContentFrom(snapshotDoc: Y.Doc, liveDoc: Y.Doc, origin: Origin = ORIGIN.local): void {
  transact(
    liveDoc,
    () => {
      for (const root of CONTENT_ROOTS) {
        const skip = root === ROOT.meta ? KEEP_LIVE_META : undefined;
        syncMap(snapshotDoc.getMap<unknown>(root), liveDoc.getMap<unknown>(root), skip);
      }
    },
    origin,
  );
}

function syncMap(source: Y.Map<unknown>, target: Y.Map<unknown>, skipKeys?: ReadonlySet<string>): void {
  for (const key of [...target.keys()]) {
    if (!skipKeys?.has(key) && !source.has(key)) target.delete(key);
  }
  for (const [key, value] of source.entries()) {
    if (skipKeys?.has(key)) continue;
    const current = target.get(key);
    if (value instanceof Y.Map && current instanceof Y.Map) syncMap(value, current);
    else if (!sameValue(value, current)) target.set(key, copyValue(value));
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Y.AbstractType || b instanceof Y.AbstractType) {
    if (a instanceof Y.Array && b instanceof Y.Array)
      return JSON.stringify(a.toJSON()) === JSON.stringify(b.toJSON());
    if (a instanceof Y.Text && b instanceof Y.Text) return a.toString() === b.toString();
    return false;
  }
  if (a instanceof Uint8Array && b instanceof Uint8Array)
    return a.length === b.length && a.every((v, i) => v === b[i]);
  if (typeof a === 'object' && a !== null) return JSON.stringify(a) === JSON.stringify(b);
  return Object.is(a, b);
}

/** A fresh copy that can be inserted into another document (Yjs types cannot be shared). */
function copyValue(value: unknown): unknown {
  if (value instanceof Y.Map) {
    const out = new Y.Map<unknown>();
    for (const [k, v] of value.entries()) out.set(k, copyValue(v));
    return out;
  }
  if (value instanceof Y.Array) {
    const out = new Y.Array<unknown>();
    out.push(value.toArray().map(copyValue));
    return out;
  }
  if (value instanceof Y.Text) return new Y.Text(value.toString());
  return value;
}
