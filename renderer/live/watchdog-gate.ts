import {
  decodeGate,
  type GateVerdict,
  type UpdateGate,
  type UpdateLimits,
} from '../../shared/sync/untrusted-update';

/**
 * The watchdog gate (docs/sync-protocol.md, "Untrusted updates", step 3): a peer's update is
 * decoded in a dedicated Worker with the same checks as `decodeGate`, and refused if the decode
 * takes longer than its time budget. Then the worker is terminated (the only way to stop a
 * decoder stuck in a loop: yjs issue #687) and a fresh one takes the next update. The page's
 * thread never runs a peer's bytes through the decoder, so a crafted update cannot freeze it.
 *
 * Requests are answered one at a time in arrival order; SyncPeerProtocol already keeps a peer's
 * updates in order behind a pending verdict. One gate (one worker) may serve every peer: a
 * hostile peer can then delay the others by at most one budget per update it sends, and strikes
 * drop it after a few refusals.
 */

export type GateWorkerRequest = {
  readonly id: number;
  readonly update: Uint8Array;
  readonly limits: UpdateLimits;
};

export type GateWorkerReply =
  | { readonly kind: 'ready' }
  | { readonly kind: 'verdict'; readonly id: number; readonly verdict: GateVerdict };

/** What the gate needs of a Worker; tests inject a fake. */
export interface GateWorker {
  postMessage(message: GateWorkerRequest, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<GateWorkerReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface WatchdogGateOptions {
  /** Time every update gets, whatever its size. */
  readonly baseBudgetMs?: number;
  /** Extra time per MiB of update, so a large legitimate update (a late joiner's whole workshop) passes. */
  readonly budgetMsPerMiB?: number;
  /** The most time any one update gets, whatever its size. */
  readonly maxBudgetMs?: number;
  /** How long a new worker may take to load before it counts as failed to start. */
  readonly startupBudgetMs?: number;
  /** Updates smaller than this are decoded on the calling thread (0: none are). */
  readonly inlineBelowBytes?: number;
  readonly createWorker?: () => GateWorker;
}

/**
 * Defaults, from measurements on the 2-core test machine (figures printed by
 * tests/e2e/live-watchdog.spec.ts and tests/unit/renderer/live/watchdog-gate.test.ts; two runs each, the
 * higher figures while other builds and tests shared the CPU):
 *
 * - A 10,000-card workshop is a 3.5 MB update. Through the worker in Chromium: 419–1,205 ms in a
 *   fresh worker (cold JIT: the first big update after a start or a kill), 217–546 ms warm;
 *   450–760 ms in Node. Its budget is 1,000 + 3.3 MiB × 3,000 ms ≈ 11 s: 9× the worst cold
 *   figure, for slower laptops, a busier CPU and garbage collection. Refusing an honest late
 *   joiner's workshop breaks the session; waiting longer on a hostile update costs little (the
 *   sender is struck and soon dropped), so the margin leans towards waiting.
 * - The yjs V1 decoder reads at least one byte per step, so honest decoding time grows with size;
 *   the budget grows with it, capped at 30 s (a 32 MiB update, the size limit, decodes in about
 *   12 s cold at the slowest rate above).
 * - Small updates: a ~100-byte card edit took 0.16–1.0 ms per round trip through the worker, of
 *   which 0.05 ms inside the gate call (copy, postMessage); decoding it inline took 0.03–0.5 ms.
 *   So the page spends about as much time per update either way, the latency is at most about
 *   1 ms (invisible on a peer's edit), and small updates go to the worker too
 *   (inlineBelowBytes 0): decoding them inline would gain next to nothing and would put the
 *   page's thread back in reach of any decoder bug a short input can trigger (yjs #498: an empty
 *   update once looped forever).
 */
export const WATCHDOG_DEFAULTS = {
  baseBudgetMs: 1_000,
  budgetMsPerMiB: 3_000,
  maxBudgetMs: 30_000,
  startupBudgetMs: 10_000,
  inlineBelowBytes: 0,
} as const;

/** Failed starts in a row after which the worker is given up and updates are decoded inline. */
const MAX_FAILED_STARTS = 2;

export interface WatchdogStats {
  /** Verdicts that came from a worker. */
  decodedInWorker: number;
  /** Verdicts from decodeGate on the calling thread (small updates, or no working Worker). */
  decodedInline: number;
  /** Updates refused for taking too long (each one a worker terminated). */
  timedOut: number;
  /** Workers that crashed while decoding. */
  crashed: number;
  workersStarted: number;
  /** True once the worker could not be started and every update is decoded inline. */
  inlineOnly: boolean;
}

export type WatchdogGate = UpdateGate & {
  dispose(): void;
  /** Starts the worker now (it loads while a join connects) instead of on the first update. */
  warm(): void;
  readonly stats: Readonly<WatchdogStats>;
};

interface Job {
  readonly id: number;
  /** Our own copy; its buffer is transferred to the worker, so the caller's bytes are untouched. */
  readonly update: Uint8Array<ArrayBuffer>;
  readonly limits: UpdateLimits;
  readonly resolve: (verdict: GateVerdict) => void;
}

const TOOK_TOO_LONG: GateVerdict = { ok: false, reason: 'took too long' };
const STOPPED: GateVerdict = { ok: false, reason: 'update gate stopped' };

const defaultWorker = (): GateWorker =>
  new Worker(new URL('./update-gate.worker.ts', import.meta.url), {
    type: 'module',
    name: 'dreamboard-update-gate',
  });

/** Time allowed for one update of `bytes` bytes. */
export function decodeBudgetMs(bytes: number, options: WatchdogGateOptions = {}): number {
  const base = options.baseBudgetMs ?? WATCHDOG_DEFAULTS.baseBudgetMs;
  const perMiB = options.budgetMsPerMiB ?? WATCHDOG_DEFAULTS.budgetMsPerMiB;
  const max = options.maxBudgetMs ?? WATCHDOG_DEFAULTS.maxBudgetMs;
  return Math.min(max, base + (perMiB * bytes) / (1024 * 1024));
}

export function createWatchdogGate(options: WatchdogGateOptions = {}): WatchdogGate {
  const stats: WatchdogStats = {
    decodedInWorker: 0,
    decodedInline: 0,
    timedOut: 0,
    crashed: 0,
    workersStarted: 0,
    inlineOnly: false,
  };
  const inline = (update: Uint8Array, limits: UpdateLimits): GateVerdict => {
    stats.decodedInline++;
    return decodeGate(update, limits);
  };
  if (!options.createWorker && typeof Worker === 'undefined') {
    // No workers here (Node, an old embedder): the same check as without a watchdog.
    stats.inlineOnly = true;
    return Object.assign((update: Uint8Array, limits: UpdateLimits) => inline(update, limits), {
      dispose: () => undefined,
      warm: () => undefined,
      stats,
    });
  }
  const createWorker = options.createWorker ?? defaultWorker;
  const inlineBelow = options.inlineBelowBytes ?? WATCHDOG_DEFAULTS.inlineBelowBytes;
  const startupBudgetMs = options.startupBudgetMs ?? WATCHDOG_DEFAULTS.startupBudgetMs;

  const queue: Job[] = [];
  let current: Job | null = null;
  let worker: GateWorker | null = null;
  let ready = false;
  let failedStarts = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let nextId = 1;
  let disposed = false;

  const stopTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  const killWorker = () => {
    stopTimer();
    const dying = worker;
    worker = null;
    ready = false;
    if (!dying) return;
    dying.onmessage = null;
    dying.onerror = null;
    try {
      dying.terminate();
    } catch {
      // Already gone; nothing else to free.
    }
  };

  const finish = (job: Job, verdict: GateVerdict) => {
    if (current === job) current = null;
    job.resolve(verdict);
    pump();
  };

  /** The worker never got going (it failed to load, or took too long to): retry once, then decode inline. */
  const startFailed = () => {
    killWorker();
    failedStarts++;
    if (failedStarts >= MAX_FAILED_STARTS) {
      stats.inlineOnly = true;
      // These jobs were never posted, so their bytes are intact.
      for (const job of queue.splice(0)) job.resolve(inline(job.update, job.limits));
      return;
    }
    pump();
  };

  const startWorker = () => {
    let started: GateWorker;
    try {
      started = createWorker();
    } catch {
      return startFailed();
    }
    worker = started;
    stats.workersStarted++;
    started.onmessage = (event) => {
      if (worker !== started) return;
      const reply = event.data;
      if (reply.kind === 'ready') {
        ready = true;
        failedStarts = 0;
        stopTimer();
        return pump();
      }
      const job = current;
      if (reply.kind !== 'verdict' || !job || reply.id !== job.id) return;
      stopTimer();
      stats.decodedInWorker++;
      finish(job, reply.verdict);
    };
    started.onerror = (event) => {
      if (worker !== started) return;
      event?.preventDefault?.();
      if (!ready) return startFailed();
      // It died on this update (out of memory, a stack overflow the decoder did not catch).
      const job = current;
      killWorker();
      stats.crashed++;
      if (job) finish(job, { ok: false, reason: 'decoder crashed' });
      else pump();
    };
    timer = setTimeout(startFailed, startupBudgetMs);
  };

  /** Hands the next queued update to the worker, starting one if needed. */
  const pump = () => {
    if (disposed || current || queue.length === 0) return;
    if (stats.inlineOnly) {
      for (const job of queue.splice(0)) job.resolve(inline(job.update, job.limits));
      return;
    }
    if (!worker) return startWorker();
    if (!ready) return;
    const job = queue.shift()!;
    current = job;
    timer = setTimeout(
      () => {
        if (current !== job) return;
        killWorker();
        stats.timedOut++;
        finish(job, TOOK_TOO_LONG);
      },
      decodeBudgetMs(job.update.byteLength, options),
    );
    try {
      worker.postMessage({ id: job.id, update: job.update, limits: job.limits }, [job.update.buffer]);
    } catch (e) {
      killWorker();
      finish(job, { ok: false, reason: `could not reach the decoder: ${String(e)}` });
    }
  };

  const gate: UpdateGate = (update, limits) => {
    if (disposed) return STOPPED;
    if (stats.inlineOnly || update.byteLength < inlineBelow) return inline(update, limits);
    return new Promise<GateVerdict>((resolve) => {
      // Plain limits: the caller's object may carry more (SyncLimits) than needs to be cloned.
      const plainLimits = { maxUpdateBytes: limits.maxUpdateBytes, maxStructs: limits.maxStructs };
      queue.push({ id: nextId++, update: update.slice(), limits: plainLimits, resolve });
      pump();
    });
  };

  const dispose = () => {
    if (disposed) return;
    disposed = true;
    killWorker();
    const waiting = current ? [current, ...queue.splice(0)] : queue.splice(0);
    current = null;
    for (const job of waiting) job.resolve(STOPPED);
  };

  const warm = () => {
    if (!disposed && !worker && !stats.inlineOnly) startWorker();
  };

  return Object.assign(gate, { dispose, warm, stats });
}
