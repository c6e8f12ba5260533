/**
 * The plan's sections as every view names them: one id, one title, one sentence for when a
 * section is empty. The Plan panel, the PDF and the Word document all take their headings from
 * here, so a section is never "The dream" in one and "Vision" in another.
 */
import type { CardKind } from '../../model';

export const PLAN_SECTION_IDS = [
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
  'thresholds',
  'learning',
  'decisions',
  'next-steps',
  'notes',
  'links',
  'participation',
] as const;
export type PlanSectionId = (typeof PLAN_SECTION_IDS)[number];

export interface PlanSectionInfo {
  readonly title: string;
  /** 1: a section of the plan; 2: a part of the section before it (a heading one level down). */
  readonly level: 1 | 2;
  /** What a view says when the section has nothing in it: what would fill it. */
  readonly empty: string;
  /** A sentence under the heading saying what the section holds, when the title alone does not. */
  readonly intro?: string;
}

export const PLAN_SECTIONS: Readonly<Record<PlanSectionId, PlanSectionInfo>> = {
  vision: {
    title: 'The dream',
    level: 1,
    empty: 'Nothing yet. Cards in a frame about the dream or vision appear here.',
  },
  today: {
    title: 'How things are today',
    level: 1,
    empty: 'Nothing yet. Cards in a frame about how things are now appear here.',
  },
  needs: { title: 'People and needs', level: 1, empty: 'No needs yet.' },
  voices: {
    title: 'In their own words',
    level: 2,
    empty: 'No quotes yet.',
    intro: 'Quotes from people who agreed to be quoted.',
  },
  strengths: { title: 'Strengths', level: 1, empty: 'No strengths yet.' },
  partners: { title: 'Partners', level: 1, empty: 'No partners yet.' },
  services: { title: 'Services and activities', level: 1, empty: 'No services yet.' },
  outcomes: { title: 'Outcomes', level: 1, empty: 'No outcomes yet.' },
  resources: { title: 'Resources', level: 1, empty: 'No resources yet.' },
  barriers: { title: 'Barriers and thresholds', level: 1, empty: 'No barriers yet.' },
  thresholds: {
    title: 'Thresholds to test removing',
    level: 2,
    empty: 'No eligibility rules are proposed for removal.',
    intro: 'Barriers that are eligibility rules, where the proposal is to remove them or test removing them.',
  },
  learning: { title: 'Learning plan', level: 1, empty: 'No experiments yet.' },
  decisions: { title: 'Decisions', level: 1, empty: 'No votes have been held in this workshop yet.' },
  'next-steps': { title: 'Next steps', level: 1, empty: 'No next steps yet.' },
  notes: { title: 'Other notes', level: 1, empty: 'No other notes.' },
  links: { title: 'Links between cards', level: 1, empty: 'No links between cards yet.' },
  participation: {
    title: 'Participation',
    level: 1,
    empty: 'No cards have been added yet.',
    intro: 'Cards added, by role category. Dreamboard counts voices by role, never by name.',
  },
};

/**
 * Where each kind of card is listed in the plan. A `Record` over every kind, so adding a kind
 * that the plan forgets does not compile. (Cards in a frame about the dream or about today are
 * listed there as well; notes in those frames only there.)
 */
export const PLAN_SECTION_OF_KIND: Readonly<Record<CardKind, PlanSectionId>> = {
  need: 'needs',
  strength: 'strengths',
  person: 'voices',
  partner: 'partners',
  service: 'services',
  outcome: 'outcomes',
  resource: 'resources',
  barrier: 'barriers',
  learning: 'learning',
  action: 'next-steps',
  note: 'notes',
};

/** Headings of the parts of a plan that are not sections of cards. */
export const PLAN_HEADINGS = {
  summary: 'Summary',
  checks: 'Plan checks',
  omitted: 'Left out of this plan',
  about: 'About this plan',
  board: 'The whole board',
} as const;

/** What the plan checks say when there is nothing to look at. */
export const CHECKS_ALL_CLEAR = 'Every outcome, barrier, experiment and next step is complete.';
