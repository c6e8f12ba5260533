export interface FileNoticesProps {
  readonly problem: string | null;
  readonly notice: string | null;
  readonly onDismissProblem: () => void;
  readonly onDismissNotice: () => void;
}

/** What a file action said: a problem (an alert, it needs attention) and the one-time recovery notice. */
export function FileNotices({ problem, notice, onDismissProblem, onDismissNotice }: FileNoticesProps) {
  return (
    <>
      {problem && (
        <div className="notice notice-error file-notice" role="alert">
          <p>{problem}</p>
          <button type="button" className="small-button" onClick={onDismissProblem}>
            Dismiss
          </button>
        </div>
      )}
      {notice && (
        <div className="notice notice-warning file-notice" role="note" aria-label="Recovered workshop">
          <p>
            <strong>Part of this workshop could not be read.</strong> {notice}
          </p>
          <button type="button" className="small-button" onClick={onDismissNotice}>
            Dismiss
          </button>
        </div>
      )}
    </>
  );
}
