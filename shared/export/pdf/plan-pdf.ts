import { framesInZOrder } from '../../doc';
import { PLAN_SCHEMA_VERSION, framesInReadingOrder, type Plan } from '../../plan';
import type { BoardSource } from '../board-region';
import { boardSvg, type BoardSvgOptions } from '../svg';
import type { ExportFonts } from './fonts';
import { kindLabel } from './labels';
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
  pdf.paragraph(`Made with Dreamboard on ${formatDate(plan.meta.generatedAt)}.`, { muted: true });
  if (plan.meta.createdAt)
    pdf.paragraph(`Workshop started ${formatDate(plan.meta.createdAt)}.`, { muted: true });
  if (plan.omitted.length > 0)
    pdf.paragraph(
      `${plan.omitted.length} item${plan.omitted.length === 1 ? '' : 's'} of the workshop could not be read and ` +
        `${plan.omitted.length === 1 ? 'is' : 'are'} not in this plan; see “Left out of this plan”.`,
      { bold: true },
    );
}

function writeSummary(pdf: PdfComposer, plan: Plan): void {
  pdf.heading('Summary');
  const counts: [string, number][] = [
    ['Vision cards', plan.vision.entries.length],
    ['Needs', plan.people.needs.length],
    ['Quotes (with consent)', plan.people.voices.length],
    ['Strengths', plan.strengths.length],
    ['Partners', plan.partners.length],
    ['Services and activities', plan.services.length],
    ['Outcomes', plan.outcomes.length],
    ['Resources', plan.resources.length],
    ['Barriers', plan.barriers.length],
    ['Experiments', plan.learning.length],
    ['Next steps', plan.nextSteps.length],
    ['Links between cards', plan.links.length],
    ['Plan checks to look at', plan.gaps.length],
  ];
  pdf.table(
    ['In this plan', 'Number'],
    counts.map(([what, n]) => [what, String(n)]),
    ['*', 80],
  );
  const highlight = (heading: string, items: readonly string[]) => {
    if (items.length === 0) return;
    pdf.heading(heading, 2);
    pdf.bullets(items.length > 5 ? [...items.slice(0, 5), `and ${items.length - 5} more`] : items);
  };
  highlight(
    'The dream',
    plan.vision.entries.map((e) => `${kindLabel(e.kind)}: ${e.text}`),
  );
  highlight(
    'Outcomes we want',
    plan.outcomes.map((o) => o.text),
  );
  highlight(
    'Next steps',
    plan.nextSteps.map((s) => (s.owner ? `${s.text} (${s.owner})` : s.text)),
  );
}

function writeBoardPictures(pdf: PdfComposer, input: PlanPdfInput): void {
  const fit = (options: BoardSvgOptions) => (box: { width: number; height: number }) => {
    const natural = boardSvg(input.board, { ...options, scale: 1 });
    const scale = Math.min(box.width / natural.viewBox.w, box.height / natural.viewBox.h);
    return boardSvg(input.board, { ...options, scale }).svg;
  };
  pdf.pictureSection('The whole board', fit({ region: { kind: 'board' } }));
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
  pdf.heading('Plan checks');
  if (plan.gaps.length === 0)
    pdf.paragraph('Every outcome, barrier, experiment and next step is complete.', { muted: true });
  else {
    pdf.paragraph('Places where the plan is not yet whole. Each is a card on the board to look at.', {
      muted: true,
    });
    pdf.bullets(plan.gaps.map((g) => g.message));
  }
  if (plan.omitted.length > 0) {
    pdf.heading('Left out of this plan');
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
  pdf.heading('About this plan');
  pdf.table(
    ['', ''],
    [
      ['Made by', `${plan.provenance.generator} ${plan.provenance.appVersion}`],
      ['Made on', plan.meta.generatedAt],
      ['Plan format version', String(PLAN_SCHEMA_VERSION)],
      ['Workshop format version', String(plan.provenance.documentSchemaVersion)],
      ['Template', plan.meta.template],
      ['Content fingerprint', plan.provenance.contentHash],
    ],
    [140, '*'],
  );
}

function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
