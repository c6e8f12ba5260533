import type { ReactNode } from 'react';
import { describeProblems } from './problems';
import { useEditorState, useSnapshot } from '../../app/hooks';

export interface NoticesProps {
  /** Why the platform opened the file read-only, in its words; null to use the document's own reason. */
  readonly readOnlyReason?: string | null;
  /** Further notices (files: problems, a recovered file). */
  readonly children?: ReactNode;
}

/** Notices about the whole workshop: read-only, records that could not be shown, and file notices. */
export function Notices({ readOnlyReason = null, children }: NoticesProps) {
  const snapshot = useSnapshot();
  const n = snapshot.quarantine.length;
  // Always rendered, even empty, so the workspace grid keeps its rows in place.
  return (
    <div className="notices">
      {children}
      {snapshot.readOnly && (
        <div className="notice notice-warning" role="note">
          <strong>Read only.</strong>{' '}
          {readOnlyReason ??
            'This workshop was made with a newer version of Dreamboard. Update Dreamboard to edit it.'}
        </div>
      )}
      {n > 0 && (
        <div className="notice notice-info" role="note">
          <details>
            <summary>
              {n} {n === 1 ? 'item' : 'items'} could not be shown
            </summary>
            <p>
              They are kept in the workshop unchanged, in case a newer version of Dreamboard can read them.
            </p>
            <ul>
              {describeProblems(snapshot.quarantine).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </details>
        </div>
      )}
    </div>
  );
}

/** A visually hidden polite live region: results of commands ("Card added", "Deleted"). */
export function LiveRegion() {
  const message = useEditorState((s) => s.announcement);
  return (
    <div
      className="visually-hidden"
      role="status"
      aria-live="polite"
      aria-atomic="true"
      data-testid="announcer"
    >
      {message}
    </div>
  );
}
