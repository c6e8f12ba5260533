import { useEffect, useState } from 'react';
import type { RecentEntry, RecentId } from '../../platform/types';
import { Dialog } from '../dialogs/Dialog';
import { RecentList } from './RecentList';

export interface OpenWorkshopDialogProps {
  readonly list: () => Promise<readonly RecentEntry[]>;
  readonly onOpen: (id: RecentId) => void;
  readonly onImport: () => void;
  readonly onClose: () => void;
}

/**
 * Open in the browser build: a page cannot browse folders, so "Open" lists the workshops kept in
 * this browser and offers to import a .dreamboard file (a copy is kept here and saved into).
 */
export function OpenWorkshopDialog({ list, onOpen, onImport, onClose }: OpenWorkshopDialogProps) {
  const [entries, setEntries] = useState<readonly RecentEntry[] | null>(null);
  const [now] = useState(() => Date.now());
  useEffect(() => {
    let live = true;
    void list().then((found) => live && setEntries(found));
    return () => {
      live = false;
    };
  }, [list]);

  return (
    <Dialog title="Open a workshop" onClose={onClose} className="open-dialog">
      <h3 className="dialog-subheading">Workshops in this browser</h3>
      {entries === null && <p className="muted">Looking for workshops…</p>}
      {entries?.length === 0 && <p className="muted">No workshops are stored in this browser yet.</p>}
      {entries && entries.length > 0 && <RecentList entries={entries} onOpen={onOpen} now={now} />}
      <h3 className="dialog-subheading">From a file</h3>
      <p className="muted">
        Open a .dreamboard file someone sent you. Dreamboard keeps a copy in this browser and saves into it.
      </p>
      <div className="dialog-actions">
        <button
          type="button"
          className="button primary"
          onClick={onImport}
          data-autofocus={entries?.length === 0 ? true : undefined}
        >
          Import a .dreamboard file…
        </button>
      </div>
    </Dialog>
  );
}
