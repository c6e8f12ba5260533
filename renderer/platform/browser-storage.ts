/**
 * WorkshopStorage in the browser (`npm run web`, end-to-end tests): the same engine as the desktop
 * (openForEditing, AutosaveSession, createWorkshopFile) over a BrowserVolume, which is a flat
 * folder of workshop files. With MemoryVolume work lasts as long as the tab; the origin-private
 * file system volume (opfs-volume.ts) makes it last. There is no version history here yet, and
 * "Save as" downloads a copy, because a page cannot write where the person chooses.
 */
import { createDoc, docFacts } from '../../shared/doc/updates';
import { problemFromOpen, problemFromStorage } from '../../shared/ipc/file-problems';
import { fileBaseFromTitle, firstFreeName, workshopNameOf, WORKSHOP_EXTENSION } from '../../shared/ipc/workshop-names';
import { WorkshopNameSchema } from '../../shared/ipc/workshop-schemas';
import { createWorkshopFile, describeRecovery, openForEditing, StorageError, type AutosaveSession } from '../../shared/storage';
import { applyTemplate, isKnownTemplate } from '../../shared/templates';
import { MemoryVolume, type BrowserVolume } from './memory-volume';
import type { FileProblem, OpenOutcome, RecentEntry, SaveStateView, WorkshopHandle, WorkshopStorage } from './storage-types';

export interface BrowserStorageHost {
  /** Lets the person pick a file (an <input type=file>); null when they cancel. */
  pickFile(): Promise<File | null>;
  /** Hands a copy to the person (a download). */
  download(fileName: string, bytes: Uint8Array): void;
}

const scheduler = {
  set: (run: () => void, ms: number): unknown => setTimeout(run, ms),
  clear: (handle: unknown): void => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

const hex = (byteCount: number) =>
  Array.from(crypto.getRandomValues(new Uint8Array(byteCount)), (b) => b.toString(16).padStart(2, '0')).join('');

const problem = (p: FileProblem): { kind: 'problem'; problem: FileProblem } => ({ kind: 'problem', problem: p });

function storageProblem(error: unknown, name: string, doing: 'open' | 'save' | 'create'): FileProblem {
  const code = error instanceof StorageError ? error.code : 'io';
  return problemFromStorage(code, name, doing);
}

interface Open {
  fileName: string;
  session: AutosaveSession;
}

export function createBrowserStorage(volume: BrowserVolume = new MemoryVolume(), host: BrowserStorageHost = defaultHost): WorkshopStorage {
  const open = new Map<WorkshopHandle, Open>();
  const recent: (RecentEntry & { fileName: string })[] = [];
  const saveListeners = new Set<(handle: WorkshopHandle, state: SaveStateView) => void>();

  const tell = (handle: WorkshopHandle, state: SaveStateView) => {
    for (const listener of [...saveListeners]) listener(handle, state);
  };

  const remember = (fileName: string) => {
    const at = recent.findIndex((r) => r.fileName === fileName);
    const id = at >= 0 ? recent.splice(at, 1)[0]!.id : hex(8);
    recent.unshift({ id, fileName, name: workshopNameOf(fileName), folder: 'This browser', openedAt: Date.now() });
    recent.splice(20);
  };

  async function openFile(fileName: string): Promise<OpenOutcome> {
    for (const entry of open.values()) if (entry.fileName === fileName) return problem({ code: 'exists', message: `"${workshopNameOf(fileName)}" is already open.` });
    const handle = hex(16);
    const result = await openForEditing({ volume, path: fileName, name: fileName, scheduler, onStateChange: (state) => tell(handle, state) });
    if (!result.ok) return problem(problemFromOpen(result.problem, fileName));
    open.set(handle, { fileName, session: result.session });
    remember(fileName);
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

  const freeName = (base: string) => firstFreeName(base, (fileName) => volume.exists(fileName));

  return {
    async create(templateId, title) {
      if (!isKnownTemplate(templateId)) return problem({ code: 'not-found', message: `There is no template "${templateId}".` });
      const doc = createDoc();
      const now = Date.now();
      applyTemplate(doc, templateId, { now, ...(title === undefined ? {} : { title }) });
      const fileName = await freeName(fileBaseFromTitle(title ?? docFacts(doc).title));
      if (fileName === null) return problem({ code: 'exists', message: 'There are too many workshops with that name. Choose another title.' });
      try {
        await createWorkshopFile(volume, fileName, doc, now);
      } catch (error) {
        return problem(storageProblem(error, fileName, 'create'));
      } finally {
        doc.destroy();
      }
      return openFile(fileName);
    },
    async openDialog() {
      const file = await host.pickFile();
      return file === null ? { kind: 'cancelled' } : this.openDropped(file);
    },
    async openDropped(file) {
      // The browser cannot write back to the person's file, so it keeps its own copy to autosave into.
      const fileName = await freeName(fileBaseFromTitle(workshopNameOf(file.name)));
      if (fileName === null) return problem({ code: 'exists', message: 'There are too many workshops with that name.' });
      try {
        await volume.createExclusive(fileName, new Uint8Array(await file.arrayBuffer()));
      } catch (error) {
        return problem(storageProblem(error, file.name, 'open'));
      }
      return openFile(fileName);
    },
    async openRecent(id) {
      const entry = recent.find((r) => r.id === id);
      if (!entry) return problem({ code: 'not-found', message: 'That workshop is no longer in the recent list.' });
      return openFile(entry.fileName);
    },
    recent: () => Promise.resolve(recent.map(({ id, name, folder, openedAt }) => ({ id, name, folder, openedAt }))),
    forgetRecent(id) {
      const at = recent.findIndex((r) => r.id === id);
      if (at >= 0) recent.splice(at, 1);
      return Promise.resolve();
    },
    record(handle, update) {
      const entry = open.get(handle);
      if (!entry) return console.warn('[platform] record: no such workshop');
      try {
        entry.session.record(update);
      } catch (error) {
        tell(handle, { kind: 'failing', code: 'io', message: error instanceof Error ? error.message : String(error), retryInMs: 0 });
      }
    },
    async saveAs(handle) {
      const entry = open.get(handle);
      if (!entry) return problem({ code: 'not-found', message: 'This workshop is not open.' });
      try {
        await entry.session.flush();
        host.download(entry.fileName, await volume.readFile(entry.fileName));
      } catch (error) {
        return problem(storageProblem(error, entry.fileName, 'save'));
      }
      return { kind: 'done', name: workshopNameOf(entry.fileName) };
    },
    async rename(handle, name) {
      const entry = open.get(handle);
      if (!entry) return problem({ code: 'not-found', message: 'This workshop is not open.' });
      const checked = WorkshopNameSchema.safeParse(name);
      if (!checked.success) return problem({ code: 'exists', message: checked.error.issues[0]?.message ?? 'Not a usable name.' });
      const target = `${checked.data}${WORKSHOP_EXTENSION}`;
      if (target === entry.fileName) return { kind: 'done', name: checked.data };
      if (await volume.exists(target)) return problem(problemFromStorage('exists', target, 'save'));
      const closed = await this.close(handle);
      if (closed.kind === 'problem') return closed;
      await volume.rename(entry.fileName, target);
      const reopened = await openFile(target);
      if (reopened.kind !== 'opened') return problem({ code: 'io', message: `"${target}" was renamed but could not be opened again.` });
      // The renderer keeps its handle: move the reopened session under it.
      const moved = open.get(reopened.workshop.handle)!;
      open.delete(reopened.workshop.handle);
      open.set(handle, moved);
      return { kind: 'done', name: checked.data };
    },
    async close(handle) {
      const entry = open.get(handle);
      if (!entry) return { kind: 'closed' };
      try {
        await entry.session.close();
      } catch (error) {
        return problem(storageProblem(error, entry.fileName, 'save'));
      }
      open.delete(handle);
      return { kind: 'closed' };
    },
    history: () => Promise.resolve([]),
    loadHistory: () => Promise.resolve(problem({ code: 'not-found', message: 'This browser keeps no version history.' })),
    onSaveState(listener) {
      saveListeners.add(listener);
      return () => void saveListeners.delete(listener);
    },
    // Nothing outside the page can ask a browser tab to open a file.
    onOpenRequest: () => () => undefined,
  };
}

const defaultHost: BrowserStorageHost = {
  pickFile: () =>
    new Promise((resolve) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = WORKSHOP_EXTENSION;
      input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
      input.addEventListener('cancel', () => resolve(null), { once: true });
      input.click();
    }),
  download: (fileName, bytes) => {
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/octet-stream' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  },
};
