import type { Card } from '../../shared/model';

const HORIZON: Record<string, string> = { short: 'Short term', medium: 'Medium term', long: 'Long term' };
const PROPOSAL: Record<string, string> = { keep: 'keep', 'test-removing': 'test removing', remove: 'remove' };
const STATUS: Record<string, string> = {
  planned: 'Planned',
  running: 'Running',
  learned: 'Learned',
  stopped: 'Stopped',
};
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const text = (card: Card, key: string): string => {
  const v = card.fields[key];
  return typeof v === 'string' ? v.trim() : '';
};

/** "2025-03-04" → "4 Mar 2025"; anything else is shown as typed. */
export function shortDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}

/**
 * The one fact worth seeing on the board without opening the card: a barrier that is an
 * eligibility threshold, an outcome's horizon, who does an action and by when, a learning
 * cycle's review date. Null when the card has nothing to flag.
 */
export function cardMarker(card: Card): string | null {
  switch (card.kind) {
    case 'barrier': {
      const proposal = PROPOSAL[text(card, 'proposal')];
      if (card.fields.isThreshold === true) return proposal ? `Threshold · ${proposal}` : 'Threshold';
      return proposal ? `Proposal: ${proposal}` : null;
    }
    case 'outcome':
      return HORIZON[text(card, 'horizon')] ?? null;
    case 'action': {
      const owner = text(card, 'owner');
      const due = text(card, 'due');
      if (!owner && !due) return null;
      return [owner || 'No owner yet', due ? `by ${shortDate(due)}` : ''].filter(Boolean).join(' ');
    }
    case 'learning': {
      const review = text(card, 'reviewDate');
      const status = STATUS[text(card, 'status')];
      if (review) return `Review ${shortDate(review)}`;
      return status ?? null;
    }
    case 'person':
      return text(card, 'consent') === 'yes' ? 'OK to quote' : null;
    default:
      return null;
  }
}
