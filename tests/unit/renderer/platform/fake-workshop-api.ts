/**
 * The workshop half of DesktopApi as main would answer it, for testing the renderer's desktop
 * storage without Electron: every call is recorded, answers are queued per method, and main's
 * events can be fired by hand.
 */
import type { DesktopApi, IpcResult } from '../../../../shared/ipc/contract';
import type { SaveStateEvent } from '../../../../shared/ipc/workshop-schemas';
import type { LiveMethods } from './fake-live-api';

type WorkshopMethods = Exclude<
  keyof DesktopApi,
  | 'contractVersion'
  | 'getAppInfo'
  | 'setWindowTitle'
  | 'openExternal'
  | 'performNativeEdit'
  | 'onMenuAction'
  | 'saveExport'
  | LiveMethods
>;

export function fakeWorkshopApi() {
  const calls: [string, ...unknown[]][] = [];
  const answers = new Map<string, IpcResult<unknown>[]>();
  const saveStateListeners = new Set<(event: SaveStateEvent) => void>();
  const openRequestedListeners = new Set<() => void>();
  const flushListeners = new Set<(token: string) => void>();

  const answer =
    <T>(method: string, fallback: T) =>
    (...args: unknown[]): Promise<IpcResult<T>> => {
      calls.push([method, ...args]);
      const queued = answers.get(method)?.shift();
      return Promise.resolve((queued ?? { ok: true, value: fallback }) as IpcResult<T>);
    };

  const subscribe =
    <L>(set: Set<L>) =>
    (listener: L) => {
      set.add(listener);
      return () => void set.delete(listener);
    };

  const api = {
    createWorkshop: answer('createWorkshop', { kind: 'cancelled' as const }),
    createWorkshopFromState: answer('createWorkshopFromState', { kind: 'cancelled' as const }),
    openWorkshopDialog: answer('openWorkshopDialog', { kind: 'cancelled' as const }),
    openDroppedFile: answer('openDroppedFile', { kind: 'cancelled' as const }),
    openRecentWorkshop: answer('openRecentWorkshop', { kind: 'cancelled' as const }),
    takeOpenRequests: answer('takeOpenRequests', []),
    recentWorkshops: answer('recentWorkshops', []),
    forgetRecentWorkshop: answer('forgetRecentWorkshop', null),
    recordUpdate: answer('recordUpdate', null),
    saveWorkshopAs: answer('saveWorkshopAs', { kind: 'cancelled' as const }),
    renameWorkshop: answer('renameWorkshop', { kind: 'cancelled' as const }),
    closeWorkshop: answer('closeWorkshop', { kind: 'closed' as const }),
    workshopHistory: answer('workshopHistory', []),
    loadWorkshopHistory: answer('loadWorkshopHistory', {
      kind: 'problem' as const,
      problem: { code: 'not-found' as const, message: 'none' },
    }),
    acknowledgeFlush: answer('acknowledgeFlush', null),
    onSaveState: subscribe(saveStateListeners),
    onOpenRequested: subscribe(openRequestedListeners),
    onFlushRequested: subscribe(flushListeners),
  } satisfies Pick<DesktopApi, WorkshopMethods>;

  return {
    api,
    calls,
    /** The next answer of `method` (then back to the default). */
    queue(method: WorkshopMethods, result: IpcResult<unknown>) {
      answers.set(method, [...(answers.get(method) ?? []), result]);
    },
    emitSaveState: (event: SaveStateEvent) => saveStateListeners.forEach((l) => l(event)),
    emitOpenRequested: () => openRequestedListeners.forEach((l) => l()),
    emitFlushRequested: (token: string) => flushListeners.forEach((l) => l(token)),
  };
}
