import type { PdfJob, PdfWorkerReply } from './pdf-protocol';

export interface Cancellable<T> {
  readonly result: Promise<T>;
  /** Stops the work; `result` then rejects with ExportCancelled. Safe to call more than once. */
  cancel(): void;
}

export class ExportCancelled extends Error {
  constructor() {
    super('Export cancelled');
  }
}

/** Anything shaped like a Worker, so tests can drive the runner without a browser. */
export interface WorkerLike {
  onmessage: ((event: MessageEvent<PdfWorkerReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: PdfJob): void;
  terminate(): void;
}

export const createPdfWorker = (): WorkerLike =>
  new Worker(new URL('./pdf-worker.ts', import.meta.url), {
    type: 'module',
    name: 'dreamboard-pdf',
  }) as unknown as WorkerLike;

/**
 * Runs one PDF build in its own worker and ends the worker when it answers, fails or is cancelled:
 * a cancelled build never delivers bytes, so nothing is saved or downloaded after Cancel.
 */
export function runPdfJob(
  job: PdfJob,
  makeWorker: () => WorkerLike = createPdfWorker,
): Cancellable<Uint8Array> {
  let worker: WorkerLike | null = makeWorker();
  let rejectRun: (reason: unknown) => void = () => undefined;
  const finish = () => {
    worker?.terminate();
    worker = null;
  };
  const result = new Promise<Uint8Array>((resolve, reject) => {
    rejectRun = reject;
    const w = worker!;
    w.onmessage = (event) => {
      finish();
      if (event.data.type === 'done') resolve(event.data.bytes);
      else reject(new Error(event.data.message));
    };
    w.onerror = (event) => {
      finish();
      reject(new Error(event.message || 'The PDF builder stopped unexpectedly.'));
    };
    w.postMessage(job);
  });
  return {
    result,
    cancel() {
      if (worker === null) return;
      finish();
      rejectRun(new ExportCancelled());
    },
  };
}
