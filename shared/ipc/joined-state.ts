/**
 * A live session's workshop saved as a joiner's own file (WorkshopStorage.createFromState): the
 * checks main and the browser storage both make on the state before it becomes a file.
 *
 * The state came from other peers, so it is untrusted: it is size-capped and applied into a fresh
 * document inside try/catch (shared/sync/untrusted-update.ts), and only that document is written.
 * The size cap, MAX_JOINED_STATE_BYTES, says why 32 MiB.
 */
import { createDoc, type Doc } from '../doc/updates';
import { ORIGIN } from '../doc/layout';
import { applyUntrustedUpdate, DEFAULT_UPDATE_LIMITS } from '../sync/untrusted-update';
import { fileBaseFromTitle } from './workshop-names';
import { MAX_JOINED_STATE_BYTES, type FileProblem } from './workshop-schemas';

/** The title used when the session's workshop has none (or only spaces). */
export const LIVE_WORKSHOP_TITLE = 'Live workshop';

export const UNREADABLE_JOINED_STATE: FileProblem = {
  code: 'damaged',
  message: 'The workshop could not be saved: what arrived from the session could not be read.',
};

/** The session's title as the copy's title: trimmed, and "Live workshop" when nothing is left. */
export function joinedTitle(title: string): string {
  return title.trim() || LIVE_WORKSHOP_TITLE;
}

/** The file name base for a joined workshop ("Plan" → Plan.dreamboard, numbered by the caller). */
export function joinedFileBase(title: string): string {
  return fileBaseFromTitle(joinedTitle(title));
}

/**
 * The state applied into a document of its own (the load origin), or the problem to show. The
 * caller writes this document, never the raw bytes, and destroys it.
 */
export function docFromJoinedState(
  state: Uint8Array,
): { ok: true; doc: Doc } | { ok: false; problem: FileProblem } {
  const limits = { ...DEFAULT_UPDATE_LIMITS, maxUpdateBytes: MAX_JOINED_STATE_BYTES };
  const doc = createDoc();
  const applied = applyUntrustedUpdate(doc, state, limits, ORIGIN.load);
  if (applied.applied) return { ok: true, doc };
  doc.destroy();
  return {
    ok: false,
    problem:
      applied.offence === 'oversized'
        ? { ...UNREADABLE_JOINED_STATE, code: 'too-large' }
        : UNREADABLE_JOINED_STATE,
  };
}
