import type { CardKind } from './kinds';
import { EVIDENCE_LABELS, EVIDENCE_SOURCES, ROLE_CATEGORIES, ROLE_LABELS } from './kinds';

/** A choice in a select field: stored value and what people see. */
export interface FieldOption {
  readonly value: string;
  readonly label: string;
}

/**
 * A kind-specific field. Values are stored as strings or booleans in the card's `fields` map;
 * an empty or missing value means "not given".
 */
export type FieldSpec =
  | { readonly key: string; readonly label: string; readonly type: 'text'; readonly hint?: string }
  | { readonly key: string; readonly label: string; readonly type: 'longtext'; readonly hint?: string }
  | { readonly key: string; readonly label: string; readonly type: 'date'; readonly hint?: string }
  | { readonly key: string; readonly label: string; readonly type: 'boolean'; readonly hint?: string }
  | {
      readonly key: string;
      readonly label: string;
      readonly type: 'select';
      readonly options: readonly FieldOption[];
      readonly hint?: string;
    };

const options = <T extends string>(
  values: readonly T[],
  labels: Readonly<Record<T, string>>,
): FieldOption[] => values.map((value) => ({ value, label: labels[value] }));

export const ASSET_CATEGORIES = ['individual', 'association', 'institution', 'physical', 'cultural'] as const;
export const HORIZONS = ['short', 'medium', 'long'] as const;
export const BARRIER_PROPOSALS = ['keep', 'test-removing', 'remove'] as const;
export const LEARNING_STATUSES = ['planned', 'running', 'learned', 'stopped'] as const;
export const CONSENT_VALUES = ['yes', 'no', 'not-asked'] as const;

/** Fields every card has, whatever its kind: provenance the plan reports on. */
export const COMMON_FIELDS: readonly FieldSpec[] = [
  {
    key: 'evidence',
    label: 'Where this comes from',
    type: 'select',
    options: options(EVIDENCE_SOURCES, EVIDENCE_LABELS),
  },
  {
    key: 'consent',
    label: 'OK to quote in the plan?',
    type: 'select',
    options: [
      { value: 'yes', label: 'Yes, they agreed' },
      { value: 'no', label: 'No' },
      { value: 'not-asked', label: 'Not asked yet' },
    ],
    hint: 'Words from people with lived experience appear in exports only when they agreed.',
  },
];

export const KIND_FIELDS: Readonly<Record<CardKind, readonly FieldSpec[]>> = {
  need: [
    { key: 'whose', label: 'Whose need', type: 'select', options: options(ROLE_CATEGORIES, ROLE_LABELS) },
  ],
  strength: [
    {
      key: 'assetCategory',
      label: 'Kind of strength',
      type: 'select',
      options: [
        { value: 'individual', label: 'A person’s skills or gifts' },
        { value: 'association', label: 'A group or association' },
        { value: 'institution', label: 'An institution' },
        { value: 'physical', label: 'A place or thing' },
        { value: 'cultural', label: 'Culture or heritage' },
      ],
    },
  ],
  person: [
    { key: 'role', label: 'Who is speaking', type: 'select', options: options(ROLE_CATEGORIES, ROLE_LABELS) },
  ],
  partner: [
    { key: 'role', label: 'Their role', type: 'text' },
    { key: 'brings', label: 'What they bring', type: 'longtext' },
    { key: 'commits', label: 'What they commit to', type: 'longtext' },
  ],
  service: [{ key: 'purpose', label: 'What it is for', type: 'longtext' }],
  outcome: [
    {
      key: 'horizon',
      label: 'When we expect it',
      type: 'select',
      options: [
        { value: 'short', label: 'Short term (under a year)' },
        { value: 'medium', label: 'Medium term (1–3 years)' },
        { value: 'long', label: 'Long term (over 3 years)' },
      ],
    },
    { key: 'indicator', label: 'How we will know', type: 'text', hint: 'A sign or measure of the change' },
  ],
  resource: [
    { key: 'amount', label: 'How much', type: 'text', hint: 'For example £40,000 a year, or 2 days a week' },
    { key: 'source', label: 'Where it comes from', type: 'text' },
  ],
  barrier: [
    { key: 'isThreshold', label: 'This is an eligibility rule (a threshold)', type: 'boolean' },
    {
      key: 'proposal',
      label: 'What we propose',
      type: 'select',
      options: [
        { value: 'keep', label: 'Keep it' },
        { value: 'test-removing', label: 'Test removing it' },
        { value: 'remove', label: 'Remove it' },
      ],
    },
  ],
  learning: [
    { key: 'watch', label: 'What we will watch', type: 'longtext' },
    { key: 'reviewDate', label: 'Review date', type: 'date' },
    { key: 'owner', label: 'Who looks after it', type: 'text' },
    {
      key: 'status',
      label: 'Status',
      type: 'select',
      options: [
        { value: 'planned', label: 'Planned' },
        { value: 'running', label: 'Running' },
        { value: 'learned', label: 'Learned' },
        { value: 'stopped', label: 'Stopped' },
      ],
    },
  ],
  action: [
    { key: 'owner', label: 'Who will do it (role)', type: 'text' },
    { key: 'due', label: 'By when', type: 'date' },
  ],
  note: [],
};

/** All fields shown for a kind in the inspector: the kind's own first, then the common ones. */
export function fieldsForKind(kind: CardKind): readonly FieldSpec[] {
  return [...KIND_FIELDS[kind], ...COMMON_FIELDS];
}
