import { useEffect, useRef, useState } from 'react';
import type { SaveStateView } from '../../platform/types';
import { describeSaveState } from '../../app/file-names';

export interface SaveStatusProps {
  readonly fileName: string | null;
  /** The workshop's title: a file name that only repeats it is left to screen readers. */
  readonly title: string;
  readonly saveState: SaveStateView | null;
  /** 'browser': the file lives in this browser's storage, not in a folder. */
  readonly where: 'desktop' | 'browser';
}

/**
 * The file name and whether the work is on disk. Shown always; announced only when saving starts
 * failing and when it recovers: "Saving…" then "Saved" after every keystroke would drown a screen
 * reader, while a failure is exactly what someone must hear.
 */
export function SaveStatus({ fileName, title, saveState, where }: SaveStatusProps) {
  const { label, detail } = describeSaveState(saveState);
  const kind = saveState?.kind ?? 'saved';
  const [spoken, setSpoken] = useState('');
  const wasFailing = useRef(false);
  useEffect(() => {
    if (kind === 'failing' && !wasFailing.current) {
      wasFailing.current = true;
      setSpoken(`Saving failed. ${detail ?? ''} Dreamboard keeps trying.`);
    } else if (kind === 'saved' && wasFailing.current) {
      wasFailing.current = false;
      setSpoken('Saved again. Nothing was lost.');
    }
  }, [kind, detail]);

  return (
    <div className="save-status" data-testid="save-status">
      {fileName !== null && (
        <span
          className={`file-name ${fileName.trim() === title.trim() ? 'visually-hidden' : ''}`}
          title={where === 'browser' ? 'Stored in this browser' : undefined}
        >
          <span className="visually-hidden">File: </span>
          {fileName}
          {where === 'desktop' && <span aria-hidden="true">.dreamboard</span>}
        </span>
      )}
      <span className={`save-state save-state-${kind}`} title={detail ?? undefined}>
        <StateIcon kind={kind} />
        {label}
      </span>
      {kind === 'failing' && detail && <span className="save-detail">{detail}</span>}
      <span className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {spoken}
      </span>
    </div>
  );
}

/** A shape per state, so the state never rests on colour alone. */
function StateIcon({ kind }: { kind: SaveStateView['kind'] }) {
  const paths: Record<SaveStateView['kind'], string> = {
    saved: 'M5 12.5l4.5 4.5L19 7.5',
    unsaved: 'M12 6v6l4 2',
    saving: 'M12 4a8 8 0 1 1-8 8',
    failing: 'M12 5v9M12 18v1',
    'read-only': 'M7 11V8a5 5 0 0 1 10 0v3M6 11h12v9H6z',
  };
  return (
    <svg viewBox="0 0 24 24" width="1rem" height="1rem" aria-hidden="true" focusable="false">
      <path
        d={paths[kind]}
        fill="none"
        stroke="currentColor"
        strokeWidth="2.4"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
