import type { Doc } from '../../shared/doc/updates';
import { joinedTitle } from '../../shared/ipc/joined-state';
import type { RoleCategory } from '../../shared/model';
import { Store } from '../editor/store';
import type {
  OpenedWorkshopInfo,
  OpenOutcome,
  SaveStateView,
  Unsubscribe,
  WorkshopStorage,
} from '../platform/types';
import { encodeStateWithMark } from '../session/autosave';
import { openWorkshopAround, openWorkshopFrom, type OpenWorkshop } from './workshop';
import { fileNameCandidates } from './file-names';

export interface FilesState {
  /** The open workshop, or null for the start screen. */
  readonly workshop: OpenWorkshop | null;
  /** The open workshop's file name (changes with Rename and Save as). */
  readonly fileName: string | null;
  readonly saveState: SaveStateView | null;
  /** Why the last file action failed, in the engine's plain words; shown until dismissed. */
  readonly problem: string | null;
  /** Said once about the open workshop (a damaged end was left out on opening). */
  readonly notice: string | null;
  /** A file action is running; buttons that start another wait. */
  readonly busy: boolean;
}

const INITIAL: FilesState = {
  workshop: null,
  fileName: null,
  saveState: null,
  problem: null,
  notice: null,
  busy: false,
};

/**
 * Opening, creating, closing, renaming and saving copies of workshop files, over the platform's
 * WorkshopStorage. Owns the open workshop's lifetime: a session is destroyed only once its file
 * closed cleanly (its last changes are on disk); if the last save fails the workshop stays open.
 */
export class WorkshopFiles {
  readonly store = new Store<FilesState>(INITIAL);

  constructor(
    readonly storage: WorkshopStorage,
    private readonly participantId: () => string,
    /** Called with the workshop now shown (null: the start screen), after the store has it. */
    private readonly onSwitch: (workshop: OpenWorkshop | null) => void = () => {},
  ) {}

  get state(): FilesState {
    return this.store.get();
  }

  /** Listens to the platform for save states and for files opened from outside; returns the unsubscribe. */
  connect(): Unsubscribe {
    const stopSave = this.storage.onSaveState((handle, saveState) => {
      if (this.state.workshop?.file.handle === handle) this.store.set({ saveState });
    });
    const stopOpen = this.storage.onOpenRequest((outcome) => void this.run(() => Promise.resolve(outcome)));
    return () => {
      stopSave();
      stopOpen();
    };
  }

  create(templateId: string): Promise<void> {
    return this.run(() => this.storage.create(templateId));
  }

  /** Runs an open request (dialog, recent entry, dropped file) and shows what it gives. */
  open(request: () => Promise<OpenOutcome>): Promise<void> {
    return this.run(request);
  }

  /**
   * Keeps a joined live session's workshop as a file of this person's own (named after `title`,
   * "Live workshop" when blank) and carries on in it without reconnecting: the session wraps `doc`
   * itself, so the live connection attached to it keeps working, and from then on the session owns
   * it (closing the workshop destroys it). Changes that arrive while the file is being made are
   * saved too. The open workshop is closed first; if its last save fails it stays, and nothing is
   * made. False, with `problem` set, when the copy could not be made or shown.
   */
  async adopt(doc: Doc, title: string, role: RoleCategory | null = null): Promise<boolean> {
    if (this.state.workshop?.session.doc === doc) return true;
    // Unlike a click, this must not be dropped while another file action runs: wait for it.
    while (this.state.busy) await this.whenIdle();
    this.store.set({ busy: true, problem: null });
    try {
      return await this.adoptNow(doc, joinedTitle(title), role);
    } finally {
      this.store.set({ busy: false });
    }
  }

  private async adoptNow(doc: Doc, title: string, role: RoleCategory | null): Promise<boolean> {
    // First, not after (as `show` does): on the desktop a window still showing a workshop would
    // get the new one in a new window, and this document has to stay here.
    if (this.state.workshop && !(await this.close())) return false;
    const saved = encodeStateWithMark(doc);
    const outcome = await this.storage.createFromState(saved.state, title);
    if (outcome.kind !== 'opened') {
      this.report(
        outcome.kind === 'problem'
          ? outcome.problem.message
          : `"${title}" could not be saved as a workshop of your own here. Try again.`,
      );
      return false;
    }
    const info = outcome.workshop;
    let workshop: OpenWorkshop;
    try {
      workshop = openWorkshopAround(
        doc,
        saved,
        info,
        (handle, update) => this.storage.record(handle, update),
        this.participantId(),
        role,
      );
    } catch (error) {
      await this.storage.close(info.handle);
      console.error('[files] could not show the saved live workshop', error);
      this.report(`"${info.name}" was saved but could not be shown.`);
      return false;
    }
    this.showOpened(workshop, info);
    return true;
  }

  private whenIdle(): Promise<void> {
    return new Promise((resolve) => {
      const stop = this.store.subscribe((state) => {
        if (state.busy) return;
        stop();
        resolve();
      });
    });
  }

  /** Saves what is pending and goes back to the start screen. False when the last save failed. */
  async close(): Promise<boolean> {
    const { workshop } = this.state;
    if (!workshop) return true;
    const closed = await this.storage.close(workshop.file.handle);
    if (closed.kind === 'problem') {
      this.store.set({
        problem: `${closed.problem.message} The workshop stays open, and Dreamboard keeps trying to save it.`,
      });
      return false;
    }
    workshop.session.destroy();
    this.store.set({ ...INITIAL, busy: this.state.busy });
    this.onSwitch(null);
    return true;
  }

  /** Desktop: a copy where the person chooses, and work carries on there. Browser: a download. */
  async saveAs(): Promise<void> {
    const { workshop } = this.state;
    if (!workshop) return;
    const outcome = await this.storage.saveAs(workshop.file.handle);
    if (outcome.kind === 'problem') return this.report(outcome.problem.message);
    if (outcome.kind === 'cancelled') return;
    this.store.set({ fileName: outcome.name });
    workshop.editor.announce(`Saved a copy as "${outcome.name}"`);
  }

  /**
   * Gives the file the workshop's new title as its name ("Plan", else "Plan 2"…). The title itself
   * is the document's and is already changed; a file name that cannot follow is said, not fatal.
   */
  async renameFile(title: string): Promise<void> {
    const { workshop, fileName } = this.state;
    if (!workshop || workshop.file.readOnlyReason !== null) return;
    for (const candidate of fileNameCandidates(title)) {
      if (candidate === fileName) return;
      const outcome = await this.storage.rename(workshop.file.handle, candidate);
      if (outcome.kind === 'done') {
        this.store.set({ fileName: outcome.name });
        return;
      }
      if (outcome.kind === 'cancelled') return;
      if (outcome.problem.code !== 'exists') return this.report(outcome.problem.message);
    }
    this.report(
      `The file keeps the name "${fileName ?? ''}": other workshops already use names like "${title}".`,
    );
  }

  dismissProblem(): void {
    this.store.set({ problem: null });
  }

  dismissNotice(): void {
    this.store.set({ notice: null });
  }

  private report(message: string): void {
    this.store.set({ problem: message });
    this.state.workshop?.editor.announce(message);
  }

  private async run(request: () => Promise<OpenOutcome>): Promise<void> {
    if (this.state.busy) return;
    this.store.set({ busy: true, problem: null });
    try {
      await this.show(await request());
    } finally {
      this.store.set({ busy: false });
    }
  }

  private async show(outcome: OpenOutcome): Promise<void> {
    if (outcome.kind === 'cancelled' || outcome.kind === 'elsewhere') return;
    if (outcome.kind === 'problem') return this.report(outcome.problem.message);
    const info = outcome.workshop;
    // Leave the current workshop first; if its last save fails, it stays and the new one closes again.
    if (this.state.workshop && !(await this.close())) {
      await this.storage.close(info.handle);
      return;
    }
    let workshop: OpenWorkshop;
    try {
      workshop = openWorkshopFrom(
        info,
        (handle, update) => this.storage.record(handle, update),
        this.participantId(),
      );
    } catch (error) {
      await this.storage.close(info.handle);
      console.error('[files] could not load the workshop', error);
      return this.report(`"${info.name}" could not be shown: its saved changes could not be read.`);
    }
    this.showOpened(workshop, info);
  }

  private showOpened(workshop: OpenWorkshop, info: OpenedWorkshopInfo): void {
    this.store.set({
      workshop,
      fileName: info.name,
      saveState: info.saveState,
      notice: info.recoveryMessage,
      problem: null,
    });
    this.onSwitch(workshop);
  }
}
