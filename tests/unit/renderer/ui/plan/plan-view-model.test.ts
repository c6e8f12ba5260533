import { describe, expect, it } from 'vitest';
import { planOf } from '../../../../../renderer/export/plan-of';
import { planSections } from '../../../../../renderer/ui/plan/plan-view-model';
import { CARD_KIND_INFO } from '../../../../../shared/model';
import { richWorkshop } from '../../../shared/plan/fixtures';

describe('the plan view', () => {
  const { snapshot } = richWorkshop();
  const plan = planOf(snapshot, 0);
  const sections = planSections(plan);

  it('shows the plan’s sections of cards in the plan’s order, titled as the exports title them', () => {
    expect(sections.map((s) => s.title)).toEqual([
      'The dream',
      'How things are today',
      'People and needs',
      'In their own words',
      'Strengths',
      'Partners',
      'Services and activities',
      'Outcomes',
      'Resources',
      'Barriers and thresholds',
      'Learning plan',
      'Next steps',
      'Other notes',
    ]);
  });

  it('lists the same cards as the exported plan, by card id, so each can be found on the board', () => {
    const byId = Object.fromEntries(sections.map((s) => [s.id, s.items.map((i) => i.cardId)]));
    expect(byId['outcomes']).toEqual(plan.outcomes.map((o) => o.cardId));
    expect(byId['needs']).toEqual(plan.people.needs.map((n) => n.cardId));
    expect(byId['next-steps']).toEqual(plan.nextSteps.map((n) => n.cardId));
    for (const s of sections)
      for (const item of s.items) expect(snapshot.cards.has(item.cardId as never)).toBe(true);
  });

  it('says in plain words what contributes to an outcome, or that nothing does', () => {
    const outcomes = sections.find((s) => s.id === 'outcomes')!;
    for (const [i, o] of plan.outcomes.entries()) {
      const details = outcomes.items[i]!.details.join(' | ');
      if (o.contributors.length === 0) expect(details).toContain('What contributes to it: Nothing yet');
      else
        expect(details).toContain(
          `What contributes to it: ${CARD_KIND_INFO[o.contributors[0]!.kind].label}: ${o.contributors[0]!.text}`,
        );
    }
  });

  it('shows plain words and UK dates as the cards do, never stored values', () => {
    const details = sections.flatMap((s) => s.items.flatMap((i) => i.details));
    expect(details).toContain('Kind of strength: A group or association');
    expect(details).toContain('What we propose: Test removing it');
    expect(details).toContain('Review date: 15 Jan 2026');
    expect(details).toContain('By when: 1 Apr 2025');
    for (const d of details) expect(d).not.toMatch(/\d{4}-\d{2}-\d{2}|: association$|: test-removing$/);
  });

  it('never shows withheld words', () => {
    const shown = JSON.stringify(sections);
    for (const card of snapshot.cards.values()) {
      if (card.kind === 'person' && card.fields['consent'] !== 'yes' && card.text.trim())
        expect(shown).not.toContain(card.text);
    }
  });

  it('gives an empty section a sentence instead of a blank', () => {
    const empty = planSections(planOf({ ...snapshot, cards: new Map(), connectors: new Map() }, 0));
    for (const s of empty) {
      expect(s.items).toEqual([]);
      expect(s.empty.length).toBeGreaterThan(5);
    }
  });
});
