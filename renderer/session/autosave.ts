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
