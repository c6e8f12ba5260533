/**
 * The plan as the Plan panel shows it: the sections the exports have, with the same titles and
 * the same words (shared/plan/presentation), each card a list item with its details as
 * "Label: value" lines. Pure (tested under Node); PlanView.tsx draws it.
 */
import {
  presentSection,
  type Plan,
  type PlanCell,
  type PlanSectionId,
  type PresentedSection,
} from '../../../shared/plan';

export interface PlanItem {
  readonly cardId: string;
  readonly text: string;
  readonly details: readonly string[];
}

export interface PlanSectionView {
  readonly id: PlanSectionId;
  readonly title: string;
  readonly items: readonly PlanItem[];
  /** Shown when the section has no items: what kind of card would fill it. */
  readonly empty: string;
  /** Sentences the section always carries (cards left out for lack of consent, say). */
  readonly notes: readonly string[];
}

/** The sections of cards; votes, links and participation are for the exports. */
export const PANEL_SECTIONS: readonly PlanSectionId[] = [
  'vision',
  'today',
  'needs',
  'voices',
  'strengths',
  'partners',
  'services',
  'outcomes',
  'resources',
  'barriers',
  'learning',
  'next-steps',
  'notes',
];

const cellText = (cell: PlanCell): string | null =>
  cell === null ? null : typeof cell === 'string' ? cell : cell.join('; ');

function itemsOf(section: PresentedSection): PlanItem[] {
  return section.rows.flatMap((row) => {
    if (row.cardId === null) return [];
    const [first, ...rest] = row.cells;
    const details = rest.flatMap((cell, i) => {
      const value = cellText(cell);
      return value === null || value === '' ? [] : [`${section.columns[i + 1]!.label}: ${value}`];
    });
    return [{ cardId: row.cardId, text: cellText(first ?? null) ?? '', details }];
  });
}

export function planSections(plan: Plan): PlanSectionView[] {
  return PANEL_SECTIONS.map((id) => {
    // Dates as the cards show them ("30 Jun 2027").
    const section = presentSection(plan, id, { dates: 'short' });
    return {
      id,
      title: section.title,
      items: itemsOf(section),
      empty: section.empty,
      notes: section.notes,
    };
  });
}
