import { useState } from 'react';
import { framesInZOrder } from '../../../shared/doc';
import type { FrameId } from '../../../shared/model';
import { moveCardsToFrame } from '../../editor/arrange-commands';
import { useEditor, useSnapshot } from '../../app/hooks';
import { frameTitle } from '../outline/outline-model';
import { Dialog } from './Dialog';

const NONE = '';

/** "Move to…": choose a frame (or none) for one or more cards; each lands in a free spot there. */
export function MoveDialog({
  cardIds,
  current,
  onClose,
  restoreFocus,
}: {
  cardIds: readonly string[];
  current: FrameId | null;
  onClose: () => void;
  restoreFocus?: () => boolean | void;
}) {
  const editor = useEditor();
  const frames = framesInZOrder(useSnapshot());
  const [choice, setChoice] = useState<string>(current ?? NONE);
  const what = cardIds.length === 1 ? 'this card' : `${cardIds.length} cards`;
  return (
    <Dialog title={`Move ${what} to…`} onClose={onClose} className="form-dialog" restoreFocus={restoreFocus}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          moveCardsToFrame(editor, cardIds, choice === NONE ? null : (choice as FrameId));
          onClose();
        }}
      >
        <fieldset className="choice-list">
          <legend>Frame</legend>
          {frames.map((f) => (
            <label key={f.id} className="choice">
              <input
                type="radio"
                name="frame"
                value={f.id}
                checked={choice === f.id}
                onChange={() => setChoice(f.id)}
                data-autofocus={choice === f.id ? true : undefined}
              />
              <span>
                {frameTitle(f)}
                {f.id === current && <span className="muted"> (where it is now)</span>}
              </span>
            </label>
          ))}
          <label className="choice">
            <input
              type="radio"
              name="frame"
              value={NONE}
              checked={choice === NONE}
              onChange={() => setChoice(NONE)}
              data-autofocus={choice === NONE ? true : undefined}
            />
            <span>Not in a frame</span>
          </label>
        </fieldset>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary">
            Move
          </button>
        </div>
      </form>
    </Dialog>
  );
}
