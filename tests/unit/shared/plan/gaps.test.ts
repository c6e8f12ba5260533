import { describe, expect, it } from 'vitest';
import { derivePlan } from '../../../../shared/plan';
import { FIXTURE_NOW, richWorkshop } from './fixtures';

describe('plan gap checks', () => {
  const plan = derivePlan(richWorkshop().snapshot, { appVersion: '0.1.0', now: FIXTURE_NOW });
  const gap = (check: string) => plan.gaps.filter((g) => g.check === check);

  it('flags an outcome nothing contributes to, naming the card', () => {
    expect(gap('outcome-without-contribution')).toEqual([
      {
        check: 'outcome-without-contribution',
        cardId: 'card_outcomeOrphan',
        message: 'Outcome “Families reconnect” has nothing contributing to it.',
      },
    ]);
  });

  it('flags a barrier with no mitigation, but not one mitigated or proposed for removal testing', () => {
    expect(gap('barrier-without-mitigation').map((g) => g.cardId)).toEqual(['card_barrierWaits']);
  });

  it('flags an experiment without a review date', () => {
    expect(gap('learning-without-review-date').map((g) => g.cardId)).toEqual(['card_learningUndated']);
  });

  it('flags a next step without an owner', () => {
    expect(gap('action-without-owner')).toEqual([
      {
        check: 'action-without-owner',
        cardId: 'card_actionOrphan',
        message: 'Next step “Book the youth club room” has no owner.',
      },
    ]);
  });

  it('names only cards that exist in the plan', () => {
    const planned = new Set(
      [...plan.outcomes, ...plan.barriers, ...plan.learning, ...plan.nextSteps].map((e) => e.cardId),
    );
    expect(plan.gaps.every((g) => planned.has(g.cardId))).toBe(true);
  });
});
