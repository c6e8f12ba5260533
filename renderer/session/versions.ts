import * as Y from 'yjs';
import { DocumentIndex, type DocSnapshot } from '../../shared/doc';
import { restoreContentFrom } from '../../shared/doc/updates';
import type { DocSession } from './session';

/** An earlier version of a workshop, decoded in a document of its own: to look at, or to bring back. */
export interface LoadedVersion {
  readonly snapshot: DocSnapshot;
  /** Makes the live workshop's content equal this version: one undoable step, sent to peers and saved. */
  restoreInto(session: DocSession): void;
  destroy(): void;
}

/** Null when the bytes are not a Yjs state (the platform already checked them; this is the last guard). */
export function loadVersion(state: Uint8Array): LoadedVersion | null {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
  } catch {
    doc.destroy();
    return null;
  }
  const index = new DocumentIndex(doc);
  const snapshot = index.getSnapshot();
  index.destroy();
  return {
    snapshot,
    restoreInto: (session) => restoreContentFrom(doc, session.doc),
    destroy: () => doc.destroy(),
  };
}
