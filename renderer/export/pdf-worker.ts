/**
 * Builds the plan PDF off the page's thread, so the app stays responsive while a big board is laid
 * out, and so Cancel can simply terminate the worker (pdfkit's build is one synchronous run that
 * cannot be interrupted from inside).
 */
import { buildPlanPdf } from '../../shared/export/pdf/plan-pdf';
import type { PdfJob, PdfWorkerReply } from './pdf-protocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<PdfJob>) => void) | null;
  postMessage(message: PdfWorkerReply, transfer?: Transferable[]): void;
}

// The renderer's tsconfig has DOM types, not WebWorker ones; this is the part of the scope used.
const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const job = event.data;
  buildPlanPdf({ plan: job.plan, board: job.board, fonts: job.fonts, framePages: job.framePages }).then(
    (bytes) => scope.postMessage({ type: 'done', bytes }, [bytes.buffer as ArrayBuffer]),
    (error: unknown) =>
      scope.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
};
