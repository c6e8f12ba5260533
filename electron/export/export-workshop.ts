import type { DocSnapshot } from '../../shared/doc';
import { boardSvg, buildPlanPdf, exportJsonCanvas, serialiseJsonCanvas } from '../../shared/export';
import type { FrameId } from '../../shared/model';
import { derivePlan, planSchema } from '../../shared/plan';
import { loadExportFonts } from './fonts';
import type { ExportFormat } from './formats';

/** What to export, and the facts the plan records about its making. */
export interface ExportRequest {
  readonly format: ExportFormat;
  /** Export only this frame (its title, or its id). */
  readonly frame?: string;
  /** Pixels per board unit for svg and png. */
  readonly scale?: number;
  /** PDF: add one picture page per frame. */
  readonly framePages?: boolean;
  readonly appVersion: string;
  readonly now: number;
}

/** A problem the person exporting can fix (wrong frame name, too big a picture), in plain words. */
export class ExportError extends Error {}

export type ExportSource = Pick<DocSnapshot, 'meta' | 'cards' | 'frames' | 'connectors' | 'quarantine'>;

/**
 * Every export format from one validated snapshot: what the command line calls, built from the
 * same shared code the app calls (only fonts and PNG rasterising are Node-specific here).
 */
export async function exportSnapshot(snapshot: ExportSource, request: ExportRequest): Promise<Uint8Array> {
  const source =
    request.frame === undefined ? snapshot : onlyFrame(snapshot, findFrame(snapshot, request.frame));
  const title = source.meta.title;
  switch (request.format) {
    case 'json': {
      // Checked against the schema on the way out: a plan that does not match is a bug, never a file.
      const plan = planSchema.parse(derivePlan(source, { appVersion: request.appVersion, now: request.now }));
      return encode(`${JSON.stringify(plan, null, 2)}\n`);
    }
    case 'pdf': {
      const plan = derivePlan(source, { appVersion: request.appVersion, now: request.now });
      return buildPlanPdf({
        plan,
        board: source,
        fonts: await loadExportFonts(),
        framePages: request.framePages ?? false,
      });
    }
    case 'svg':
      return encode(boardSvg(source, { scale: request.scale ?? 1, title }).svg);
    case 'png': {
      const picture = boardSvg(source, { scale: request.scale ?? 1, title });
      // Loaded only when a PNG is asked for: resvg is a native module most exports never need.
      const { svgToPng, PngTooLargeError } = await import('./png');
      try {
        return svgToPng(picture.svg, picture);
      } catch (error) {
        if (error instanceof PngTooLargeError) throw new ExportError(error.message);
        throw error;
      }
    }
    case 'canvas':
      return encode(serialiseJsonCanvas(exportJsonCanvas(source)));
  }
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
    throw new ExportError(
      `${matches.length} frames are called "${nameOrId}". Use a frame id instead: ${matches.map((f) => f.id).join(', ')}.`,
    );
  throw new ExportError(
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

const encode = (text: string) => new TextEncoder().encode(text);
