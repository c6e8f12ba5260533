import { useState } from 'react';
import { framesInZOrder } from '../../../shared/doc';
import {
  CARD_KINDS,
  CARD_KIND_INFO,
  ROLE_LABELS,
  fieldsForKind,
  type Card,
  type CardKind,
  type FrameId,
} from '../../../shared/model';
import { moveCardsToFrame } from '../../editor/arrange-commands';
import { deleteSelection, setCardField, setCardKind, setCardText } from '../../editor/edit-commands';
import { ConnectDialog } from '../dialogs/ConnectDialog';
import { useEditor, useSnapshot } from '../../app/hooks';
import { Icon } from '../Icon';
import { KindIcon } from '../KindIcon';
import { frameTitle, linkText, linksOf } from '../outline/outline-model';
import { CommitText, FieldControl } from './controls';

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** Where a card came from, in words: never a participant id, only a role and a time. */
export function provenanceText(card: Card, me: string): string {
  if (card.createdBy === 'template') return 'Part of the template this workshop started from.';
  const who =
    card.createdBy === me
      ? 'you'
      : card.createdRole
        ? `someone (${ROLE_LABELS[card.createdRole]})`
        : 'someone';
  const role = card.createdBy === me && card.createdRole ? ` (${ROLE_LABELS[card.createdRole]})` : '';
  const when = card.createdAt > 0 ? ` on ${dateFormat.format(new Date(card.createdAt))}` : '';
  return `Added by ${who}${role}${when}.`;
}

/** Everything about one card, editable. */
export function CardDetails({ card }: { card: Card }) {
  const editor = useEditor();
  const snapshot = useSnapshot();
  const readOnly = snapshot.readOnly;
  const [connecting, setConnecting] = useState(false);
  const frames = framesInZOrder(snapshot);
  const info = CARD_KIND_INFO[card.kind];

  const links = linksOf(snapshot, card);

  return (
    <div className="details" data-testid="card-details">
      <p className="details-kind">
        <KindIcon kind={card.kind} size="1.5rem" /> <strong>{info.label} card</strong>
      </p>
      <fieldset disabled={readOnly} className="details-fields">
        <legend className="visually-hidden">Card details</legend>
        <CommitText
          key={`text-${card.id}`}
          label="What the card says"
          value={card.text}
          multiline
          rows={4}
          onCommit={(v) => setCardText(editor, card.id, v)}
        />
        <label className="field">
          <span className="field-label">Kind of card</span>
          <span className="select-with-icon">
            <KindIcon kind={card.kind} />
            <select
              value={card.kind}
              onChange={(e) => setCardKind(editor, [card.id], e.target.value as CardKind)}
            >
              {CARD_KINDS.map((k) => (
                <option key={k} value={k}>
                  {CARD_KIND_INFO[k].label}
                </option>
              ))}
            </select>
          </span>
          <span className="field-hint">{info.hint}</span>
        </label>
        {fieldsForKind(card.kind).map((spec) => (
          <FieldControl
            key={`${card.id}-${spec.key}`}
            spec={spec}
            value={card.fields[spec.key]}
            onCommit={(v) => setCardField(editor, card.id, spec.key, v)}
          />
        ))}
        <label className="field">
          <span className="field-label">Frame it is in</span>
          <select
            value={card.frame ?? ''}
            onChange={(e) =>
              moveCardsToFrame(editor, [card.id], e.target.value === '' ? null : (e.target.value as FrameId))
            }
          >
            {frames.map((f) => (
              <option key={f.id} value={f.id}>
                {frameTitle(f)}
              </option>
            ))}
            <option value="">Not in a frame</option>
          </select>
        </label>
      </fieldset>
      <h3 className="details-subheading">Connections</h3>
      {links.length === 0 ? (
        <p className="muted">Not connected to any other card yet.</p>
      ) : (
        <ul className="link-list">
          {links.map((l) => (
            <li key={l.key}>
              <span>{linkText(l)}</span>
              <button
                type="button"
                className="small-button"
                disabled={readOnly}
                aria-label={`Remove connection: ${linkText(l)}`}
                onClick={() => {
                  deleteSelection(editor, [l.connector.id]);
                  editor.select([card.id]);
                  editor.announce('Connection removed. Undo brings it back.');
                }}
              >
                <Icon name="trash" size="1rem" /> Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="button" disabled={readOnly} onClick={() => setConnecting(true)}>
        <Icon name="connect" /> Connect to…
      </button>
      <h3 className="details-subheading">Where it came from</h3>
      <p className="muted">{provenanceText(card, editor.session.author.participantId)}</p>
      {connecting && <ConnectDialog fromId={card.id} onClose={() => setConnecting(false)} />}
    </div>
  );
}
