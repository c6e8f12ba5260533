/**
 * Makes the bytes of one export from the snapshot the person is looking at: the same shared code
 * as the command line (electron/export/export-workshop.ts), with the PDF built in a worker and the
 * PNG drawn by the browser. Cancellable: Cancel ends the PDF worker, and a cancelled export never
 * reaches the saver.
 */
import type { DocSnapshot } from '../../shared/doc';
import type { BoardRegion } from '../../shared/export/board-region';
import { exportJsonCanvas, serialiseJsonCanvas } from '../../shared/export/json-canvas';
import { boardSvg } from '../../shared/export/svg';
import { planSchema } from '../../shared/plan';
import type { ExportFile } from '../platform/export';
import { loadExportFonts } from './fonts';
import { exportFileName, fileKindOf, MIME_TYPES, type ExportChoice } from './formats';
import { ExportCancelled, runPdfJob, type Cancellable } from './pdf-runner';
import { planOf } from './plan-of';
import { svgToPng } from './png';

export type ExportSource = Pick<DocSnapshot, 'meta' | 'cards' | 'frames' | 'connectors' | 'quarantine'>;

/** Steps the dialog shows while a long export runs. */
export type ExportStage = 'plan' | 'fonts' | 'pdf' | 'picture';

export const STAGE_TEXT: Readonly<Record<ExportStage, string>> = {
  plan: 'Putting the plan together…',
  fonts: 'Loading the fonts…',
  pdf: 'Laying out the PDF pages…',
  picture: 'Drawing the picture…',
};

/** The steps an export goes through, in order, for "Step 2 of 4"; saving is always last. */
export function stagesOf(choice: Pick<ExportChoice, 'format'>): readonly (ExportStage | 'saving')[] {
  switch (choice.format) {
    case 'plan-pdf':
      return ['plan', 'fonts', 'pdf', 'saving'];
    case 'image':
      return ['picture', 'saving'];
    default:
      return ['plan', 'saving'];
  }
}

const encode = (text: string) => new TextEncoder().encode(text);

export function startExport(
  source: ExportSource,
  choice: ExportChoice,
  onStage: (stage: ExportStage) => void,
): Cancellable<ExportFile> {
  let cancelled = false;
  let cancelInner: (() => void) | null = null;
  const kind = fileKindOf(choice);
  const frameTitle =
    choice.region.kind === 'frame' ? source.frames.get(choice.region.frameId as never)?.title : undefined;
  const file = (bytes: Uint8Array): ExportFile => ({
    suggestedName: exportFileName(source.meta.title, choice, frameTitle),
    kind,
    mime: MIME_TYPES[kind],
    bytes,
  });
  const checkCancelled = () => {
    if (cancelled) throw new ExportCancelled();
  };

  const run = async (): Promise<ExportFile> => {
    // Let the dialog paint its progress before the synchronous work below.
    await Promise.resolve();
    switch (choice.format) {
      case 'plan-json': {
        onStage('plan');
        // Checked against the schema on the way out: a plan that does not match is a bug, never a file.
        const plan = planSchema.parse(planOf(source));
        return file(encode(`${JSON.stringify(plan, null, 2)}\n`));
      }
      case 'plan-pdf': {
        onStage('plan');
        const plan = planOf(source);
        onStage('fonts');
        const fonts = await loadExportFonts();
        checkCancelled();
        onStage('pdf');
        const board = { cards: source.cards, frames: source.frames, connectors: source.connectors };
        const job = runPdfJob({ plan, board, fonts, framePages: choice.framePages });
        cancelInner = job.cancel;
        return file(await job.result);
      }
      case 'image': {
        onStage('picture');
        const picture = boardSvg(source, {
          region: choice.region as BoardRegion,
          scale: choice.scale,
          title: source.meta.title || 'Dreamboard workshop',
        });
        if (choice.imageType === 'svg') return file(encode(picture.svg));
        const bytes = await svgToPng(picture.svg, picture);
        checkCancelled();
        return file(bytes);
      }
      case 'canvas':
        onStage('plan');
        return file(encode(serialiseJsonCanvas(exportJsonCanvas(source))));
    }
  };

  let rejectCancelled: (reason: unknown) => void = () => undefined;
  const cancelledPromise = new Promise<never>((_resolve, reject) => {
    rejectCancelled = reject;
  });
  // Whichever comes first: the export, or Cancel (which must win even while a step is awaited).
  const result = Promise.race([run(), cancelledPromise]);
  cancelledPromise.catch(() => undefined);
  return {
    result,
    cancel() {
      if (cancelled) return;
      cancelled = true;
      cancelInner?.();
      rejectCancelled(new ExportCancelled());
    },
  };
}
