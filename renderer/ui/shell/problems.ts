import type { Collection, QuarantinedRecord } from '../../../shared/doc';

const COLLECTION_NAMES: Record<Collection, [string, string]> = {
  cards: ['card', 'cards'],
  frames: ['frame', 'frames'],
  connectors: ['connection', 'connections'],
};

/**
 * Plain-language groups of quarantined records: how many of what, and the kind of problem, never
 * the raw content (it may be huge, hostile or private).
 */
export function describeProblems(records: readonly QuarantinedRecord[]): string[] {
  const counts = new Map<string, number>();
  for (const r of records) {
    const problem = r.reason.startsWith('links to')
      ? 'links to something that is missing'
      : 'has information Dreamboard cannot read';
    const key = `${r.collection}|${problem}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, n]) => {
    const [collection, problem] = key.split('|') as [Collection, string];
    const [one, many] = COLLECTION_NAMES[collection];
    return `${n} ${n === 1 ? one : many}: ${n === 1 ? problem : problem.replace(/^has /, 'have ').replace(/^links /, 'link ')}`;
  });
}
