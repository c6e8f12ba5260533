import type { Plan, PlanGap } from './plan-schema';

type Sections = Pick<Plan, 'outcomes' | 'barriers' | 'learning' | 'nextSteps'>;

const quote = (text: string) => {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  if (oneLine === '') return 'with no text';
  return `“${oneLine.length > 60 ? `${oneLine.slice(0, 59)}…` : oneLine}”`;
};

/**
 * Plan checks: places where the plan is not yet whole. Each names the card so the app can select
 * it. A barrier counts as dealt with when another card mitigates it or the proposal is to remove
 * it or test removing it; finished experiments (learned, stopped) need no review date.
 */
export function findGaps(plan: Sections): PlanGap[] {
  const gaps: PlanGap[] = [];
  for (const o of plan.outcomes) {
    if (o.contributors.length === 0)
      gaps.push({
        check: 'outcome-without-contribution',
        cardId: o.cardId,
        message: `Outcome ${quote(o.text)} has nothing contributing to it.`,
      });
  }
  for (const b of plan.barriers) {
    const proposesChange = b.proposal === 'remove' || b.proposal === 'test-removing';
    if (b.mitigations.length === 0 && !proposesChange)
      gaps.push({
        check: 'barrier-without-mitigation',
        cardId: b.cardId,
        message: `Barrier ${quote(b.text)} has no mitigation.`,
      });
  }
  for (const l of plan.learning) {
    const finished = l.status === 'learned' || l.status === 'stopped';
    if (l.reviewDate === null && !finished)
      gaps.push({
        check: 'learning-without-review-date',
        cardId: l.cardId,
        message: `Experiment ${quote(l.text)} has no review date.`,
      });
  }
  for (const a of plan.nextSteps) {
    if (a.owner === null)
      gaps.push({
        check: 'action-without-owner',
        cardId: a.cardId,
        message: `Next step ${quote(a.text)} has no owner.`,
      });
  }
  return gaps;
}
