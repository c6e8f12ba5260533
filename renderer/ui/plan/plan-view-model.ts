/**
 * The plan as the Plan view shows it: sections in the plan's order, each a heading and a list of
 * cards with a few plain-language details. Pure (tested under Node); PlanView.tsx draws it.
 */
import { CARD_KIND_INFO, EVIDENCE_LABELS, ROLE_LABELS, type CardKind } from '../../../shared/model';
import type { CardMention, Plan } from '../../../shared/plan';

export interface PlanItem {
  readonly cardId: string;
  readonly text: string;
  readonly details: readonly string[];
}

export interface PlanSectionView {
  readonly id: string;
  readonly title: string;
  readonly items: readonly PlanItem[];
  /** Shown when the section has no items: what kind of card would fill it. */
  readonly empty: string;
}

const kindLabel = (kind: CardKind) => CARD_KIND_INFO[kind].label;
const words = (value: string) => value.replace(/-/g, ' ');
const mentions = (label: string, list: readonly CardMention[], none?: string): string | null =>
  list.length > 0
    ? `${label}: ${list.map((m) => m.text.trim() || `(${kindLabel(m.kind)} without words)`).join('; ')}`
    : (none ?? null);

function item(
  entry: { cardId: string; text: string; evidence?: keyof typeof EVIDENCE_LABELS | null },
  ...details: (string | null | false | undefined)[]
): PlanItem {
  const evidence = entry.evidence ? `Evidence: ${EVIDENCE_LABELS[entry.evidence]}` : null;
  return {
    cardId: entry.cardId,
    text: entry.text.trim() || '(no words yet)',
    details: [...details, evidence].filter((d): d is string => typeof d === 'string' && d !== ''),
  };
}

const labelled = (label: string, value: string | null | undefined) => (value ? `${label}: ${value}` : null);

export function planSections(plan: Plan): PlanSectionView[] {
  return [
    {
      id: 'vision',
      title: 'The dream',
      empty: 'Nothing yet. Cards in a frame about the dream or vision appear here.',
      items: plan.vision.entries.map((e) => item(e, kindLabel(e.kind))),
    },
    {
      id: 'today',
      title: 'Today',
      empty: 'Nothing yet. Cards in a frame about how things are now appear here.',
      items: plan.today.entries.map((e) => item(e, kindLabel(e.kind))),
    },
    {
      id: 'needs',
      title: 'People and needs',
      empty: 'No needs yet.',
      items: plan.people.needs.map((e) => item(e, e.whose && `Whose need: ${ROLE_LABELS[e.whose]}`)),
    },
    {
      id: 'voices',
      title: 'Voices (with consent to quote)',
      empty:
        plan.people.voicesWithheld > 0
          ? `No quotes to show. ${plan.people.voicesWithheld} card(s) left out: no consent to quote.`
          : 'No quotes yet.',
      items: plan.people.voices.map((e) => item(e, e.role && `Who is speaking: ${ROLE_LABELS[e.role]}`)),
    },
    {
      id: 'strengths',
      title: 'Strengths',
      empty: 'No strengths yet.',
      items: plan.strengths.map((e) => item(e, e.assetCategory && `Kind of asset: ${e.assetCategory}`)),
    },
    {
      id: 'partners',
      title: 'Partners',
      empty: 'No partners yet.',
      items: plan.partners.map((e) =>
        item(e, labelled('Role', e.role), labelled('Brings', e.brings), labelled('Commits to', e.commits)),
      ),
    },
    {
      id: 'services',
      title: 'Services and activities',
      empty: 'No services yet.',
      items: plan.services.map((e) =>
        item(
          e,
          labelled('Purpose', e.purpose),
          e.stage === 'today' ? 'How things are now' : e.stage === 'vision' ? 'In the dream' : null,
        ),
      ),
    },
    {
      id: 'outcomes',
      title: 'Outcomes',
      empty: 'No outcomes yet.',
      items: plan.outcomes.map((e) =>
        item(
          e,
          e.horizon && `Horizon: ${e.horizon} term`,
          labelled('Indicator', e.indicator),
          mentions('Contributing', e.contributors, 'Nothing contributes to it yet'),
        ),
      ),
    },
    {
      id: 'resources',
      title: 'Resources',
      empty: 'No resources yet.',
      items: plan.resources.map((e) =>
        item(e, labelled('Amount', e.amount), labelled('Source', e.source), mentions('Funds', e.funds)),
      ),
    },
    {
      id: 'barriers',
      title: 'Barriers and thresholds',
      empty: 'No barriers yet.',
      items: plan.barriers.map((e) =>
        item(
          e,
          e.isThreshold && 'An eligibility threshold',
          e.proposal && `Proposal: ${words(e.proposal)}`,
          mentions('Mitigated by', e.mitigations),
        ),
      ),
    },
    {
      id: 'learning',
      title: 'Learning plan',
      empty: 'No experiments yet.',
      items: plan.learning.map((e) =>
        item(
          e,
          labelled('What we will watch', e.watch),
          labelled('Review date', e.reviewDate),
          labelled('Owner', e.owner),
          e.status && `Status: ${e.status}`,
          mentions('Tests', e.tests),
        ),
      ),
    },
    {
      id: 'next-steps',
      title: 'Next steps',
      empty: 'No next steps yet.',
      items: plan.nextSteps.map((e) => item(e, labelled('Owner', e.owner), labelled('Due', e.due))),
    },
    {
      id: 'notes',
      title: 'Other notes',
      empty: 'No other notes.',
      items: plan.otherNotes.map((e) => item(e)),
    },
  ];
}
