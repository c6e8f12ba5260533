import { framesInZOrder } from '../../doc';
import {
  CHECKS_ALL_CLEAR,
  PLAN_HEADINGS,
  PLAN_SCHEMA_VERSION,
  framesInReadingOrder,
  plainTimestamp,
  presentPlan,
  type Plan,
  type PlanSectionId,
} from '../../plan';
import type { BoardSource } from '../board-region';
import { boardSvg, type BoardSvgOptions } from '../svg';
import type { ExportFonts } from './fonts';
import { PdfComposer } from './pdf-composer';
import { writePlanSections } from './plan-sections';

export interface PlanPdfInput {
  /** The plan to print (derivePlan). Names appear only if the plan was derived with them. */
  readonly plan: Plan;
  /** The same snapshot the plan came from: the board pictures are drawn from it. */
  readonly board: BoardSource;
  readonly fonts: ExportFonts;
  /** Add one picture page per frame after the whole board. */
  readonly framePages?: boolean;
}

/**
 * The plan as a PDF for a board paper: title page, one-page summary, a vector picture of the
 * whole board (optionally one per frame), every plan section, the plan checks, what could not
 * be read, and provenance; page numbers and document metadata throughout.
 */
export async function buildPlanPdf(input: PlanPdfInput): Promise<Uint8Array> {
  const { plan } = input;
  const title = plan.meta.title.trim() || 'Untitled workshop';
  const pdf = new PdfComposer(input.fonts, {
    title: `${title} — service plan`,
    subject: plan.meta.context.slice(0, 500) || 'Service plan from a Dreamboard workshop',
    keywords: 'Dreamboard, service plan, co-design',
    createdAt: new Date(plan.meta.generatedAt),
  });

  writeTitlePage(pdf, plan, title);
  pdf.newPage();
  writeSummary(pdf, plan);
  writeBoardPictures(pdf, input);
  pdf.newPage();
  writePlanSections(pdf, plan);
  writeChecks(pdf, plan);
  writeProvenance(pdf, plan);
  return pdf.finish(`${title} — service plan`);
}

function writeTitlePage(pdf: PdfComposer, plan: Plan, title: string): void {
  pdf.paragraph('Service plan', { muted: true, size: 14 });
  pdf.title(title);
  if (plan.meta.context.trim() !== '') pdf.paragraph(plan.meta.context, { size: 12 });
  pdf.paragraph(`Made with Dreamboard on ${plainTimestamp(plan.meta.generatedAt)}.`, { muted: true });
  if (plan.meta.createdAt)
    pdf.paragraph(`Workshop started ${plainTimestamp(plan.meta.createdAt)}.`, { muted: true });
  if (plan.omitted.length > 0)
    pdf.paragraph(
      `${plan.omitted.length} item${plan.omitted.length === 1 ? '' : 's'} of the workshop could not be read and ` +
        `${plan.omitted.length === 1 ? 'is' : 'are'} not in this plan; see “Left out of this plan”.`,
      { bold: true },
    );
}

function writeSummary(pdf: PdfComposer, plan: Plan): void {
  pdf.heading(PLAN_HEADINGS.summary);
  const sections = presentPlan(plan, { dates: 'long' });
  const counted = sections.filter((s) => s.level === 1 && s.id !== 'participation');
  pdf.table(
    ['In this plan', 'Number'],
    [
      ...counted.map((s) => [s.title, String(s.rows.length)]),
      [PLAN_HEADINGS.checks, String(plan.gaps.length)],
    ],
    ['*', 80],
  );
  const highlight = (id: PlanSectionId) => {
    const section = sections.find((s) => s.id === id)!;
    if (section.rows.length === 0) return;
    const items = section.rows.map((r) => String(r.cells[0]));
    pdf.heading(section.title, 2);
    pdf.bullets(items.length > 5 ? [...items.slice(0, 5), `and ${items.length - 5} more`] : items);
  };
  highlight('vision');
  highlight('outcomes');
  highlight('next-steps');
}

function writeBoardPictures(pdf: PdfComposer, input: PlanPdfInput): void {
  const fit = (options: BoardSvgOptions) => (box: { width: number; height: number }) => {
    const natural = boardSvg(input.board, { ...options, scale: 1 });
    const scale = Math.min(box.width / natural.viewBox.w, box.height / natural.viewBox.h);
    return boardSvg(input.board, { ...options, scale }).svg;
  };
  pdf.pictureSection(PLAN_HEADINGS.board, fit({ region: { kind: 'board' } }));
  if (!input.framePages) return;
  const frames = framesInReadingOrder(framesInZOrder(input.board));
  for (const frame of frames) {
    pdf.pictureSection(
      `Frame: ${frame.title || 'Untitled frame'}`,
      fit({ region: { kind: 'frame', frameId: frame.id } }),
    );
  }
}

function writeChecks(pdf: PdfComposer, plan: Plan): void {
  pdf.heading(PLAN_HEADINGS.checks);
  if (plan.gaps.length === 0) pdf.paragraph(CHECKS_ALL_CLEAR, { muted: true });
  else {
    pdf.paragraph('Places where the plan is not yet whole. Each is a card on the board to look at.', {
      muted: true,
    });
    pdf.bullets(plan.gaps.map((g) => g.message));
  }
  if (plan.omitted.length > 0) {
    pdf.heading(PLAN_HEADINGS.omitted);
    pdf.paragraph(
      'These items of the workshop could not be read (they may come from a newer version of Dreamboard, or be damaged). ' +
        'They are still in the workshop file, unchanged.',
      { muted: true },
    );
    pdf.table(
      ['Kind of item', 'Id', 'Why'],
      plan.omitted.map((o) => [o.collection.replace(/s$/, ''), o.id, o.reason]),
      [80, 140, '*'],
    );
  }
}

function writeProvenance(pdf: PdfComposer, plan: Plan): void {
  pdf.heading(PLAN_HEADINGS.about);
  pdf.table(
    ['', ''],
    [
      ['Made by', `${plan.provenance.generator} ${plan.provenance.appVersion}`],
      ['Made on', plainTimestamp(plan.meta.generatedAt)],
      ['Plan format version', String(PLAN_SCHEMA_VERSION)],
      ['Workshop format version', String(plan.provenance.documentSchemaVersion)],
      ['Template', plan.meta.template],
      ['Content fingerprint', plan.provenance.contentHash],
    ],
    [140, '*'],
  );
}
