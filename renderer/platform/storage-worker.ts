/**
 * The browser build's workshop storage, run in a dedicated Worker (see worker-storage.ts): the
 * engine's replica of each open document, its compactions and version-history copies encode and
 * decode whole workshops, which at 10k cards blocks for hundreds of milliseconds. Here that work
 * never holds up the page's frames or input. OPFS and Web Locks work the same in a worker.
 */
import { browserStorageHost, createBrowserStorage } from './browser-storage';
import type { StorageReply, StorageRequest, StorageWorkerEvent } from './worker-storage';

interface WorkerScope {
  postMessage(message: StorageWorkerEvent): void;
  onmessage: ((event: MessageEvent<StorageRequest>) => void) | null;
}
const scope = globalThis as unknown as WorkerScope;

const storage = createBrowserStorage(undefined, {
  ...browserStorageHost,
  // The page asks the person for files and hands them over; a worker has no document to ask with.
  pickFile: () => Promise.resolve(null),
  download: (fileName, bytes) => scope.postMessage({ kind: 'download', fileName, bytes }),
});
storage.onSaveState((handle, state) => scope.postMessage({ kind: 'save-state', handle, state }));

type Methods = Record<string, (...args: unknown[]) => unknown>;

scope.onmessage = (event) => {
  const request = event.data;
  // Updates are fire-and-forget and handled at once, so a later close or rename sees all of them.
  if (request.method === 'record') return storage.record(...(request.args as [string, Uint8Array]));
  void (async () => {
    let reply: StorageReply;
    try {
      const value = await (storage as unknown as Methods)[request.method]!(...request.args);
      reply = { kind: 'reply', id: request.id, ok: true, value };
    } catch (error) {
      reply = {
        kind: 'reply',
        id: request.id,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
      };
    }
    scope.postMessage(reply);
  })();
};
