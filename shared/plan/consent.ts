import type { Card } from '../model';

/**
 * Consent rule for everything exported (plan, PDF, images, JSON Canvas): a voice card's words
 * leave the workshop only when its consent field is "yes"; any other card whose consent field
 * says "no" is withheld too. "Not asked" on an ordinary card (a need written by a worker, say)
 * does not withhold it: the field exists for words that belong to someone.
 */
export function isWithheld(card: Pick<Card, 'kind' | 'fields'>): boolean {
  const consent = card.fields['consent'];
  if (card.kind === 'person') return consent !== 'yes';
  return consent === 'no';
}

/** What stands in for withheld words in pictures of the board. */
export const WITHHELD_TEXT = 'Words withheld (no consent to quote)';

/** The text an export may show for a card. */
export function exportableText(card: Pick<Card, 'kind' | 'fields' | 'text'>): string {
  return isWithheld(card) ? WITHHELD_TEXT : card.text;
}
