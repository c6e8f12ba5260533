import { useEffect, useMemo, useState } from 'react';
import type { DocSnapshot } from '../../../shared/doc';
import type { Plan } from '../../../shared/plan';
import { planOf } from '../../export/plan-of';

/** Above this many cards, the plan is re-derived after typing pauses rather than on every change. */
export const LARGE_BOARD_CARDS = 1500;
const SETTLE_MS = 400;

/**
 * The plan of the snapshot, derived once per snapshot (snapshots are immutable, one per change).
 * On a large board a burst of edits (a drag, a paste) would re-derive it many times over, so
 * there the view waits for the board to settle and shows the previous plan meanwhile.
 */
export function usePlan(snapshot: DocSnapshot): { plan: Plan; stale: boolean } {
  const large = snapshot.cards.size > LARGE_BOARD_CARDS;
  const [settled, setSettled] = useState(snapshot);
  useEffect(() => {
    if (!large) return;
    const timer = setTimeout(() => setSettled(snapshot), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [large, snapshot]);
  const source = large ? settled : snapshot;
  // `now` only stamps meta.generatedAt, which the view does not show; a fixed value keeps the memo pure.
  const plan = useMemo(() => planOf(source, 0), [source]);
  return { plan, stale: source !== snapshot };
}
