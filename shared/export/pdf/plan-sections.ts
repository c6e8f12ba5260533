import { presentPlan, type Plan, type PlanCell, type PlanColumn, type PresentedSection } from '../../plan';
import type { PdfComposer } from './pdf-composer';

/** Column widths in points on an A4 page: 'wide' columns share what the others leave. */
const WIDTHS = { narrow: 72, medium: 110, wide: '*' } as const;

const cellText = (cell: PlanCell): string =>
  cell === null ? '—' : typeof cell === 'string' ? cell : cell.join('\n');

export const columnWidths = (columns: readonly PlanColumn[]) => columns.map((c) => WIDTHS[c.size]);

/** Every plan section, headed and worded as the Plan panel has it (shared/plan/presentation). */
export function writePlanSections(pdf: PdfComposer, plan: Plan): void {
  for (const section of presentPlan(plan, { dates: 'long' })) writeSection(pdf, section);
}

function writeSection(pdf: PdfComposer, section: PresentedSection): void {
  // A part of a section (the quotes, the thresholds) is left out when it has nothing to say.
  if (section.level === 2 && section.rows.length === 0 && section.notes.length === 0) return;
  pdf.heading(section.title, section.level);
  if (section.rows.length === 0) pdf.paragraph(section.empty, { muted: true });
  else if (section.id === 'voices') {
    for (const row of section.rows) {
      const [quote, who] = row.cells;
      pdf.paragraph(who ? `“${cellText(quote!)}” — ${cellText(who)}` : `“${cellText(quote!)}”`);
    }
  } else {
    if (section.intro) pdf.paragraph(section.intro, { muted: true });
    pdf.table(
      section.columns.map((c) => c.label),
      section.rows.map((r) => r.cells.map(cellText)),
      columnWidths(section.columns),
    );
  }
  for (const note of section.notes) pdf.paragraph(note, { muted: true });
}
