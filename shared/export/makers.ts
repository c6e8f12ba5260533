/**
 * The function that makes each export format's bytes, one per id of ./formats.ts. Shared by the
 * command line and the app: what differs between them (where the fonts come from, how an SVG
 * becomes a PNG, where the PDF is laid out) is the `ExportEnvironment` each passes in.
 */
import type { DocSnapshot } from '../doc';
import { derivePlan, planSchema } from '../plan';
import type { BoardRegion } from './board-region';
import type { ExportFormatId, ExportStage } from './formats';
export { ExportProblem } from './export-problem';
import { exportJsonCanvas, serialiseJsonCanvas } from './json-canvas';
import type { ExportFonts } from './pdf/fonts';
import { buildPlanPdf, type PlanPdfInput } from './pdf/plan-pdf';
import { boardSvg } from './svg';

export type ExportSource = Pick<DocSnapshot, 'meta' | 'cards' | 'frames' | 'connectors' | 'quarantine'>;

export interface ExportInput {
  readonly source: ExportSource;
  /** The part of the board a picture shows (the plan formats always cover the whole source). */
  readonly region: BoardRegion;
  /** Output pixels per board unit, for pictures. */
  readonly scale: number;
  /** PDF: one picture page per frame after the whole board. */
  readonly framePages: boolean;
  /** The plan records which Dreamboard made it, and when. */
  readonly appVersion: string;
  readonly now: number;
}

/** What the command line and the app do differently. */
export interface ExportEnvironment {
  /** DejaVu Sans, read from resources/fonts (Node) or fetched from the app's own files. */
  fonts(): Promise<ExportFonts>;
  /** A PNG of an SVG at its size: resvg in Node, a canvas in the browser. Too big throws ExportProblem. */
  rasterise(svg: string, size: { width: number; height: number }): Promise<Uint8Array>;
  /** Lays out the PDF: directly in Node, in a worker in the app (so Cancel can end it). */
  pdf(input: PlanPdfInput): Promise<Uint8Array>;
  /** Told as each step starts (the dialog's progress); the app throws here once cancelled. */
  stage(stage: ExportStage): void;
}

export type ExportMaker = (input: ExportInput, env: ExportEnvironment) => Promise<Uint8Array>;

// shared/ has no DOM or Node types; TextEncoder is in every runtime it runs in.
declare const TextEncoder: new () => { encode(text: string): Uint8Array };
const encode = (text: string) => new TextEncoder().encode(text);
const pictureTitle = (input: ExportInput) => input.source.meta.title.trim() || 'Dreamboard workshop';
const planOf = (input: ExportInput) =>
  derivePlan(input.source, { appVersion: input.appVersion, now: input.now });

function picture(input: ExportInput) {
  return boardSvg(input.source, { region: input.region, scale: input.scale, title: pictureTitle(input) });
}

export const EXPORT_MAKERS: { readonly [Id in ExportFormatId]: ExportMaker } = {
  async pdf(input, env) {
    env.stage('plan');
    const plan = planOf(input);
    env.stage('fonts');
    const fonts = await env.fonts();
    env.stage('pdf');
    return env.pdf({ plan, board: input.source, fonts, framePages: input.framePages });
  },
  async json(input, env) {
    env.stage('plan');
    // Checked against the schema on the way out: a plan that does not match is a bug, never a file.
    const plan = planSchema.parse(planOf(input));
    return encode(`${JSON.stringify(plan, null, 2)}\n`);
  },
  async png(input, env) {
    env.stage('picture');
    const drawn = picture(input);
    return env.rasterise(drawn.svg, drawn);
  },
  async svg(input, env) {
    env.stage('picture');
    return encode(picture(input).svg);
  },
  async canvas(input, env) {
    env.stage('plan');
    return encode(serialiseJsonCanvas(exportJsonCanvas(input.source)));
  },
};

/** `makeExport` over a table of makers; a test builds one with one more (see formatRegistry). */
export function makerRegistry<Id extends string>(makers: Readonly<Record<Id, ExportMaker>>) {
  return {
    /** Makes one export's bytes. */
    makeExport(id: Id, input: ExportInput, env: ExportEnvironment): Promise<Uint8Array> {
      const maker = (makers as Readonly<Record<string, ExportMaker | undefined>>)[id];
      if (!maker) return Promise.reject(new Error(`No maker for the export format "${id}"`));
      return maker(input, env);
    },
  };
}

export const { makeExport } = makerRegistry<ExportFormatId>(EXPORT_MAKERS);

/** The environment's PDF step when nothing needs to run elsewhere (Node, tests). */
export const buildPdfHere: ExportEnvironment['pdf'] = (input) => buildPlanPdf(input);
