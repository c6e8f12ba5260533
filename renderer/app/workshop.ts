import type { RoleCategory } from '../../shared/model';
import { Editor } from '../editor/editor';
import type { OpenedWorkshopInfo, SaveStateView, WorkshopHandle } from '../platform';
import type { Doc } from '../../shared/doc/updates';
import { saveChanges, saveChangesSince, type EncodedState } from '../session/autosave';
import { DocSession } from '../session/session';

/** The workshop file behind an open workshop, as the platform described it when opening. */
export interface WorkshopFile {
  readonly handle: WorkshopHandle;
  /** File name without folder or extension. */
  readonly name: string;
  readonly saveState: SaveStateView;
  readonly readOnlyReason: string | null;
  /** Set once, when a damaged end was left out on opening. */
  readonly recoveryMessage: string | null;
}

/** An open workshop: its session (document, undo), the editor driving it and its file, made and ended together. */
export interface OpenWorkshop {
  readonly session: DocSession;
  readonly editor: Editor;
  readonly file: WorkshopFile;
}

/**
 * Builds the session from the file's saved state and starts saving every later change through
 * `record` from the first second. A read-only workshop records nothing: it cannot be written.
 */
export function openWorkshopFrom(
  info: OpenedWorkshopInfo,
  record: (handle: WorkshopHandle, update: Uint8Array) => void,
  participantId: string,
  role: RoleCategory | null = null,
): OpenWorkshop {
  const session = DocSession.fromState({ participantId, role }, info.state, info.readOnlyReason);
  if (info.readOnlyReason === null) saveChanges(session, (update) => record(info.handle, update));
  return workshopOf(session, info);
}

/**
 * Like openWorkshopFrom, but around a document that already exists and is in use (a joined live
 * session's, whose provider stays attached): the session wraps that very object, and its content
 * is not undoable (only local edits made from now on are). `saved` is the state the file was
 * created from; changes the document received since then are recorded first, then every later one.
 */
export function openWorkshopAround(
  doc: Doc,
  saved: EncodedState,
  info: OpenedWorkshopInfo,
  record: (handle: WorkshopHandle, update: Uint8Array) => void,
  participantId: string,
  role: RoleCategory | null = null,
): OpenWorkshop {
  const session = new DocSession({ participantId, role }, doc, info.readOnlyReason);
  if (info.readOnlyReason === null)
    saveChangesSince(session, saved.mark, (update) => record(info.handle, update));
  return workshopOf(session, info);
}

function workshopOf(session: DocSession, info: OpenedWorkshopInfo): OpenWorkshop {
  return {
    session,
    editor: new Editor(session),
    file: {
      handle: info.handle,
      name: info.name,
      saveState: info.saveState,
      readOnlyReason: info.readOnlyReason,
      recoveryMessage: info.recoveryMessage,
    },
  };
}
