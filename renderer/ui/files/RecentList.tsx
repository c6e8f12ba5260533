import type { RecentEntry, RecentId } from '../../platform/types';
import { describeWhen } from '../../app/file-names';

export interface RecentListProps {
  readonly entries: readonly RecentEntry[];
  readonly onOpen: (id: RecentId) => void;
  /** Desktop only: take an entry off the list (its file is not touched). */
  readonly onForget?: (id: RecentId) => void;
  readonly disabled?: boolean;
  readonly now: number;
}

/**
 * Workshops to open again: one button per entry, so Tab and Enter reach each. The button's name
 * is the workshop's title; the details line (cards, when it last changed) is its description.
 * An entry whose file cannot be read shows that problem instead of details.
 */
export function RecentList({ entries, onOpen, onForget, disabled = false, now }: RecentListProps) {
  return (
    <ul className="recent-list">
      {entries.map((entry) => {
        const title = entry.title?.trim() || entry.name;
        const detailsId = `recent-details-${entry.id}`;
        return (
          <li key={entry.id} className={`recent-entry ${entry.problem ? 'recent-broken' : ''}`}>
            <button
              type="button"
              className="recent-open"
              onClick={() => onOpen(entry.id)}
              disabled={disabled}
              aria-describedby={detailsId}
            >
              <span className="recent-title">{title}</span>
              <span id={detailsId} className="recent-details">
                {entry.problem ? (
                  <span className="recent-problem">{entry.problem}</span>
                ) : (
                  describeDetails(entry, title, now)
                )}
              </span>
            </button>
            {onForget && (
              <button
                type="button"
                className="small-button"
                onClick={() => onForget(entry.id)}
                disabled={disabled}
              >
                Remove from list<span className="visually-hidden">: {title}</span>
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function describeDetails(entry: RecentEntry, title: string, now: number): string {
  const parts: string[] = [];
  if (entry.cards !== undefined) parts.push(`${entry.cards} ${entry.cards === 1 ? 'card' : 'cards'}`);
  const changed = entry.changedAt ?? entry.openedAt;
  if (changed > 0)
    parts.push(`${entry.changedAt !== undefined ? 'changed' : 'opened'} ${describeWhen(changed, now)}`);
  if (entry.name !== title) parts.push(`file "${entry.name}"`);
  parts.push(entry.folder);
  return parts.join(' · ');
}
