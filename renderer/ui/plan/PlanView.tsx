import { memo, useCallback } from 'react';
import { CHECKS_ALL_CLEAR, PLAN_HEADINGS, type PlanGap } from '../../../shared/plan';
import { useEditor, useSnapshot } from '../../app/hooks';
import { planSections, type PlanItem, type PlanSectionView } from './plan-view-model';
import { usePlan } from './use-plan';
import './plan.css';

/**
 * The plan as the board compiles to it, live: the plan checks first (what is missing), then each
 * section with its cards. Choosing an item selects its card on the board and brings it into view;
 * focus stays here so a keyboard user can go on down the list.
 */
export function PlanView() {
  const editor = useEditor();
  const snapshot = useSnapshot();
  const { plan, stale } = usePlan(snapshot);
  const show = useCallback(
    (cardId: string) => {
      if (!editor.snapshot.cards.has(cardId as never))
        return editor.announce('That card is no longer on the board.');
      editor.select([cardId]);
      editor.reveal(cardId);
      editor.announce('Selected on the board.');
    },
    [editor],
  );

  return (
    <section className="panel-section plan-section" aria-labelledby="plan-heading" aria-busy={stale}>
      <h2 id="plan-heading" className="panel-heading">
        Plan
      </h2>
      <div className="plan-scroll">
        <p className="muted plan-intro">
          What the board says so far, as the exported plan will have it. Choose an item to find its card.
        </p>
        <PlanChecks gaps={plan.gaps} onShow={show} />
        {planSections(plan).map((section) => (
          <PlanSection key={section.id} section={section} onShow={show} />
        ))}
        {plan.omitted.length > 0 && (
          <p className="plan-omitted">
            {plan.omitted.length} item{plan.omitted.length === 1 ? '' : 's'} could not be read and{' '}
            {plan.omitted.length === 1 ? 'is' : 'are'} left out of the plan.
          </p>
        )}
      </div>
    </section>
  );
}

function PlanChecks({ gaps, onShow }: { gaps: readonly PlanGap[]; onShow: (id: string) => void }) {
  return (
    <section className="plan-checks" aria-labelledby="plan-checks-heading">
      <h3 id="plan-checks-heading">
        {gaps.length === 0
          ? `${PLAN_HEADINGS.checks}: nothing missing`
          : `${PLAN_HEADINGS.checks}: ${gaps.length} to look at`}
      </h3>
      {gaps.length === 0 ? (
        <p className="muted">{CHECKS_ALL_CLEAR}</p>
      ) : (
        <ul className="plan-list">
          {gaps.map((gap) => (
            <li key={`${gap.check}:${gap.cardId}`}>
              <button type="button" className="plan-item plan-gap" onClick={() => onShow(gap.cardId)}>
                <span aria-hidden="true" className="plan-gap-mark">
                  !
                </span>
                {gap.message}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Memoised: a section's items only change when its cards do, so typing elsewhere redraws little. */
const PlanSection = memo(function PlanSection({
  section,
  onShow,
}: {
  section: PlanSectionView;
  onShow: (id: string) => void;
}) {
  const headingId = `plan-section-${section.id}`;
  return (
    <section className="plan-part" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {section.title} <span className="plan-count">({section.items.length})</span>
      </h3>
      {section.items.length === 0 ? (
        <p className="muted">{section.empty}</p>
      ) : (
        <ul className="plan-list">
          {section.items.map((item) => (
            <PlanEntry key={item.cardId} item={item} onShow={onShow} />
          ))}
        </ul>
      )}
      {section.notes.map((note) => (
        <p key={note} className="muted">
          {note}
        </p>
      ))}
    </section>
  );
}, sameSection);

function PlanEntry({ item, onShow }: { item: PlanItem; onShow: (id: string) => void }) {
  return (
    <li>
      <button type="button" className="plan-item" onClick={() => onShow(item.cardId)}>
        {item.text}
      </button>
      {item.details.length > 0 && (
        <ul className="plan-details">
          {item.details.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ul>
      )}
    </li>
  );
}

function sameSection(
  a: { section: PlanSectionView; onShow: unknown },
  b: { section: PlanSectionView; onShow: unknown },
): boolean {
  return a.onShow === b.onShow && JSON.stringify(a.section) === JSON.stringify(b.section);
}
