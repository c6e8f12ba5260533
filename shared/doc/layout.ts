import type * as Y from 'yjs';

/**
 * Where everything lives inside the Yjs document. These names are part of the file format
 * (docs/file-format.md): never rename one without a migration.
 *
 * - `meta`: Y.Map of workshop facts (schemaVersion, title, context, createdAt, template).
 * - `cards`, `frames`, `connectors`: Y.Map from id to a Y.Map per record, so that two people
 *   changing different fields of one card (one moves it, one types) both keep their change.
 *   A card's kind-specific fields are a nested Y.Map under `fields`.
 * - `votes`, `session`: reserved for facilitation (voting rounds, timer).
 */
export const ROOT = {
  meta: 'meta',
  cards: 'cards',
  frames: 'frames',
  connectors: 'connectors',
  votes: 'votes',
  session: 'session',
} as const;

export type RecordMap = Y.Map<unknown>;

export function rootMaps(doc: Y.Doc) {
  return {
    meta: doc.getMap<unknown>(ROOT.meta),
    cards: doc.getMap<RecordMap>(ROOT.cards),
    frames: doc.getMap<RecordMap>(ROOT.frames),
    connectors: doc.getMap<RecordMap>(ROOT.connectors),
  };
}

/**
 * Transaction origins. The undo manager tracks only LOCAL, so remote, migration and repair
 * writes are never undone by the local user.
 */
export const ORIGIN = {
  local: 'dreamboard:local',
  migration: 'dreamboard:migration',
  repair: 'dreamboard:repair',
  load: 'dreamboard:load',
} as const;
