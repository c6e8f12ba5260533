/** Messages between the page and the PDF worker (pdf-worker.ts). Plain data: structured clone carries them. */
import type { BoardSource, ExportFonts } from '../../shared/export';
import type { Plan } from '../../shared/plan';

export interface PdfJob {
  readonly plan: Plan;
  readonly board: BoardSource;
  readonly fonts: ExportFonts;
  readonly framePages: boolean;
}

export type PdfWorkerReply =
  | { readonly type: 'done'; readonly bytes: Uint8Array }
  | { readonly type: 'failed'; readonly message: string };
