import { useState } from 'react';
import { cardsInFrame } from '../../../shared/doc';
import {
  CARD_KINDS,
  CARD_KIND_INFO,
  CONNECTOR_KINDS,
  CONNECTOR_LABELS,
  type CardKind,
  type Connector,
  type ConnectorKind,
  type Frame,
} from '../../../shared/model';
import { align, distribute } from '../../editor/arrange-commands';
import {
  deleteSelection,
  renameFrame,
  renameWorkshop,
  reverseConnector,
  setCardKind,
  setConnector,
  setFrameLocked,
  setWorkshopContext,
} from '../../editor/edit-commands';
import type { Editor } from '../../editor/editor';
import { AddCardDialog } from '../dialogs/AddCardDialog';
import { useEditor, useSnapshot } from '../../app/hooks';
import { Icon } from '../Icon';
import { cardTitle, frameTitle } from '../outline/outline-model';
import { CommitText } from './controls';

function DeleteButton({ editor, label, disabled }: { editor: Editor; label: string; disabled?: boolean }) {
  return (
    <button
      type="button"
      className="button danger"
      disabled={disabled}
      onClick={() => deleteSelection(editor)}
    >
      <Icon name="trash" /> {label}
    </button>
  );
}

export function FrameDetails({ frame }: { frame: Frame }) {
  const editor = useEditor();
  const snapshot = useSnapshot();
  const [adding, setAdding] = useState(false);
  const count = cardsInFrame(snapshot, frame.id).length;
  return (
    <div className="details" data-testid="frame-details">
      <p className="details-kind">
        <Icon name="frame" /> <strong>Frame</strong> with {count} {count === 1 ? 'card' : 'cards'}
      </p>
      <fieldset disabled={snapshot.readOnly} className="details-fields">
        <legend className="visually-hidden">Frame details</legend>
        <CommitText
          key={`title-${frame.id}`}
          label="Title"
          value={frame.title}
          maxLength={200}
          disabled={frame.locked}
          hint={frame.locked ? 'Locked: unlock it to rename or move it.' : undefined}
          onCommit={(v) => renameFrame(editor, frame.id, v)}
        />
        <label className="check">
          <input
            type="checkbox"
            checked={frame.locked}
            onChange={(e) => setFrameLocked(editor, frame.id, e.target.checked)}
          />
          <span>Locked (it cannot be moved, renamed or deleted by accident)</span>
        </label>
      </fieldset>
      <div className="details-actions">
        <button type="button" className="button" disabled={snapshot.readOnly} onClick={() => setAdding(true)}>
          <Icon name="plus" /> Add a card here
        </button>
        <DeleteButton
          editor={editor}
          label="Delete frame and its cards"
          disabled={snapshot.readOnly || frame.locked}
        />
      </div>
      {adding && (
        <AddCardDialog frame={frame.id} placeName={frameTitle(frame)} onClose={() => setAdding(false)} />
      )}
    </div>
  );
}

export function ConnectorDetails({ connector }: { connector: Connector }) {
  const editor = useEditor();
  const snapshot = useSnapshot();
  const from = snapshot.cards.get(connector.from);
  const to = snapshot.cards.get(connector.to);
  return (
    <div className="details" data-testid="connector-details">
      <p className="details-kind">
        <Icon name="connect" /> <strong>Connection</strong>
      </p>
      <p>
        <strong>{from ? cardTitle(from) : '?'}</strong> {CONNECTOR_LABELS[connector.kind]}{' '}
        <strong>{to ? cardTitle(to) : '?'}</strong>
      </p>
      <fieldset disabled={snapshot.readOnly} className="details-fields">
        <legend className="visually-hidden">Connection details</legend>
        <label className="field">
          <span className="field-label">Kind of connection</span>
          <select
            value={connector.kind}
            onChange={(e) => setConnector(editor, connector.id, { kind: e.target.value as ConnectorKind })}
          >
            {CONNECTOR_KINDS.map((k) => (
              <option key={k} value={k}>
                {CONNECTOR_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <CommitText
          key={`label-${connector.id}`}
          label="Words on the line (optional)"
          value={connector.label}
          maxLength={200}
          onCommit={(v) => setConnector(editor, connector.id, { label: v.trim() })}
        />
      </fieldset>
      <div className="details-actions">
        <button
          type="button"
          className="button"
          disabled={snapshot.readOnly}
          onClick={() => reverseConnector(editor, connector.id)}
        >
          <Icon name="swap" /> Turn it round
        </button>
        <DeleteButton editor={editor} label="Delete connection" disabled={snapshot.readOnly} />
      </div>
    </div>
  );
}

const ALIGN: readonly { edge: Parameters<typeof align>[1]; label: string }[] = [
  { edge: 'left', label: 'Left edges' },
  { edge: 'center', label: 'Centres' },
  { edge: 'right', label: 'Right edges' },
  { edge: 'top', label: 'Top edges' },
  { edge: 'middle', label: 'Middles' },
  { edge: 'bottom', label: 'Bottom edges' },
];

export function MultiDetails({ ids }: { ids: readonly string[] }) {
  const editor = useEditor();
  const snapshot = useSnapshot();
  const cards = ids.filter((id) => snapshot.cards.has(id as never));
  const frames = ids.filter((id) => snapshot.frames.has(id as never)).length;
  const links = ids.filter((id) => snapshot.connectors.has(id as never)).length;
  const parts = [
    cards.length && `${cards.length} ${cards.length === 1 ? 'card' : 'cards'}`,
    frames && `${frames} ${frames === 1 ? 'frame' : 'frames'}`,
    links && `${links} ${links === 1 ? 'connection' : 'connections'}`,
  ].filter(Boolean);
  return (
    <div className="details" data-testid="multi-details">
      <p className="details-kind">
        <strong>{ids.length} items selected</strong> ({parts.join(', ')})
      </p>
      <fieldset disabled={snapshot.readOnly} className="details-fields">
        <legend className="visually-hidden">Change several at once</legend>
        {cards.length > 0 && (
          <label className="field">
            <span className="field-label">Change the kind of all selected cards</span>
            <select
              value=""
              onChange={(e) => e.target.value && setCardKind(editor, cards, e.target.value as CardKind)}
            >
              <option value="">Choose a kind…</option>
              {CARD_KINDS.map((k) => (
                <option key={k} value={k}>
                  {CARD_KIND_INFO[k].label}
                </option>
              ))}
            </select>
          </label>
        )}
        <div role="group" aria-labelledby="align-heading" className="button-grid">
          <h3 id="align-heading" className="details-subheading">
            Line up
          </h3>
          {ALIGN.map((a) => (
            <button key={a.edge} type="button" className="small-button" onClick={() => align(editor, a.edge)}>
              {a.label}
            </button>
          ))}
        </div>
        <div role="group" aria-labelledby="space-heading" className="button-grid">
          <h3 id="space-heading" className="details-subheading">
            Space out evenly
          </h3>
          <button type="button" className="small-button" onClick={() => distribute(editor, 'horizontal')}>
            Across
          </button>
          <button type="button" className="small-button" onClick={() => distribute(editor, 'vertical')}>
            Down
          </button>
        </div>
      </fieldset>
      <div className="details-actions">
        <DeleteButton editor={editor} label={`Delete ${ids.length} items`} disabled={snapshot.readOnly} />
      </div>
    </div>
  );
}

export function WorkshopDetails() {
  const editor = useEditor();
  const snapshot = useSnapshot();
  const { meta } = snapshot;
  return (
    <div className="details" data-testid="workshop-details">
      <fieldset disabled={snapshot.readOnly} className="details-fields">
        <legend className="visually-hidden">Workshop</legend>
        <CommitText
          label="Workshop title"
          value={meta.title}
          maxLength={200}
          onCommit={(v) => renameWorkshop(editor, v)}
        />
        <CommitText
          label="What this workshop is about"
          hint="The service, the area and why now. This goes at the top of the plan."
          value={meta.context}
          multiline
          rows={4}
          onCommit={(v) => setWorkshopContext(editor, v)}
        />
      </fieldset>
      <div className="how-to">
        <h3 className="details-subheading">How to</h3>
        <ul>
          <li>Add a card: press a card on the left, or press C.</li>
          <li>Change a card: select it, then change it here.</li>
          <li>Connect cards: use the outline’s “Connect to…”, or the Connect tool.</li>
          <li>Made a mistake? Undo with Ctrl+Z.</li>
          <li>All the keys: press ?.</li>
        </ul>
      </div>
    </div>
  );
}
