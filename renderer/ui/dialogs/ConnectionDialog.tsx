import { useState } from 'react';
import { CONNECTOR_KINDS, CONNECTOR_LABELS, type ConnectorKind } from '../../../shared/model';
import { reverseConnector, setConnector } from '../../editor/edit-commands';
import { inOneStep } from '../one-step';
import { useEditor, useSnapshot } from '../../app/hooks';
import { cardTitle } from '../outline/outline-model';
import { Dialog } from './Dialog';

/** Change a connection: its kind, its words and its direction, saved as one undo step. */
export function ConnectionDialog({
  id,
  onClose,
  restoreFocus,
}: {
  id: string;
  onClose: () => void;
  restoreFocus?: () => boolean | void;
}) {
  const editor = useEditor();
  const snapshot = useSnapshot();
  const connector = snapshot.connectors.get(id as never);
  const [kind, setKind] = useState<ConnectorKind>(connector?.kind ?? 'contributes-to');
  const [label, setLabel] = useState(connector?.label ?? '');
  const [reversed, setReversed] = useState(false);
  if (!connector) return null;
  const from = snapshot.cards.get(reversed ? connector.to : connector.from);
  const to = snapshot.cards.get(reversed ? connector.from : connector.to);
  return (
    <Dialog title="Change connection" onClose={onClose} className="form-dialog" restoreFocus={restoreFocus}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          inOneStep(editor, () => {
            if (kind !== connector.kind || label.trim() !== connector.label)
              setConnector(editor, id, { kind, label: label.trim() });
            if (reversed) reverseConnector(editor, id);
          });
          editor.announce(
            `Connection changed: ${from ? cardTitle(from) : ''} ${CONNECTOR_LABELS[kind]} ${to ? cardTitle(to) : ''}`,
          );
          onClose();
        }}
      >
        <p>
          <strong>{from ? cardTitle(from) : '?'}</strong> {CONNECTOR_LABELS[kind]}{' '}
          <strong>{to ? cardTitle(to) : '?'}</strong>
        </p>
        <label className="field">
          <span className="field-label">Kind of connection</span>
          <select value={kind} data-autofocus onChange={(e) => setKind(e.target.value as ConnectorKind)}>
            {CONNECTOR_KINDS.map((k) => (
              <option key={k} value={k}>
                {CONNECTOR_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Words on the line (optional)</span>
          <input value={label} maxLength={200} onChange={(e) => setLabel(e.target.value)} />
        </label>
        <label className="check">
          <input type="checkbox" checked={reversed} onChange={(e) => setReversed(e.target.checked)} />
          <span>Turn it round (swap which card points to which)</span>
        </label>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary">
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}
