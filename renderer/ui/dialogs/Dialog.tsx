import { useEffect, useId, useLayoutEffect, useRef, type ReactNode } from 'react';

export interface DialogProps {
  readonly title: string;
  /** Called for Escape, the close button and clicks on the backdrop. */
  readonly onClose: () => void;
  readonly children: ReactNode;
  readonly className?: string;
  /** A sentence under the title, read with it by screen readers. */
  readonly description?: string;
  /**
   * Where focus goes when the dialog goes away. By default, back to what had focus before it
   * opened; return false to leave focus alone (for example when a new card's editor takes it).
   */
  readonly restoreFocus?: () => boolean | void;
}

/**
 * A modal dialog on the native <dialog> element: showModal() makes the rest of the page inert (the
 * focus trap), Escape fires `cancel`, and the browser exposes role dialog with aria-modal. Mount it
 * to open it; unmount to close it.
 */
export function Dialog({ title, onClose, children, className, description, restoreFocus }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descId = useId();
  const restoreRef = useRef(restoreFocus);
  useEffect(() => {
    restoreRef.current = restoreFocus;
  });

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    // showModal focuses the first focusable element; prefer one marked autofocus-first.
    const preferred = dialog.querySelector<HTMLElement>('[data-autofocus]');
    preferred?.focus();
    return () => {
      if (dialog.open) dialog.close();
      const custom = restoreRef.current?.();
      if (custom === false || custom === true) return;
      if (previous && previous.isConnected) previous.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`dialog ${className ?? ''}`}
      aria-labelledby={titleId}
      aria-describedby={description ? descId : undefined}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onMouseDown={(e) => {
        // A press on the backdrop lands on the <dialog> itself, outside its inner box.
        if (e.target === ref.current) onClose();
      }}
    >
      <div className="dialog-box">
        <header className="dialog-header">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="icon-button" onClick={onClose} aria-label="Close">
            <svg viewBox="0 0 24 24" width="1.25rem" height="1.25rem" aria-hidden="true" focusable="false">
              <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
            </svg>
          </button>
        </header>
        {description && (
          <p id={descId} className="dialog-description">
            {description}
          </p>
        )}
        <div className="dialog-body">{children}</div>
      </div>
    </dialog>
  );
}
