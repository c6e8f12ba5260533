/** WorkshopStorage over window.dreamboard: main owns the files; this side holds only handles. */
import type { DesktopApi, IpcResult } from '../../shared/ipc/contract';
import { TITLE_LIMIT } from '../../shared/model/records';
import { UNREADABLE_JOINED_STATE } from '../../shared/ipc/joined-state';
import {
  MAX_JOINED_STATE_BYTES,
  MAX_RECORD_BYTES,
  type FileProblem,
  type SaveStateView,
} from '../../shared/ipc/workshop-schemas';
import type { OpenOutcome, WorkshopHandle, WorkshopStorage } from './storage-types';

const warn = (message: string) => console.warn(`[platform] ${message}`);

/** An IPC refusal or failure, as a problem people can read (the detail goes to the console). */
function ipcProblem(what: string, result: Extract<IpcResult<unknown>, { ok: false }>): FileProblem {
  warn(`${what}: ${result.error.message}`);
  return {
    code: 'io',
    message: `Dreamboard could not ${what}. Try again; if it keeps happening, restart Dreamboard.`,
  };
}

async function outcome<T>(
  what: string,
  call: () => Promise<IpcResult<T>>,
  onProblem: (problem: FileProblem) => T,
): Promise<T> {
  try {
    const result = await call();
    return result.ok ? result.value : onProblem(ipcProblem(what, result));
  } catch (error) {
    warn(`${what}: ${String(error)}`);
    return onProblem({
      code: 'io',
      message: `Dreamboard could not ${what}. Try again; if it keeps happening, restart Dreamboard.`,
    });
  }
}

const openProblem = (problem: FileProblem): OpenOutcome => ({ kind: 'problem', problem });

export function createElectronStorage(desktop: DesktopApi): WorkshopStorage {
  const saveListeners = new Set<(handle: WorkshopHandle, state: SaveStateView) => void>();
  const openListeners = new Set<(outcome: OpenOutcome) => void>();
  /** Requests that arrived with nobody listening yet (the app's first render is still running). */
  const undelivered: OpenOutcome[] = [];

  const tellSaveState = (handle: WorkshopHandle, state: SaveStateView) => {
    for (const listener of [...saveListeners]) listener(handle, state);
  };

  const collectOpenRequests = async () => {
    const taken = await outcome(
      'open the workshop',
      () => desktop.takeOpenRequests(),
      (problem) => [openProblem(problem)],
    );
    for (const request of taken) {
      if (openListeners.size === 0) undelivered.push(request);
      else for (const listener of [...openListeners]) listener(request);
    }
  };

  // Subscribed for the window's whole life: a closing window must be able to answer even when no
  // workshop UI is mounted, and main's poke must never be missed.
  desktop.onSaveState(({ handle, state }) => tellSaveState(handle, state));
  desktop.onOpenRequested(() => void collectOpenRequests());
  desktop.onFlushRequested((token) => {
    // IPC keeps order: this answer reaches main after every update sent before it.
    desktop.acknowledgeFlush(token).catch((error: unknown) => warn(`flush: ${String(error)}`));
  });
  // Requests main queued before this page loaded (the file that launched the app).
  void collectOpenRequests();

  return {
    create: (templateId, title) =>
      outcome(
        'create the workshop',
        () => desktop.createWorkshop(title === undefined ? { templateId } : { templateId, title }),
        openProblem,
      ),
    createFromState: (state, title) =>
      // Main would refuse it too, but only with a message about the channel: say what happened.
      state.byteLength > MAX_JOINED_STATE_BYTES
        ? Promise.resolve(openProblem({ ...UNREADABLE_JOINED_STATE, code: 'too-large' }))
        : outcome(
            'save the workshop',
            // Cut to what main accepts; main makes the file name from it (and refuses longer).
            () => desktop.createWorkshopFromState({ state, title: title.slice(0, TITLE_LIMIT) }),
            openProblem,
          ),
    openDialog: () => outcome('open the workshop', () => desktop.openWorkshopDialog(), openProblem),
    openDropped: (file) => outcome('open the dropped file', () => desktop.openDroppedFile(file), openProblem),
    openRecent: (id) => outcome('open the workshop', () => desktop.openRecentWorkshop(id), openProblem),
    recent: () =>
      outcome(
        'list recent workshops',
        () => desktop.recentWorkshops(),
        () => [],
      ),
    async forgetRecent(id) {
      await outcome(
        'update the recent list',
        () => desktop.forgetRecentWorkshop(id),
        () => null,
      );
    },
    record(handle, update) {
      // Refused before it leaves: main would reject it too, and the person must see it was not saved.
      if (update.byteLength > MAX_RECORD_BYTES) {
        tellSaveState(handle, {
          kind: 'failing',
          code: 'io',
          message: 'That change is too large to save in one piece. Undo it, then make it in smaller steps.',
          retryInMs: 0,
        });
        return;
      }
      desktop.recordUpdate(handle, update).then(
        (result) => {
          if (!result.ok) {
            const problem = ipcProblem('save the change', result);
            tellSaveState(handle, { kind: 'failing', code: 'io', message: problem.message, retryInMs: 0 });
          }
        },
        (error: unknown) => warn(`record: ${String(error)}`),
      );
    },
    saveAs: (handle) =>
      outcome(
        'save a copy',
        () => desktop.saveWorkshopAs(handle),
        (problem) => ({ kind: 'problem', problem }),
      ),
    rename: (handle, name) =>
      outcome(
        'rename the workshop',
        () => desktop.renameWorkshop(handle, name),
        (problem) => ({ kind: 'problem', problem }),
      ),
    close: (handle) =>
      outcome(
        'close the workshop',
        () => desktop.closeWorkshop(handle),
        (problem) => ({ kind: 'problem', problem }),
      ),
    history: (handle) =>
      outcome(
        'list version history',
        () => desktop.workshopHistory(handle),
        () => [],
      ),
    loadHistory: (handle, id) =>
      outcome(
        'load that version',
        () => desktop.loadWorkshopHistory(handle, id),
        (problem) => ({ kind: 'problem', problem }),
      ),
    onSaveState(listener) {
      saveListeners.add(listener);
      return () => void saveListeners.delete(listener);
    },
    onOpenRequest(listener) {
      openListeners.add(listener);
      for (const request of undelivered.splice(0)) listener(request);
      return () => void openListeners.delete(listener);
    },
  };
}
