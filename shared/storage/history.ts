/**
 * Version history: copies of a workshop taken while people work, kept in the app's own data
 * folder (never inside the workshop file, which stays small and the user's own). Each snapshot
 * is a compacted workshop file (docs/file-format.md) plus a small JSON description, so listing
 * never replays a document. This module holds the rules; electron/storage/history-store.ts keeps
 * the files.
 */

export interface HistoryPolicy {
  /** At most one snapshot per this much editing time. */
  readonly intervalMs: number;
  /** Snapshots older than this are deleted. */
  readonly keepForMs: number;
  /** A ceiling per workshop, in case someone edits for a week without pause. */
  readonly maxSnapshots: number;
}

export const DEFAULT_HISTORY_POLICY: HistoryPolicy = {
  intervalMs: 5 * 60 * 1000,
  keepForMs: 7 * 24 * 60 * 60 * 1000,
  maxSnapshots: 500,
};

/** What the version history list shows for one snapshot. */
export interface SnapshotInfo {
  /** File-name-safe id, sortable by time. */
  readonly id: string;
  /** ms since the epoch. */
  readonly takenAt: number;
  readonly title: string;
  readonly cards: number;
  /** Cards added and removed since the snapshot before it (all cards for the first one). */
  readonly cardsAdded: number;
  readonly cardsRemoved: number;
  readonly bytes: number;
}

/**
 * Decides when to take a snapshot: once there are changes not in any snapshot and the interval
 * has passed since the last one. Time is passed in, so tests need no clock.
 */
export class SnapshotTimer {
  private lastSnapshotAt: number;
  private changedSinceSnapshot = false;

  constructor(
    private readonly policy: HistoryPolicy = DEFAULT_HISTORY_POLICY,
    openedAt = 0,
  ) {
    this.lastSnapshotAt = openedAt;
  }

  noteChange(): void {
    this.changedSinceSnapshot = true;
  }

  isDue(now: number): boolean {
    return this.changedSinceSnapshot && now - this.lastSnapshotAt >= this.policy.intervalMs;
  }

  noteSnapshot(now: number): void {
    this.lastSnapshotAt = now;
    this.changedSinceSnapshot = false;
  }
}

/** Ids of snapshots to delete: past the keeping time, then the oldest beyond the ceiling. */
export function snapshotsToPrune(
  snapshots: readonly Pick<SnapshotInfo, 'id' | 'takenAt'>[],
  now: number,
  policy: HistoryPolicy = DEFAULT_HISTORY_POLICY,
): string[] {
  const newestFirst = [...snapshots].sort((a, b) => b.takenAt - a.takenAt);
  return newestFirst
    .filter((s, index) => now - s.takenAt > policy.keepForMs || index >= policy.maxSnapshots)
    .map((s) => s.id);
}

export function compareCardSets(
  previous: ReadonlySet<string> | null,
  current: ReadonlySet<string>,
): { added: number; removed: number } {
  if (!previous) return { added: current.size, removed: 0 };
  let added = 0;
  let removed = 0;
  for (const id of current) if (!previous.has(id)) added++;
  for (const id of previous) if (!current.has(id)) removed++;
  return { added, removed };
}

/** "12 cards added, 3 removed": the line under each snapshot in the history list. */
export function describeSnapshotChange(info: Pick<SnapshotInfo, 'cardsAdded' | 'cardsRemoved'>): string {
  const plural = (n: number) => (n === 1 ? 'card' : 'cards');
  if (info.cardsAdded === 0 && info.cardsRemoved === 0) return 'Cards edited or moved; none added or removed';
  if (info.cardsRemoved === 0) return `${info.cardsAdded} ${plural(info.cardsAdded)} added`;
  if (info.cardsAdded === 0) return `${info.cardsRemoved} ${plural(info.cardsRemoved)} removed`;
  return `${info.cardsAdded} ${plural(info.cardsAdded)} added, ${info.cardsRemoved} removed`;
}

/** Null for a description that is not valid (a damaged or foreign file in the history folder). */
export function parseSnapshotInfo(raw: unknown): SnapshotInfo | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  const count = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
  if (typeof r.id !== 'string' || !/^[0-9a-z-]{1,64}$/.test(r.id)) return null;
  if (typeof r.takenAt !== 'number' || !Number.isFinite(r.takenAt) || typeof r.title !== 'string')
    return null;
  if (!count(r.cards) || !count(r.cardsAdded) || !count(r.cardsRemoved) || !count(r.bytes)) return null;
  return {
    id: r.id,
    takenAt: r.takenAt,
    title: r.title.slice(0, 200),
    cards: r.cards as number,
    cardsAdded: r.cardsAdded as number,
    cardsRemoved: r.cardsRemoved as number,
    bytes: r.bytes as number,
  };
}
