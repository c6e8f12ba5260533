/**
 * Stored values in the words people read: option labels from the same tables the inspector shows,
 * dates as UK readers write them. Every view of the plan (the Plan panel, the PDF, the Word
 * document) goes through these, so a value reads the same everywhere and no internal value
 * (`association`, `2027-06-30`, a raw timestamp) reaches a reader.
 */
import {
  CARD_KIND_INFO,
  COMMON_FIELDS,
  KIND_FIELDS,
  ROLE_LABELS,
  type CardKind,
  type FieldSpec,
  type RoleCategory,
} from '../../model';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** "short" is how cards show a date ("30 Jun 2027"); "long" is for print ("30 June 2027"). */
export type DateStyle = 'short' | 'long';

const monthName = (index: number, style: DateStyle) => {
  const name = MONTHS[index]!;
  // "Sept" is not a UK abbreviation; three letters for every month, as on the cards.
  return style === 'long' ? name : name.slice(0, 3);
};

/** A card's date field ("2027-06-30", as date inputs store it) in UK words; anything else as typed. */
export function plainDate(value: string, style: DateStyle = 'short'): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return value;
  const month = Number(match[2]) - 1;
  const day = Number(match[3]);
  if (month < 0 || month > 11 || day < 1 || day > 31) return value;
  return `${day} ${monthName(month, style)} ${match[1]}`;
}

/** An ISO timestamp (plan metadata) as a UK date in UTC, so every machine prints the same day. */
export function plainTimestamp(iso: string, style: DateStyle = 'long'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.getUTCDate()} ${monthName(date.getUTCMonth(), style)} ${date.getUTCFullYear()}`;
}

function fieldSpec(kind: CardKind, key: string): FieldSpec | undefined {
  return KIND_FIELDS[kind].find((f) => f.key === key) ?? COMMON_FIELDS.find((f) => f.key === key);
}

/** The label the inspector gives a card's field, so the plan names a field as the card does. */
export function fieldLabel(kind: CardKind, key: string): string {
  const spec = fieldSpec(kind, key);
  if (!spec) throw new Error(`No field "${key}" on a ${kind} card`);
  return spec.label;
}

/** A select field's value as its option label; null stays null (not given). */
export function optionLabel(kind: CardKind, key: string, value: string | null): string | null {
  if (value === null) return null;
  const spec = fieldSpec(kind, key);
  if (spec?.type === 'select') return spec.options.find((o) => o.value === value)?.label ?? value;
  return value;
}

export function roleLabel(role: RoleCategory | null): string {
  return role === null ? 'Not recorded' : ROLE_LABELS[role];
}

export function kindLabel(kind: CardKind): string {
  return CARD_KIND_INFO[kind].label;
}

const QUOTE_PAIRS: readonly (readonly [string, string])[] = [
  ['“', '”'],
  ['"', '"'],
  ['‘', '’'],
  ["'", "'"],
  ['«', '»'],
];

/**
 * A quote without the quotation marks the person typed around it, so a view that adds its own
 * marks never prints ““doubled”” ones. Marks inside the words are kept.
 */
export function unquoted(text: string): string {
  let trimmed = text.trim();
  for (;;) {
    const pair = QUOTE_PAIRS.find(
      ([open, close]) => trimmed.length >= 2 && trimmed.startsWith(open) && trimmed.endsWith(close),
    );
    if (!pair) return trimmed;
    trimmed = trimmed.slice(pair[0].length, -pair[1].length).trim();
  }
}
