import * as Y from 'yjs';
import { ORIGIN } from '../../shared/doc';
import { onUpdate } from '../../shared/doc/updates';
import type { DocSession } from './session';

/**
 * Sends every change of the session's document to `record` (the platform saves it): local edits,
 * undo and redo, restores, and changes from peers alike, because a peer's card is work too.
 * Only the load origin is skipped: that is the file's own state arriving, already on disk.
 * Subscribe after the state is loaded; the subscription ends with the session.
 */
export function saveChanges(session: DocSession, record: (update: Uint8Array) => void): void {
  session.own(
    onUpdate(session.doc, (update, origin) => {
      if (origin !== ORIGIN.load) record(update);
    }),
  );
}

/** A document's whole state, and where the document stood when it was taken (see saveChangesSince). */
export interface EncodedState {
  readonly state: Uint8Array;
  /** Opaque: the state vector and delete set at encoding time. */
  readonly mark: Y.Snapshot;
}

/** Encodes the document's state now, remembering exactly what that state holds. */
export function encodeStateWithMark(doc: Y.Doc): EncodedState {
  return { state: Y.encodeStateAsUpdate(doc), mark: Y.snapshot(doc) };
}

/**
 * `saveChanges` for a document that went on changing after its state was encoded and saved (a live
 * session's document keeps receiving peers' edits while its file is being created). Subscribes
 * first, then records in one update whatever arrived since `mark`, so nothing falls in between.
 * The state vector alone would miss a change that only deletes (a deletion adds no new items), so
 * the delete set is compared too; the catch-up carries the whole delete set, which is harmless to
 * record twice (Yjs updates are idempotent).
 */
export function saveChangesSince(
  session: DocSession,
  mark: Y.Snapshot,
  record: (update: Uint8Array) => void,
): void {
  saveChanges(session, record);
  if (Y.equalSnapshots(mark, Y.snapshot(session.doc))) return;
  record(Y.encodeStateAsUpdate(session.doc, Y.encodeStateVector(mark.sv)));
}
