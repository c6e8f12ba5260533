/**
 * The watchdog's decoder (see watchdog-gate.ts): runs the same check as `decodeGate` on a peer's
 * update, off the page's thread. If a crafted update makes the decoder loop or crawl, the page
 * terminates this worker and starts a fresh one; nothing here needs to defend against that.
 */
import { decodeGate } from '../../shared/sync/untrusted-update';
import type { GateWorkerReply, GateWorkerRequest } from './watchdog-gate';

interface WorkerScope {
  postMessage(message: GateWorkerReply): void;
  onmessage: ((event: MessageEvent<GateWorkerRequest>) => void) | null;
}
const scope = globalThis as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { id, update, limits } = event.data;
  // decodeGate never throws; its verdict is plain data, so it crosses back by structured clone.
  scope.postMessage({ kind: 'verdict', id, verdict: decodeGate(update, limits) });
};

// The page posts nothing until it hears this, so a worker that cannot load is told apart from a
// crafted update that kills it.
scope.postMessage({ kind: 'ready' });
