import type { Card } from '../model';

/** A text field's value, or null when missing, empty or not text (fields are free-form maps). */
export function textField(card: Card, key: string): string | null {
  const value = card.fields[key];
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** A select field's value when it is one of `allowed`; anything else (an old or foreign value) is null. */
export function choiceField<T extends string>(card: Card, key: string, allowed: readonly T[]): T | null {
  const value = card.fields[key];
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

export function booleanField(card: Card, key: string): boolean {
  return card.fields[key] === true || card.fields[key] === 'true';
}
