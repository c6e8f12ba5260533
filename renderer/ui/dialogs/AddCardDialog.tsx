import { useState } from 'react';
import { CARD_KINDS, CARD_KIND_INFO, type CardKind, type FrameId } from '../../../shared/model';
import { addCard } from '../../editor/edit-commands';
import { useEditor } from '../../app/hooks';
import { KindSwatch } from '../KindIcon';
import { Dialog } from './Dialog';

export interface AddCardDialogProps {
  /** Where the card goes: a frame, or null for "not in a frame". */
  readonly frame: FrameId | null;
  readonly placeName: string;
  readonly onClose: () => void;
  readonly restoreFocus?: () => boolean | void;
}

/** The keyboard and screen-reader way to add a card: choose its kind, type its words, add it. */
export function AddCardDialog({ frame, placeName, onClose, restoreFocus }: AddCardDialogProps) {
  const editor = useEditor();
  const [kind, setKind] = useState<CardKind>(editor.state.paletteKind);
  const [text, setText] = useState('');
  return (
    <Dialog
      title={`Add a card to ${placeName}`}
      onClose={onClose}
      className="form-dialog"
      restoreFocus={restoreFocus}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          addCard(editor, kind, { frame, text: text.trim() });
          onClose();
        }}
      >
        <fieldset
          className="kind-radios"
          onKeyDown={(e) => {
            // The kind keys of the board (1–9, 0, N) pick a kind here too.
            if (e.ctrlKey || e.metaKey || e.altKey) return;
            const picked = CARD_KINDS.find((k) => CARD_KIND_INFO[k].key === e.key.toLowerCase());
            if (!picked) return;
            e.preventDefault();
            setKind(picked);
            e.currentTarget.querySelector<HTMLInputElement>(`input[value="${picked}"]`)?.focus();
          }}
        >
          <legend>What kind of card? (arrow keys, or the kind’s key)</legend>
          {CARD_KINDS.map((k) => (
            <label key={k} className="kind-radio">
              <input
                type="radio"
                name="kind"
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
                data-autofocus={kind === k ? true : undefined}
              />
              <KindSwatch kind={k} />
              <span>{CARD_KIND_INFO[k].label}</span>
              <kbd className="key-hint" aria-hidden="true">
                {CARD_KIND_INFO[k].key.toUpperCase()}
              </kbd>
            </label>
          ))}
        </fieldset>
        <p className="field-hint">{CARD_KIND_INFO[kind].hint}</p>
        <label className="field">
          <span className="field-label">What the card says</span>
          <textarea
            value={text}
            rows={3}
            maxLength={10_000}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              // Enter adds the card, as in a chat box; Shift+Enter starts a new line.
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                e.currentTarget.form?.requestSubmit();
              }
            }}
          />
        </label>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary">
            Add card
          </button>
        </div>
      </form>
    </Dialog>
  );
}
