import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { CARD_KINDS, CARD_KIND_INFO } from '../../../shared/model';
import { describeSnapshotChange } from '../../../shared/storage/history';
import type { Editor } from '../../editor/editor';
import type { HistoryEntry, WorkshopHandle, WorkshopStorage } from '../../platform/types';
import { loadVersion, type LoadedVersion } from '../../session/versions';
import { Dialog } from '../dialogs/Dialog';
import { KindIcon } from '../KindIcon';
import { describeWhen } from '../../app/file-names';

export interface VersionHistoryDialogProps {
  readonly storage: WorkshopStorage;
  readonly handle: WorkshopHandle;
  readonly editor: Editor;
  readonly onClose: () => void;
}

type Preview =
  | { readonly id: string; readonly kind: 'loading' }
  | { readonly id: string; readonly kind: 'loaded'; readonly version: LoadedVersion }
  | { readonly id: string; readonly kind: 'problem'; readonly message: string };

/** Most card texts a preview lists; the counts above it always cover them all. */
const MAX_LISTED_CARDS = 200;

/**
 * Earlier versions of the workshop: pick one (radio buttons, so arrow keys move through them) to
 * see what it held, then restore it as one change that Undo takes back and that everyone receives.
 */
export function VersionHistoryDialog({ storage, handle, editor, onClose }: VersionHistoryDialogProps) {
  const [versions, setVersions] = useState<readonly HistoryEntry[] | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [now] = useState(() => Date.now());
  const loaded = useRef<LoadedVersion | null>(null);
  const wanted = useRef<string | null>(null);
  const legendId = useId();

  useEffect(() => {
    let live = true;
    void storage.history(handle).then((found) => live && setVersions(found));
    const versionDocs = loaded;
    return () => {
      live = false;
      wanted.current = null;
      versionDocs.current?.destroy();
      versionDocs.current = null;
    };
  }, [storage, handle]);

  const choose = useCallback(
    async (id: string) => {
      wanted.current = id;
      setPreview({ id, kind: 'loading' });
      const outcome = await storage.loadHistory(handle, id);
      // Arrow keys move through the versions faster than they load: only the last choice counts.
      if (wanted.current !== id) return;
      loaded.current?.destroy();
      loaded.current = null;
      if (outcome.kind === 'problem')
        return setPreview({ id, kind: 'problem', message: outcome.problem.message });
      const version = loadVersion(outcome.state);
      if (!version) return setPreview({ id, kind: 'problem', message: 'That version could not be read.' });
      loaded.current = version;
      setPreview({ id, kind: 'loaded', version });
    },
    [storage, handle],
  );

  const chosen = versions?.find((v) => v.id === preview?.id) ?? null;
  const restore = () => {
    if (preview?.kind !== 'loaded' || !chosen || editor.readOnly) return;
    preview.version.restoreInto(editor.session);
    editor.announce(
      `Restored the version from ${describeWhen(chosen.takenAt, now, true)}. Undo brings back what was there before.`,
    );
    onClose();
  };

  return (
    <Dialog
      title="Version history"
      onClose={onClose}
      className="history-dialog"
      description="Dreamboard keeps a version of this workshop every few minutes while people work, for a week."
    >
      {versions === null && <p className="muted">Looking for earlier versions…</p>}
      {versions?.length === 0 && (
        <p>There are no earlier versions yet. The first is kept a few minutes after the workshop changes.</p>
      )}
      {versions && versions.length > 0 && (
        <div className="history-layout">
          <fieldset className="history-list" aria-labelledby={legendId}>
            <legend id={legendId} className="history-legend">
              Choose a version to see what it held
            </legend>
            {versions.map((v) => (
              <label key={v.id} className={`history-item ${preview?.id === v.id ? 'is-chosen' : ''}`}>
                <input
                  type="radio"
                  name="version"
                  value={v.id}
                  checked={preview?.id === v.id}
                  onChange={() => void choose(v.id)}
                />
                <span className="history-when">{capitalise(describeWhen(v.takenAt, now, true))}</span>
                <span className="history-change">
                  {describeChange(v)} · {v.cards} {v.cards === 1 ? 'card' : 'cards'}
                </span>
              </label>
            ))}
          </fieldset>
          <section
            className="history-preview"
            aria-label="The chosen version"
            aria-live="polite"
            aria-busy={preview?.kind === 'loading'}
          >
            {!preview && <p className="muted">Choose a version on the left.</p>}
            {preview?.kind === 'loading' && <p className="muted">Opening that version…</p>}
            {preview?.kind === 'problem' && <p className="form-error">{preview.message}</p>}
            {preview?.kind === 'loaded' && chosen && (
              <VersionSummary
                version={preview.version}
                heading={capitalise(describeWhen(chosen.takenAt, now, true))}
              />
            )}
          </section>
        </div>
      )}
      <div className="dialog-actions">
        {editor.readOnly && (
          <p className="muted history-readonly">
            This workshop is read-only, so a version cannot be restored.
          </p>
        )}
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
        <button
          type="button"
          className="button primary"
          onClick={restore}
          disabled={preview?.kind !== 'loaded' || editor.readOnly}
        >
          Restore this version
        </button>
      </div>
    </Dialog>
  );
}

function VersionSummary({ version, heading }: { version: LoadedVersion; heading: string }) {
  const { snapshot } = version;
  const cards = [...snapshot.cards.values()];
  const perKind = CARD_KINDS.map((kind) => ({
    kind,
    count: cards.filter((c) => c.kind === kind).length,
  })).filter((k) => k.count > 0);
  return (
    <>
      <h3 className="dialog-subheading">{heading}</h3>
      <p>
        <strong>{snapshot.meta.title}</strong>: {cards.length} {cards.length === 1 ? 'card' : 'cards'},{' '}
        {snapshot.frames.size} {snapshot.frames.size === 1 ? 'frame' : 'frames'}, {snapshot.connectors.size}{' '}
        {snapshot.connectors.size === 1 ? 'connection' : 'connections'}
      </p>
      {perKind.length > 0 && (
        <ul className="history-kinds">
          {perKind.map(({ kind, count }) => (
            <li key={kind}>
              <KindIcon kind={kind} size="1rem" /> {count} {CARD_KIND_INFO[kind].label}
            </li>
          ))}
        </ul>
      )}
      {cards.length > 0 && (
        <>
          <h4 className="history-cards-heading">What the cards say</h4>
          <ul className="history-cards">
            {cards.slice(0, MAX_LISTED_CARDS).map((card) => (
              <li key={card.id}>
                <span className="history-card-kind">{CARD_KIND_INFO[card.kind].label}:</span>{' '}
                {card.text.trim() || <em>(no words yet)</em>}
              </li>
            ))}
          </ul>
          {cards.length > MAX_LISTED_CARDS && (
            <p className="muted">and {cards.length - MAX_LISTED_CARDS} more</p>
          )}
        </>
      )}
    </>
  );
}

/** An empty board has nothing "edited or moved"; say what it is. */
const describeChange = (v: HistoryEntry) =>
  v.cards === 0 && v.cardsAdded === 0 && v.cardsRemoved === 0 ? 'An empty board' : describeSnapshotChange(v);

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
