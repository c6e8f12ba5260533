/**
 * The browser build's WorkshopStorage as seen from the page: every call goes to the storage
 * worker (storage-worker.ts), which runs createBrowserStorage over OPFS. Updates are posted in
 * order and never answered; everything else is a request with one reply. What needs the page —
 * the file picker and downloads — stays here.
 */
import { browserStorageHost, type BrowserWorkshopStorage } from './browser-storage';
import type { SaveStateView, WorkshopHandle } from './storage-types';

export type StorageRequest = {
  readonly id: number;
  readonly method: string;
  readonly args: readonly unknown[];
};
export type StorageReply =
  | { readonly kind: 'reply'; readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly kind: 'reply'; readonly id: number; readonly ok: false; readonly message: string };
export type StorageWorkerEvent =
  | StorageReply
  | { readonly kind: 'save-state'; readonly handle: WorkshopHandle; readonly state: SaveStateView }
  | { readonly kind: 'download'; readonly fileName: string; readonly bytes: Uint8Array };

export interface WorkerStorageHost {
  pickFile(): Promise<File | null>;
  download(fileName: string, bytes: Uint8Array): void;
}

export function createWorkerStorage(worker: Worker, host: WorkerStorageHost): BrowserWorkshopStorage {
  let nextId = 1;
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const saveListeners = new Set<(handle: WorkshopHandle, state: SaveStateView) => void>();

  worker.onmessage = (event: MessageEvent<StorageWorkerEvent>) => {
    const message = event.data;
    if (message.kind === 'save-state')
      for (const listener of [...saveListeners]) listener(message.handle, message.state);
    else if (message.kind === 'download') host.download(message.fileName, message.bytes);
    else {
      const call = waiting.get(message.id);
      waiting.delete(message.id);
      if (message.ok) call?.resolve(message.value);
      else call?.reject(new Error(message.message));
    }
  };
  // A worker that fails to load would leave every request waiting: fail them, so the UI says so.
  worker.onerror = (event) => {
    const error = new Error(`Workshop storage stopped: ${event.message}`);
    for (const call of waiting.values()) call.reject(error);
    waiting.clear();
  };

  const call = <T>(method: string, ...args: unknown[]): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ id, method, args } satisfies StorageRequest);
    });

  // Best effort, as in the page: a change made in the last quarter second is still batched.
  globalThis.addEventListener?.('pagehide', () =>
    worker.postMessage({ id: 0, method: 'flushAll', args: [] } satisfies StorageRequest),
  );

  const storage: BrowserWorkshopStorage = {
    create: (templateId, title) => call('create', templateId, title),
    createFromState: (state, title) => call('createFromState', state, title),
    async openDialog() {
      const file = await host.pickFile();
      return file === null ? { kind: 'cancelled' } : storage.openDropped(file);
    },
    openDropped: (file) => call('openDropped', file),
    openRecent: (id) => call('openRecent', id),
    recent: () => call('recent'),
    forgetRecent: () => Promise.resolve(),
    record(handle, update) {
      worker.postMessage({ id: 0, method: 'record', args: [handle, update] } satisfies StorageRequest);
    },
    saveAs: (handle) => call('saveAs', handle),
    rename: (handle, name) => call('rename', handle, name),
    close: (handle) => call('close', handle),
    history: (handle) => call('history', handle),
    loadHistory: (handle, id) => call('loadHistory', handle, id),
    onSaveState(listener) {
      saveListeners.add(listener);
      return () => void saveListeners.delete(listener);
    },
    // Nothing outside the page can ask a browser tab to open a file.
    onOpenRequest: () => () => undefined,
    snapshotNow: (handle) => call('snapshotNow', handle),
    flushAll: () => call('flushAll'),
  };
  return storage;
}

/** The browser build's storage in its own worker; null where workers are missing (the caller keeps storage in the page). */
export function startWorkerStorage(): BrowserWorkshopStorage | null {
  if (typeof Worker === 'undefined') return null;
  const worker = new Worker(new URL('./storage-worker.ts', import.meta.url), {
    type: 'module',
    name: 'dreamboard-storage',
  });
  return createWorkerStorage(worker, browserStorageHost);
}
