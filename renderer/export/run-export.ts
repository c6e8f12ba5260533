/**
 * Makes the bytes of one export from the snapshot the person is looking at, through the same
 * makers as the command line (shared/export/makers.ts). What the app does its own way: the fonts
 * are fetched, the PDF is laid out in a worker, a PNG is drawn by the browser. Cancellable: Cancel
 * ends the PDF worker, and a cancelled export never reaches the saver.
 */
import type { DocSnapshot } from '../../shared/doc';
import type { BoardRegion } from '../../shared/export/board-region';
import { exportFormat, type ExportStage } from '../../shared/export/formats';
import { makeExport, type ExportEnvironment } from '../../shared/export/makers';
import type { ExportFile } from '../platform/export';
import { version } from '../../package.json';
import { loadExportFonts } from './fonts';
import { exportFileName, type ExportChoice } from './formats';
import { ExportCancelled, runPdfJob, type Cancellable } from './pdf-runner';
import { svgToPng } from './png';

export type ExportSource = Pick<DocSnapshot, 'meta' | 'cards' | 'frames' | 'connectors' | 'quarantine'>;
export { STAGE_TEXT, type ExportStage } from '../../shared/export/formats';

/** The steps an export goes through, in order, for "Step 2 of 4"; saving is always last. */
export function stagesOf(choice: Pick<ExportChoice, 'format'>): readonly (ExportStage | 'saving')[] {
  return [...exportFormat(choice.format).stages, 'saving'];
}

export function startExport(
  source: ExportSource,
  choice: ExportChoice,
  onStage: (stage: ExportStage) => void,
  now: number = Date.now(),
): Cancellable<ExportFile> {
  let cancelled = false;
  let cancelInner: (() => void) | null = null;
  const format = exportFormat(choice.format);
  const frameTitle =
    choice.region.kind === 'frame' ? source.frames.get(choice.region.frameId as never)?.title : undefined;
  const checkCancelled = () => {
    if (cancelled) throw new ExportCancelled();
  };
  const environment: ExportEnvironment = {
    fonts: loadExportFonts,
    rasterise: svgToPng,
    pdf({ plan, board, fonts, framePages }) {
      // Only plain data crosses to the worker: the board's three maps, not the whole snapshot.
      const { cards, frames, connectors } = board;
      const job = runPdfJob({
        plan,
        board: { cards, frames, connectors },
        fonts,
        framePages: framePages ?? false,
      });
      cancelInner = job.cancel;
      return job.result;
    },
    stage(stage) {
      checkCancelled();
      onStage(stage);
    },
  };

  const run = async (): Promise<ExportFile> => {
    // Let the dialog paint its progress before the synchronous work below.
    await Promise.resolve();
    const bytes = await makeExport(
      choice.format,
      {
        source,
        region: format.options.region ? (choice.region as BoardRegion) : { kind: 'board' },
        scale: choice.scale,
        framePages: choice.framePages,
        appVersion: version,
        now,
      },
      environment,
    );
    checkCancelled();
    return {
      suggestedName: exportFileName(source.meta.title, choice, frameTitle),
      kind: choice.format,
      mime: format.mime,
      bytes,
    };
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
