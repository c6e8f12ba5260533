import type { ActionId } from '../../../shared/actions/catalog';
import { liveStatusText } from './live-text';
import { useLive } from '../../app/live-context';
import './live.css';

export interface LiveTopBarControlProps {
  readonly run: (id: ActionId) => void;
  /** The action's label with its shortcut, for the tooltip. */
  readonly describe: (id: ActionId) => string;
}

/**
 * In the top bar: "Go live" while there is no session; during one, the session's state in words
 * ("Live · 4 people here", "Reconnecting… you can keep working") with a dot whose shape changes
 * too, so the state never rests on colour. Pressing it opens the session panel.
 */
/** Under the top bar while the connection is in trouble: the whole sentence and what it means for the work. */
export function LiveNotice() {
  const status = useLive((s) => s.status);
  const text = liveStatusText(status, 0);
  if (!text?.advice) return null;
  return (
    <div className="notice notice-warning live-notice" role="note">
      <strong>{text.label}.</strong> {text.advice}
    </div>
  );
}

export function LiveTopBarControl({ run, describe }: LiveTopBarControlProps) {
  const status = useLive((s) => s.status);
  const others = useLive((s) => s.participants.length);
  const text = liveStatusText(status, others);
  if (!text) {
    return (
      <button
        type="button"
        className="text-button live-go"
        onClick={() => run('live.host')}
        title={describe('live.host')}
      >
        <svg
          className="icon"
          viewBox="0 0 24 24"
          width="1.25rem"
          height="1.25rem"
          aria-hidden="true"
          focusable="false"
        >
          <path
            d="M12 10.5a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3zM8.5 8.5a5 5 0 0 0 0 7M15.5 8.5a5 5 0 0 1 0 7M5.5 5.5a9 9 0 0 0 0 13M18.5 5.5a9 9 0 0 1 0 13"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
          />
        </svg>
        Go live
      </button>
    );
  }
  return (
    <span role="status" className="live-pill-status">
      <button
        type="button"
        className={`live-pill live-tone-${text.tone}`}
        onClick={() => run('live.host')}
        title={`${text.label}. Show the join code and people`}
        data-testid="live-status"
      >
        <span className="live-dot" aria-hidden="true" />
        {/* The sentence is always read; on laptop and projector widths the short form is what shows. */}
        <span className="live-pill-long">{text.label}</span>
        <span className="live-pill-short" aria-hidden="true">
          {text.short}
        </span>
      </button>
    </span>
  );
}
