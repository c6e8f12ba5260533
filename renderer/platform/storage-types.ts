/**
 * Workshop files as the renderer sees them (issue #3; docs/files.md). The desktop implementation
 * (electron.ts) goes over window.dreamboard to main, which owns the files; the browser
 * implementation (browser-storage.ts) keeps them in the browser.
 *
 * How the renderer uses it:
 * 1. `create`, `openDialog`, `openDropped`, `openRecent` answer with an OpenOutcome. On `opened`,
 *    make the session's Y.Doc from `workshop.state` (apply with the load origin), then send every
 *    later update of that doc — local edits, peers' edits, restores — to `record(handle, update)`.
 *    On `elsewhere` do nothing: another window shows it. On `problem` show `problem.message`.
 * 2. `onOpenRequest` delivers workshops opened for this window from outside (double-click in the
 *    file manager, a second launch, Open Recent in the menu, New from a window already in use).
 * 3. `onSaveState` drives the "Saved / Saving… / Not saved" indicator. On the desktop, main also
 *    keeps the window title and the macOS edited dot in step, so the renderer need not.
 * 4. `close(handle)` before leaving a workshop; a `problem` means the final save failed and the
 *    workshop must stay open (nothing is lost while it is open: main keeps retrying).
 *
 * Nothing here hands out file-system paths: a handle is valid only in the window it was given to,
 * and a recent entry is opened by id. Methods never reject; failures are outcomes.
 */
import type { Unsubscribe } from '../../shared/ipc/contract';
import type {
  CloseOutcome,
  FileProblem,
  HistoryEntry,
  HistoryLoadOutcome,
  NameOutcome,
  OpenedWorkshopInfo,
  OpenOutcome,
  RecentEntry,
  RecentId,
  SaveStateView,
  WorkshopHandle,
} from '../../shared/ipc/workshop-schemas';

export type {
  CloseOutcome,
  FileProblem,
  HistoryEntry,
  HistoryLoadOutcome,
  NameOutcome,
  OpenedWorkshopInfo,
  OpenOutcome,
  RecentEntry,
  RecentId,
  SaveStateView,
  WorkshopHandle,
};

export interface WorkshopStorage {
  /**
   * Creates a workshop file from a template straight away (desktop: Documents/Dreamboard/<title>
   * .dreamboard, numbered if taken), so autosave works from the first second and closing never
   * asks "save changes?". `title` defaults to the template's title.
   */
  create(templateId: string, title?: string): Promise<OpenOutcome>;
  /**
   * Like `create`, but the file's first content is `state` (a Yjs update) instead of a template:
   * a live session's workshop saved as the joiner's own file (named after `title`; "Live workshop"
   * when it is blank). `state` came from peers and is checked before anything is written: what
   * cannot be read (or is over 32 MiB) comes back as a `problem` and leaves no file.
   */
  createFromState(state: Uint8Array, title: string): Promise<OpenOutcome>;
  /** The system open dialog; `cancelled` when the person closes it. */
  openDialog(): Promise<OpenOutcome>;
  /** A file dropped on the window or chosen in an <input type=file>. */
  openDropped(file: File): Promise<OpenOutcome>;
  openRecent(id: RecentId): Promise<OpenOutcome>;
  /** Newest first. Entries whose file has gone are still listed; opening one says so. */
  recent(): Promise<readonly RecentEntry[]>;
  forgetRecent(id: RecentId): Promise<void>;
  /**
   * Saves one update of the workshop's document. Fire and forget, in order; a failure shows in
   * `onSaveState` (as `failing`), never as an exception in the editing path.
   */
  record(handle: WorkshopHandle, update: Uint8Array): void;
  /** Writes a copy where the person chooses and carries on in the copy; the original stays as it was. */
  saveAs(handle: WorkshopHandle): Promise<NameOutcome>;
  /** Renames the file in its folder (not the workshop title in the document: that is the editor's). */
  rename(handle: WorkshopHandle, name: string): Promise<NameOutcome>;
  close(handle: WorkshopHandle): Promise<CloseOutcome>;
  /** Version history, newest first; empty when there is none (or the platform keeps none). */
  history(handle: WorkshopHandle): Promise<readonly HistoryEntry[]>;
  /** One snapshot as Yjs state, to preview in its own Y.Doc and restore with restoreContentFrom. */
  loadHistory(handle: WorkshopHandle, id: string): Promise<HistoryLoadOutcome>;
  onSaveState(listener: (handle: WorkshopHandle, state: SaveStateView) => void): Unsubscribe;
  /** Also delivers requests that arrived before the first listener subscribed. */
  onOpenRequest(listener: (outcome: OpenOutcome) => void): Unsubscribe;
}
