/**
 * WorkshopStorage in the browser (`npm run web`, end-to-end tests): the same engine as the desktop
 * (createWorkshopFile, openForEditing, AutosaveSession) over the origin-private file system
 * (opfs-volume.ts), with version history kept there too (opfs-history.ts). Workshops live in the
 * OPFS folder `workshops/`, named after their titles; that folder is the recent list.
 * "Save as" downloads a copy, because a page cannot write where the person chooses.
 */
import { createDoc, docFacts, encodeState, loadDoc, type Doc } from '../../shared/doc/updates';
import { problemFromOpen, problemFromStorage } from '../../shared/ipc/file-problems';
import { docFromJoinedState, joinedFileBase, joinedTitle } from '../../shared/ipc/joined-state';
import { fileBaseFromTitle, workshopNameOf, WORKSHOP_EXTENSION } from '../../shared/ipc/workshop-names';
import { WorkshopNameSchema } from '../../shared/ipc/workshop-schemas';
import {
  createWorkshopFile,
  describeRecovery,
  openForEditing,
  SnapshotTimer,
  StorageError,
  type AutosaveSession,
} from '../../shared/storage';
import { applyTemplate, isKnownTemplate } from '../../shared/templates';
import {
  checkImport,
  freeFileName,
  listWorkshops,
  pathOf,
  recentIdOf,
  WORKSHOPS_FOLDER,
} from './browser-workshops';
import { OpfsHistoryStore } from './opfs-history';
import { createOpfsVolume, type OpfsVolume } from './opfs-volume';
import type {
  FileProblem,
  OpenOutcome,
  SaveStateView,
  WorkshopHandle,
  WorkshopStorage,
} from './storage-types';
import { browserStorageHost, type BrowserStorageHost } from './browser-storage-host';

export { browserStorageHost, type BrowserStorageHost } from './browser-storage-host';

/** What the browser build adds to WorkshopStorage. */
export interface BrowserWorkshopStorage extends WorkshopStorage {
  /** Takes a version-history snapshot now (the ?debug=1 hook, so tests need not wait minutes). */
  snapshotNow(handle: WorkshopHandle): Promise<boolean>;
  /** Starts writing what every open workshop has pending (the page is going away). */
  flushAll(): Promise<void>;
}

const scheduler = {
  set: (run: () => void, ms: number): unknown => setTimeout(run, ms),
  clear: (handle: unknown): void => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

const hex = (byteCount: number) =>
  Array.from(crypto.getRandomValues(new Uint8Array(byteCount)), (b) => b.toString(16).padStart(2, '0')).join(
    '',
  );

const problem = (p: FileProblem): { kind: 'problem'; problem: FileProblem } => ({
  kind: 'problem',
  problem: p,
});

function storageProblem(error: unknown, name: string, doing: 'open' | 'save' | 'create'): FileProblem {
  return problemFromStorage(error instanceof StorageError ? error.code : 'io', name, doing);
}

const UNAVAILABLE: FileProblem = {
  code: 'permission-denied',
  message:
    'This browser does not let Dreamboard keep files (its private storage is switched off). Use the Dreamboard app instead.',
};

interface Open {
  fileName: string;
  session: AutosaveSession;
  release: () => void;
  timer: SnapshotTimer;
  /** Updates that arrived while the session was being swapped (rename); recorded once it is back. */
  held: Uint8Array[] | null;
  /** Snapshots run one at a time. */
  snapshots: Promise<unknown>;
}

export function createBrowserStorage(
  volume: OpfsVolume | null = hasOpfs() ? createOpfsVolume() : null,
  host: BrowserStorageHost = browserStorageHost,
  history: OpfsHistoryStore | null = volume ? new OpfsHistoryStore(volume) : null,
): BrowserWorkshopStorage {
  const open = new Map<WorkshopHandle, Open>();
  const saveListeners = new Set<(handle: WorkshopHandle, state: SaveStateView) => void>();
  const tell = (handle: WorkshopHandle, state: SaveStateView) => {
    for (const listener of [...saveListeners]) listener(handle, state);
  };
  // Best effort: a change made in the last quarter second is still batched when the tab goes away.
  // The browser may stop the page before the write ends; what was saved before stays whole.
  const flushAll = async () => {
    await Promise.all([...open.values()].map((entry) => entry.session.flush().catch(() => {})));
  };
  globalThis.addEventListener?.('pagehide', () => void flushAll());

  /** Opens `fileName` under `handle`: the tab lock first, then the engine. */
  async function startSession(fileName: string, handle: WorkshopHandle) {
    if (!volume) return { ok: false as const, problem: UNAVAILABLE };
    const name = workshopNameOf(fileName);
    const release = await host.holdExclusive(pathOf(fileName));
    if (!release)
      return {
        ok: false as const,
        problem: {
          code: 'exists' as const,
          message: `"${name}" is open in another tab or window. Close it there first.`,
        },
      };
    const result = await openForEditing({
      volume,
      path: pathOf(fileName),
      name,
      scheduler,
      onStateChange: (state) => tell(handle, state),
    });
    if (!result.ok) {
      release();
      return { ok: false as const, problem: problemFromOpen(result.problem, name) };
    }
    return { ok: true as const, result, release };
  }

  async function openFile(fileName: string): Promise<OpenOutcome> {
    for (const entry of open.values())
      if (entry.fileName === fileName)
        return problem({ code: 'exists', message: `"${workshopNameOf(fileName)}" is already open.` });
    const handle = hex(16);
    const started = await startSession(fileName, handle);
    if (!started.ok) return problem(started.problem);
    const { result, release } = started;
    // The first change after opening takes a snapshot, so history starts from what was opened.
    open.set(handle, {
      fileName,
      session: result.session,
      release,
      timer: new SnapshotTimer(),
      held: null,
      snapshots: Promise.resolve(),
    });
    return {
      kind: 'opened',
      workshop: {
        handle,
        name: workshopNameOf(fileName),
        state: result.session.encodeState(),
        saveState: result.session.saveState,
        readOnlyReason: result.read.readOnlyReason,
        recoveryMessage: result.read.recovery ? describeRecovery(result.read.recovery) : null,
        removedTemporaries: result.removedTemporaries,
      },
    };
  }

  /** Writes `doc` as a new stored workshop named "Base" (else "Base 2"…) and opens it. */
  async function createFile(doc: Doc, base: string, now: number): Promise<OpenOutcome> {
    if (!volume) return problem(UNAVAILABLE);
    const fileName = await freeFileName(volume, base);
    if (fileName === null)
      return problem({
        code: 'exists',
        message: 'There are too many workshops with that name. Choose another title.',
      });
    await createWorkshopFile(volume, pathOf(fileName), doc, now);
    return openFile(fileName);
  }

  /** Saves `copy` (a document of its own, taken when the snapshot was due) as a version. */
  function takeSnapshot(entry: Open, copy: Doc): Promise<boolean> {
    if (!history) return Promise.resolve(false);
    const now = host.now();
    entry.timer.noteSnapshot(now);
    const fileName = entry.fileName;
    const run = entry.snapshots.then(async () => {
      try {
        await history.save(fileName, copy, now);
        return true;
      } catch (error) {
        // History is a safety net, not the work itself: a failure is logged and the next one retried.
        console.warn(`[storage] version history: ${String(error)}`);
        return false;
      } finally {
        copy.destroy();
      }
    });
    entry.snapshots = run;
    return run;
  }

  function recordInto(handle: WorkshopHandle, entry: Open, update: Uint8Array): void {
    entry.timer.noteChange();
    // A version is the workshop as it stood before the change that made one due: the first change
    // after opening keeps the workshop as opened, later ones the end of the last few minutes' work.
    const due = history !== null && entry.timer.isDue(host.now());
    const before = due ? loadDoc([encodeState(entry.session.doc)]) : null;
    try {
      entry.session.record(update);
    } catch (error) {
      before?.destroy();
      tell(handle, {
        kind: 'failing',
        code: 'io',
        message: error instanceof Error ? error.message : String(error),
        retryInMs: 0,
      });
      return;
    }
    if (before) {
      void takeSnapshot(entry, before);
      // This change is not in that version, so the next one is owed.
      entry.timer.noteChange();
    }
  }

  const storage: BrowserWorkshopStorage = {
    async create(templateId, title) {
      if (!volume) return problem(UNAVAILABLE);
      if (!isKnownTemplate(templateId))
        return problem({ code: 'not-found', message: `There is no template "${templateId}".` });
      const doc = createDoc();
      const now = host.now();
      try {
        applyTemplate(doc, templateId, { now, ...(title === undefined ? {} : { title }) });
        return await createFile(doc, fileBaseFromTitle(title ?? docFacts(doc).title), now);
      } catch (error) {
        return problem(storageProblem(error, title ?? 'The new workshop', 'create'));
      } finally {
        doc.destroy();
      }
    },
    async createFromState(state, title) {
      if (!volume) return problem(UNAVAILABLE);
      // From peers: applied into a document of its own first, and only that document is written.
      const read = docFromJoinedState(state);
      if (!read.ok) return problem(read.problem);
      try {
        return await createFile(read.doc, joinedFileBase(title), host.now());
      } catch (error) {
        return problem(storageProblem(error, joinedTitle(title), 'create'));
      } finally {
        read.doc.destroy();
      }
    },
    async openDialog() {
      const file = await host.pickFile();
      return file === null ? { kind: 'cancelled' } : storage.openDropped(file);
    },
    async openDropped(file) {
      if (!volume) return problem(UNAVAILABLE);
      // Checked before anything is stored: a file that is not a workshop leaves no trace here.
      const checked = await checkImport(file);
      if (!checked.ok) return problem(checked.problem);
      try {
        // The browser cannot write back to the person's file, so it keeps its own copy to autosave into.
        const fileName = await freeFileName(volume, checked.baseName);
        if (fileName === null)
          return problem({ code: 'exists', message: 'There are too many workshops with that name.' });
        await volume.createExclusive(pathOf(fileName), checked.bytes);
        return await openFile(fileName);
      } catch (error) {
        return problem(storageProblem(error, file.name, 'open'));
      }
    },
    async openRecent(id) {
      if (!volume) return problem(UNAVAILABLE);
      const fileName = await storedFileWithId(volume, id);
      if (fileName === null)
        return problem({ code: 'not-found', message: 'That workshop is no longer stored in this browser.' });
      return openFile(fileName);
    },
    async recent() {
      if (!volume) return [];
      try {
        return (await listWorkshops(volume)).map(({ fileName: _fileName, ...entry }) => entry);
      } catch (error) {
        console.warn(`[storage] listing ${WORKSHOPS_FOLDER}: ${String(error)}`);
        return [];
      }
    },
    // The list is the folder itself; taking an entry off it would mean deleting the workshop,
    // which is not what "forget" promises on the desktop. Nothing to do.
    forgetRecent: () => Promise.resolve(),
    record(handle, update) {
      const entry = open.get(handle);
      if (!entry) return console.warn('[storage] record: no such workshop');
      if (entry.held) entry.held.push(update);
      else recordInto(handle, entry, update);
    },
    async saveAs(handle) {
      const entry = open.get(handle);
      if (!entry || !volume) return problem({ code: 'not-found', message: 'This workshop is not open.' });
      try {
        await entry.session.flush();
        host.download(entry.fileName, await volume.readFile(pathOf(entry.fileName)));
      } catch (error) {
        return problem(storageProblem(error, entry.fileName, 'save'));
      }
      return { kind: 'done', name: workshopNameOf(entry.fileName) };
    },
    async rename(handle, name) {
      const entry = open.get(handle);
      if (!entry || !volume) return problem({ code: 'not-found', message: 'This workshop is not open.' });
      const checked = WorkshopNameSchema.safeParse(name);
      if (!checked.success)
        return problem({ code: 'exists', message: checked.error.issues[0]?.message ?? 'Not a usable name.' });
      const target = `${checked.data}${WORKSHOP_EXTENSION}`;
      if (target === entry.fileName) return { kind: 'done', name: checked.data };
      return renameOpen(handle, entry, target);
    },
    async close(handle) {
      const entry = open.get(handle);
      if (!entry) return { kind: 'closed' };
      try {
        await entry.session.close();
      } catch (error) {
        return problem(storageProblem(error, workshopNameOf(entry.fileName), 'save'));
      }
      await entry.snapshots;
      entry.release();
      open.delete(handle);
      return { kind: 'closed' };
    },
    async history(handle) {
      const entry = open.get(handle);
      if (!entry || !history) return [];
      await entry.snapshots;
      return history.list(entry.fileName).catch(() => []);
    },
    async loadHistory(handle, id) {
      const entry = open.get(handle);
      if (!entry || !history) return problem({ code: 'not-found', message: 'This workshop is not open.' });
      const loaded = await history.load(entry.fileName, id);
      if (!loaded.ok) return problem(problemFromOpen(loaded.problem, 'That version'));
      const state = encodeState(loaded.doc);
      loaded.doc.destroy();
      return { kind: 'loaded', state };
    },
    onSaveState(listener) {
      saveListeners.add(listener);
      return () => void saveListeners.delete(listener);
    },
    // Nothing outside the page can ask a browser tab to open a file.
    onOpenRequest: () => () => undefined,
    snapshotNow(handle) {
      const entry = open.get(handle);
      return entry ? takeSnapshot(entry, loadDoc([encodeState(entry.session.doc)])) : Promise.resolve(false);
    },
    flushAll,
  };

  /**
   * Saves what is pending, renames the file (and its history), and carries on under the same
   * handle. Updates arriving meanwhile are held and recorded into the renamed file, so none is lost.
   */
  async function renameOpen(handle: WorkshopHandle, entry: Open, target: string) {
    if (!volume) return problem(UNAVAILABLE);
    const shown = workshopNameOf(target);
    entry.held = [];
    try {
      await entry.session.close();
    } catch (error) {
      // The last save failed, so the session stays open (and keeps retrying) under its old name.
      const held = entry.held;
      entry.held = null;
      for (const update of held) recordInto(handle, entry, update);
      return problem(storageProblem(error, workshopNameOf(entry.fileName), 'save'));
    }
    let fileName = entry.fileName;
    try {
      await entry.snapshots;
      await volume.rename(pathOf(entry.fileName), pathOf(target));
      fileName = target;
      await history
        ?.rename(entry.fileName, target)
        .catch((error: unknown) => console.warn(`[storage] history rename: ${String(error)}`));
    } catch (error) {
      const why =
        error instanceof StorageError && error.code === 'exists'
          ? problemFromStorage('exists', shown, 'save')
          : storageProblem(error, shown, 'save');
      return finish(why);
    }
    return finish(null);

    async function finish(why: FileProblem | null) {
      entry.release();
      const started = await startSession(fileName, handle);
      const held = entry.held ?? [];
      entry.held = null;
      if (!started.ok) {
        open.delete(handle);
        return problem({
          code: 'io',
          message: `"${workshopNameOf(fileName)}" could not be opened again: ${started.problem.message}`,
        });
      }
      Object.assign(entry, { fileName, session: started.result.session, release: started.release });
      for (const update of held) recordInto(handle, entry, update);
      return why ? problem(why) : { kind: 'done' as const, name: shown };
    }
  }

  return storage;
}

/**
 * The stored workshop a recent-list id stands for, found by name alone: listing would replay every
 * stored workshop to count its cards, which for 10k cards costs as much as opening it.
 */
async function storedFileWithId(volume: OpfsVolume, id: string): Promise<string | null> {
  for (const entry of await volume.list(WORKSHOPS_FOLDER)) {
    const name = entry.name;
    if (entry.kind !== 'file' || name.startsWith('.') || !name.toLowerCase().endsWith(WORKSHOP_EXTENSION))
      continue;
    if ((await recentIdOf(name)) === id) return name;
  }
  return null;
}

function hasOpfs(): boolean {
  return typeof navigator !== 'undefined' && typeof navigator.storage?.getDirectory === 'function';
}
