import { ROLE_CATEGORIES, type Card, type CardId, type CardKind, type RoleCategory } from '../model';
import { exportableText } from './consent';
import type { Plan } from './plan-schema';

/** Cards the template placed are prompts for the room, not anyone's contribution. */
export const TEMPLATE_AUTHOR_ID = 'template';

/** One anonymous vote: which card, and the voter's role category (never who). */
export interface Ballot {
  readonly cardId: CardId;
  readonly role: RoleCategory | null;
}

/** A participant's name and role, supplied by the app only when the facilitator chose to include names. */
export interface NamedParticipant {
  readonly name: string;
  readonly role: RoleCategory | null;
}

const roleOrder = (role: RoleCategory | null) =>
  role === null ? ROLE_CATEGORIES.length : ROLE_CATEGORIES.indexOf(role);

/** Counts of cards and distinct contributors by role category. Never names. */
export function countParticipation(
  cards: Iterable<Card>,
  names: { include: boolean; people: readonly NamedParticipant[] },
): Plan['participation'] {
  const byRole = new Map<RoleCategory | null, { cards: number; contributors: Set<string> }>();
  for (const card of cards) {
    if (card.createdBy === TEMPLATE_AUTHOR_ID) continue;
    let entry = byRole.get(card.createdRole);
    if (!entry) {
      entry = { cards: 0, contributors: new Set() };
      byRole.set(card.createdRole, entry);
    }
    entry.cards += 1;
    if (card.createdBy !== '') entry.contributors.add(card.createdBy);
  }
  return {
    byRole: [...byRole.entries()]
      .sort(([a], [b]) => roleOrder(a) - roleOrder(b))
      .map(([role, e]) => ({ role, cards: e.cards, contributors: e.contributors.size })),
    namesIncluded: names.include,
    names: names.include ? names.people.map((p) => ({ name: p.name, role: p.role })) : [],
  };
}

/** Votes per card, ranked (ties share a rank and list in card order), with counts by role category. */
export function tallyVotes(ballots: readonly Ballot[], cards: ReadonlyMap<CardId, Card>): Plan['decisions'] {
  const perCard = new Map<CardId, Map<RoleCategory | null, number>>();
  for (const ballot of ballots) {
    if (!cards.has(ballot.cardId)) continue;
    let roles = perCard.get(ballot.cardId);
    if (!roles) {
      roles = new Map();
      perCard.set(ballot.cardId, roles);
    }
    roles.set(ballot.role, (roles.get(ballot.role) ?? 0) + 1);
  }
  const rows = [...perCard.entries()].map(([cardId, roles]) => {
    const card = cards.get(cardId)!;
    const votes = [...roles.values()].reduce((n, v) => n + v, 0);
    const byRole = [...roles.entries()]
      .sort(([a], [b]) => roleOrder(a) - roleOrder(b))
      .map(([role, count]) => ({ role, votes: count }));
    return {
      cardId: card.id as string,
      kind: card.kind as CardKind,
      text: exportableText(card),
      votes,
      byRole,
    };
  });
  rows.sort((a, b) => b.votes - a.votes || (a.cardId < b.cardId ? -1 : 1));
  let rank = 0;
  let previous = -1;
  const results = rows.map((row, index) => {
    if (row.votes !== previous) rank = index + 1;
    previous = row.votes;
    return { ...row, rank };
  });
  return { votingHeld: ballots.length > 0, results };
}
