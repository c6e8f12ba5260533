import type { DocSnapshot } from '../../shared/doc';
import { ExportProblem } from '../../shared/export/export-problem';
import {
  buildPdfHere,
  makeExport,
  type ExportEnvironment,
  type ExportFormatId,
  type ExportSource,
} from '../../shared/export';
import type { FrameId } from '../../shared/model';
import { loadExportFonts } from './fonts';

/** What to export, and the facts the plan records about its making. */
export interface ExportRequest {
  readonly format: ExportFormatId;
  /** Export only this frame (its title, or its id). */
  readonly frame?: string;
  /** Pixels per board unit for svg and png. */
  readonly scale?: number;
  /** PDF: add one picture page per frame. */
  readonly framePages?: boolean;
  readonly appVersion: string;
  readonly now: number;
}

/** Node's side of an export: fonts from resources/fonts, PNGs drawn by resvg, the PDF laid out here. */
export const nodeExportEnvironment: ExportEnvironment = {
  fonts: loadExportFonts,
  async rasterise(svg, size) {
    // Loaded only when a PNG is asked for: resvg is a native module most exports never need.
    const { svgToPng, PngTooLargeError } = await import('./png');
    try {
      return svgToPng(svg, size);
    } catch (error) {
      if (error instanceof PngTooLargeError) throw new ExportProblem(error.message);
      throw error;
    }
  },
  pdf: buildPdfHere,
  stage: () => undefined,
};

/**
 * Any export format (shared/export/formats.ts) from one validated snapshot: what the command line
 * calls, through the same makers the app uses.
 */
export function exportSnapshot(snapshot: ExportSource, request: ExportRequest): Promise<Uint8Array> {
  const source =
    request.frame === undefined ? snapshot : onlyFrame(snapshot, findFrame(snapshot, request.frame));
  return makeExport(
    request.format,
    {
      source,
      region: { kind: 'board' },
      scale: request.scale ?? 1,
      framePages: request.framePages ?? false,
      appVersion: request.appVersion,
      now: request.now,
    },
    nodeExportEnvironment,
  );
}

/** A frame by id or by title (ignoring case and surrounding spaces); ambiguity is an error, not a guess. */
export function findFrame(snapshot: Pick<DocSnapshot, 'frames'>, nameOrId: string): FrameId {
  const byId = snapshot.frames.get(nameOrId as FrameId);
  if (byId) return byId.id;
  const wanted = nameOrId.trim().toLowerCase();
  const matches = [...snapshot.frames.values()].filter((f) => f.title.trim().toLowerCase() === wanted);
  if (matches.length === 1) return matches[0]!.id;
  const titles = [...snapshot.frames.values()].map((f) => `"${f.title}"`).join(', ');
  if (matches.length > 1)
    throw new ExportProblem(
      `${matches.length} frames are called "${nameOrId}". Use a frame id instead: ${matches.map((f) => f.id).join(', ')}.`,
    );
  throw new ExportProblem(
    snapshot.frames.size === 0
      ? `There is no frame called "${nameOrId}": this workshop has no frames.`
      : `There is no frame called "${nameOrId}". Frames: ${titles}.`,
  );
}

/** The workshop seen through one frame: its cards, and connectors between them. */
function onlyFrame(snapshot: ExportSource, frameId: FrameId): ExportSource {
  const cards = new Map([...snapshot.cards].filter(([, c]) => c.frame === frameId));
  const frames = new Map([...snapshot.frames].filter(([id]) => id === frameId));
  const connectors = new Map(
    [...snapshot.connectors].filter(([, c]) => cards.has(c.from) && cards.has(c.to)),
  );
  return { meta: snapshot.meta, cards, frames, connectors, quarantine: snapshot.quarantine };
}
