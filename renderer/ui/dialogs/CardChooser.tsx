import { useRef, useState } from 'react';
import { CARD_KINDS, CARD_KIND_INFO, type CardKind } from '../../../shared/model';
import { KindSwatch } from '../KindIcon';
import { rovingIndex } from '../roving';
import { Dialog } from './Dialog';

export interface CardChooserProps {
  readonly title: string;
  readonly description: string;
  /** The kind focused first (the current one when changing kind). */
  readonly initial?: CardKind;
  readonly onPick: (kind: CardKind) => void;
  readonly onClose: () => void;
  readonly restoreFocus?: () => boolean | void;
}

/**
 * Pick a card kind: arrow keys move, Enter or a click picks, and each kind's key (1–9, 0, N)
 * picks at once. The kinds are a grid of buttons with one tab stop (roving tabindex).
 */
export function CardChooser({
  title,
  description,
  initial = 'need',
  onPick,
  onClose,
  restoreFocus,
}: CardChooserProps) {
  const [active, setActive] = useState(Math.max(0, CARD_KINDS.indexOf(initial)));
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const next = rovingIndex(CARD_KINDS.length, active, e.key);
    if (next !== null) {
      e.preventDefault();
      setActive(next);
      buttons.current[next]?.focus();
      return;
    }
    const byKey = CARD_KINDS.find((k) => CARD_KIND_INFO[k].key === e.key.toLowerCase());
    if (byKey) {
      e.preventDefault();
      onPick(byKey);
    }
  };

  return (
    <Dialog
      title={title}
      description={description}
      onClose={onClose}
      className="card-chooser"
      restoreFocus={restoreFocus}
    >
      <div role="group" aria-label="Kinds of card" className="kind-grid" onKeyDown={onKeyDown}>
        {CARD_KINDS.map((kind, i) => {
          const info = CARD_KIND_INFO[kind];
          return (
            <button
              key={kind}
              ref={(el) => {
                buttons.current[i] = el;
              }}
              type="button"
              className="kind-choice"
              tabIndex={i === active ? 0 : -1}
              data-autofocus={i === active ? true : undefined}
              aria-keyshortcuts={info.key.toUpperCase()}
              onFocus={() => setActive(i)}
              onClick={() => onPick(kind)}
            >
              <KindSwatch kind={kind} />
              <span className="kind-choice-text">
                <span className="kind-choice-name">{info.label}</span>
                <span className="kind-choice-hint">{info.hint}</span>
              </span>
              <kbd className="key-hint">{info.key.toUpperCase()}</kbd>
            </button>
          );
        })}
      </div>
    </Dialog>
  );
}
