/**
 * The plan laid out for reading: each section's heading, its columns (named as the inspector names
 * the card's fields) and its rows, with every value already in plain words. Views only arrange
 * this: the Plan panel as lists, the PDF and the Word document as tables. Pure, so it is tested
 * under Node and every view shows the same words.
 */
import { CONNECTOR_LABELS, type CardKind } from '../../model';
import type { CardMention, Plan } from '../plan-schema';
import {
  fieldLabel,
  kindLabel,
  optionLabel,
  plainDate,
  roleLabel,
  unquoted,
  type DateStyle,
} from './plain-words';
import { PLAN_SECTION_IDS, PLAN_SECTIONS, type PlanSectionId, type PlanSectionInfo } from './sections';

/** How much room a column needs in print: the card's words, a phrase, or a word, date or number. */
export type ColumnSize = 'wide' | 'medium' | 'narrow';

export interface PlanColumn {
  readonly label: string;
  readonly size: ColumnSize;
}

/** A cell: words, a list (the cards linked to this one), or null when not given. */
export type PlanCell = string | readonly string[] | null;

export interface PlanRow {
  /** The card the row is about, so a view can select it on the board; null for rows that are not a card. */
  readonly cardId: string | null;
  /** One per column; the first is always the row's own words. */
  readonly cells: readonly PlanCell[];
}

export interface PresentedSection extends PlanSectionInfo {
  readonly id: PlanSectionId;
  readonly columns: readonly PlanColumn[];
  readonly rows: readonly PlanRow[];
  /** Sentences that belong under the section whether or not it has rows (cards left out, say). */
  readonly notes: readonly string[];
}

export interface PresentOptions {
  /** "short" as on the cards (the Plan panel), "long" for print. */
  readonly dates: DateStyle;
}

/** What a card with no words reads as, everywhere. */
export const NO_WORDS = '(no words yet)';

const words = (text: string) => text.trim() || NO_WORDS;
const mentions = (list: readonly CardMention[]): readonly string[] =>
  list.map((m) => `${kindLabel(m.kind)}: ${words(m.text)}`);
const wide = (label: string): PlanColumn => ({ label, size: 'wide' });
const column = (kind: CardKind, key: string, size: ColumnSize): PlanColumn => ({
  label: fieldLabel(kind, key),
  size,
});
const STAGE_WORDS = { today: 'Now', vision: 'In the dream', unplaced: null } as const;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

interface SectionBody {
  readonly columns: readonly PlanColumn[];
  readonly rows: readonly PlanRow[];
  readonly notes?: readonly string[];
}

type Entry = { readonly cardId: string; readonly text: string; readonly evidence: string | null };

/**
 * Rows of a section of cards. Where any card says where its words come from, the section gets a
 * column for it; otherwise the column would be a line of dashes.
 */
function cardRows<E extends Entry>(
  kind: CardKind,
  columns: readonly PlanColumn[],
  entries: readonly E[],
  cells: (entry: E) => readonly PlanCell[],
): SectionBody {
  const withEvidence = entries.some((e) => e.evidence !== null);
  return {
    columns: withEvidence ? [...columns, column(kind, 'evidence', 'medium')] : columns,
    rows: entries.map((e) => ({
      cardId: e.cardId,
      cells: [
        words(e.text),
        ...cells(e),
        ...(withEvidence ? [optionLabel(kind, 'evidence', e.evidence)] : []),
      ],
    })),
  };
}

type Builder = (plan: Plan, options: PresentOptions) => SectionBody;

/** One builder per section: the `Record` makes a section without one a compile error. */
const BUILDERS: Readonly<Record<PlanSectionId, Builder>> = {
  vision: (plan) => contextRows(plan.vision.entries),
  today: (plan) => contextRows(plan.today.entries),
  needs: (plan) =>
    cardRows('need', [wide(kindLabel('need')), column('need', 'whose', 'medium')], plan.people.needs, (n) => [
      optionLabel('need', 'whose', n.whose),
    ]),
  voices: (plan) => ({
    columns: [wide('Quote'), column('person', 'role', 'medium')],
    rows: plan.people.voices.map((v) => ({
      cardId: v.cardId,
      cells: [unquoted(words(v.text)), optionLabel('person', 'role', v.role)],
    })),
    notes:
      plan.people.voicesWithheld > 0
        ? [
            `${plural(plan.people.voicesWithheld, 'card is', 'cards are')} left out of this plan because the people whose words they hold have not agreed to be quoted.`,
          ]
        : [],
  }),
  strengths: (plan) =>
    cardRows(
      'strength',
      [wide(kindLabel('strength')), column('strength', 'assetCategory', 'medium')],
      plan.strengths,
      (s) => [optionLabel('strength', 'assetCategory', s.assetCategory)],
    ),
  partners: (plan) =>
    cardRows(
      'partner',
      [
        wide(kindLabel('partner')),
        column('partner', 'role', 'medium'),
        column('partner', 'brings', 'wide'),
        column('partner', 'commits', 'wide'),
      ],
      plan.partners,
      (p) => [p.role, p.brings, p.commits],
    ),
  services: (plan) =>
    cardRows(
      'service',
      [
        wide(kindLabel('service')),
        column('service', 'purpose', 'wide'),
        { label: 'Now or in the dream', size: 'narrow' },
      ],
      plan.services,
      (s) => [s.purpose, STAGE_WORDS[s.stage]],
    ),
  outcomes: (plan) =>
    cardRows(
      'outcome',
      [
        wide(kindLabel('outcome')),
        column('outcome', 'horizon', 'medium'),
        column('outcome', 'indicator', 'wide'),
        wide('What contributes to it'),
      ],
      plan.outcomes,
      (o) => [
        optionLabel('outcome', 'horizon', o.horizon),
        o.indicator,
        o.contributors.length > 0 ? mentions(o.contributors) : 'Nothing yet',
      ],
    ),
  resources: (plan) =>
    cardRows(
      'resource',
      [
        wide(kindLabel('resource')),
        column('resource', 'amount', 'medium'),
        column('resource', 'source', 'medium'),
        wide('What it funds'),
      ],
      plan.resources,
      (r) => [r.amount, r.source, r.funds.length > 0 ? mentions(r.funds) : null],
    ),
  barriers: (plan) =>
    cardRows(
      'barrier',
      [
        wide(kindLabel('barrier')),
        { label: 'Eligibility rule', size: 'narrow' },
        column('barrier', 'proposal', 'medium'),
        wide('What mitigates it'),
      ],
      plan.barriers,
      (b) => [
        b.isThreshold ? 'Yes' : 'No',
        optionLabel('barrier', 'proposal', b.proposal),
        b.mitigations.length > 0 ? mentions(b.mitigations) : null,
      ],
    ),
  thresholds: (plan) => {
    const byId = new Map(plan.barriers.map((b) => [b.cardId, b]));
    return {
      columns: [wide(kindLabel('barrier')), column('barrier', 'proposal', 'medium')],
      rows: plan.thresholdsToTestRemoving.flatMap((id) => {
        const barrier = byId.get(id);
        return barrier
          ? [
              {
                cardId: id,
                cells: [words(barrier.text), optionLabel('barrier', 'proposal', barrier.proposal)],
              },
            ]
          : [];
      }),
    };
  },
  learning: (plan, options) =>
    cardRows(
      'learning',
      [
        wide('Hypothesis or experiment'),
        column('learning', 'watch', 'wide'),
        column('learning', 'reviewDate', 'narrow'),
        column('learning', 'owner', 'medium'),
        column('learning', 'status', 'narrow'),
        wide('What it tests'),
      ],
      plan.learning,
      (l) => [
        l.watch,
        l.reviewDate === null ? null : plainDate(l.reviewDate, options.dates),
        l.owner,
        optionLabel('learning', 'status', l.status),
        l.tests.length > 0 ? mentions(l.tests) : null,
      ],
    ),
  decisions: (plan) => ({
    columns: [
      { label: 'Rank', size: 'narrow' },
      wide('Card'),
      { label: 'Votes', size: 'narrow' },
      { label: 'Votes by role', size: 'medium' },
    ],
    rows: plan.decisions.results.map((r) => ({
      cardId: r.cardId,
      cells: [
        String(r.rank),
        `${kindLabel(r.kind)}: ${words(r.text)}`,
        String(r.votes),
        r.byRole.map((b) => `${roleLabel(b.role)}: ${b.votes}`),
      ],
    })),
  }),
  'next-steps': (plan, options) =>
    cardRows(
      'action',
      [wide(kindLabel('action')), column('action', 'owner', 'medium'), column('action', 'due', 'narrow')],
      plan.nextSteps,
      (s) => [s.owner, s.due === null ? null : plainDate(s.due, options.dates)],
    ),
  notes: (plan) =>
    cardRows('note', [wide(kindLabel('note')), { label: 'Frame', size: 'medium' }], plan.otherNotes, (n) => [
      n.frame?.title.trim() || null,
    ]),
  links: (plan) => ({
    columns: [
      wide('From'),
      { label: 'Link', size: 'medium' },
      wide('To'),
      { label: 'Label', size: 'medium' },
    ],
    rows: plan.links.map((l) => ({
      cardId: l.from.cardId,
      cells: [
        `${kindLabel(l.from.kind)}: ${words(l.from.text)}`,
        CONNECTOR_LABELS[l.kind],
        `${kindLabel(l.to.kind)}: ${words(l.to.text)}`,
        l.label.trim() || null,
      ],
    })),
  }),
  participation: (plan) => ({
    columns: [wide('Role category'), { label: 'Cards', size: 'narrow' }, { label: 'People', size: 'narrow' }],
    rows: plan.participation.byRole.map((r) => ({
      cardId: null,
      cells: [roleLabel(r.role), String(r.cards), r.contributors > 0 ? String(r.contributors) : 'Not known'],
    })),
    notes:
      plan.participation.namesIncluded && plan.participation.names.length > 0
        ? [
            `Who took part: ${plan.participation.names.map((p) => `${p.name} (${roleLabel(p.role)})`).join('; ')}.`,
          ]
        : [],
  }),
};

function contextRows(entries: Plan['vision']['entries']): SectionBody {
  const withEvidence = entries.some((e) => e.evidence !== null);
  return {
    columns: [
      wide('Card'),
      { label: 'Kind of card', size: 'narrow' },
      ...(withEvidence ? [column('need', 'evidence', 'medium')] : []),
    ],
    rows: entries.map((e) => ({
      cardId: e.cardId,
      cells: [
        words(e.text),
        kindLabel(e.kind),
        ...(withEvidence ? [optionLabel(e.kind, 'evidence', e.evidence)] : []),
      ],
    })),
  };
}

/** One section, laid out. */
export function presentSection(plan: Plan, id: PlanSectionId, options: PresentOptions): PresentedSection {
  const body = BUILDERS[id](plan, options);
  return { id, ...PLAN_SECTIONS[id], columns: body.columns, rows: body.rows, notes: body.notes ?? [] };
}

/** Every section, in the plan's order (docs/plan-format.md). */
export function presentPlan(plan: Plan, options: PresentOptions): readonly PresentedSection[] {
  return PLAN_SECTION_IDS.map((id) => presentSection(plan, id, options));
}
