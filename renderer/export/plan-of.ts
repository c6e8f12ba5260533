import { version } from '../../package.json';
import { derivePlan, type Plan, type PlanSource } from '../../shared/plan';

/** The plan as this app writes it: the same derivePlan the command line uses, with this build's version. */
export function planOf(source: PlanSource, now: number = Date.now()): Plan {
  return derivePlan(source, { appVersion: version, now });
}
