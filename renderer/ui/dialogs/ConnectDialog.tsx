import { useId, useMemo, useState } from 'react';
import { cardsInZOrder } from '../../../shared/doc';
import { CARD_KIND_INFO, CONNECTOR_KINDS, CONNECTOR_LABELS, type ConnectorKind } from '../../../shared/model';
import { connectCards } from '../../editor/edit-commands';
import { useEditor, useSnapshot } from '../../app/hooks';
import { KindIcon } from '../KindIcon';
import { cardTitle, frameTitle } from '../outline/outline-model';
import { Dialog } from './Dialog';

const SHOWN = 60;

/** "Connect to…": find the other card by typing, pick how they are connected, connect. */
export function ConnectDialog({
  fromId,
  onClose,
  restoreFocus,
}: {
  fromId: string;
  onClose: () => void;
  restoreFocus?: () => boolean | void;
}) {
  const editor = useEditor();
  const snapshot = useSnapshot();
  const from = snapshot.cards.get(fromId as never);
  const [query, setQuery] = useState('');
  const [target, setTarget] = useState<string | null>(null);
  const [kind, setKind] = useState<ConnectorKind>(editor.state.connectorKind);
  const [label, setLabel] = useState('');
  const [error, setError] = useState('');
  const listId = useId();

  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    return cardsInZOrder(snapshot).filter((c) => {
      if (c.id === fromId) return false;
      if (!q) return true;
      const frame = c.frame ? snapshot.frames.get(c.frame) : undefined;
      return `${c.text} ${CARD_KIND_INFO[c.kind].label} ${frame?.title ?? ''}`.toLowerCase().includes(q);
    });
  }, [snapshot, query, fromId]);

  if (!from) return null;
  return (
    <Dialog
      title="Connect to another card"
      onClose={onClose}
      className="form-dialog connect-dialog"
      restoreFocus={restoreFocus}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!target) return setError('Choose the card to connect to.');
          if (connectCards(editor, fromId, target, kind, label.trim())) onClose();
          else setError('These cards are already connected that way.');
        }}
      >
        <p className="connect-from">
          From: <KindIcon kind={from.kind} /> <strong>{CARD_KIND_INFO[from.kind].label}:</strong>{' '}
          {cardTitle(from)}
        </p>
        <label className="field">
          <span className="field-label">How are they connected?</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as ConnectorKind)}>
            {CONNECTOR_KINDS.map((k) => (
              <option key={k} value={k}>
                This card {CONNECTOR_LABELS[k]} the other card
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Find the other card</span>
          <input
            type="search"
            value={query}
            data-autofocus
            aria-controls={listId}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="Type some of its words"
          />
        </label>
        <fieldset className="choice-list card-choices" id={listId}>
          <legend>
            {matches.length === 0
              ? 'No cards match'
              : matches.length > SHOWN
                ? `First ${SHOWN} of ${matches.length} cards: type to narrow`
                : `${matches.length} ${matches.length === 1 ? 'card' : 'cards'}`}
          </legend>
          {matches.slice(0, SHOWN).map((c) => {
            const frame = c.frame ? snapshot.frames.get(c.frame) : undefined;
            return (
              <label key={c.id} className="choice">
                <input
                  type="radio"
                  name="target"
                  value={c.id}
                  checked={target === c.id}
                  onChange={() => setTarget(c.id)}
                />
                <KindIcon kind={c.kind} />
                <span>
                  <strong>{CARD_KIND_INFO[c.kind].label}:</strong> {cardTitle(c)}
                  <span className="muted"> — {frame ? frameTitle(frame) : 'not in a frame'}</span>
                </span>
              </label>
            );
          })}
        </fieldset>
        <label className="field">
          <span className="field-label">Words on the line (optional)</span>
          <input value={label} maxLength={200} onChange={(e) => setLabel(e.target.value)} />
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary">
            Connect
          </button>
        </div>
      </form>
    </Dialog>
  );
}
