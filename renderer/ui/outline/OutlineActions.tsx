import { CARD_KIND_INFO } from '../../../shared/model';
import { Icon, type IconName } from '../Icon';
import { cardTitle, frameTitle, linkText, type OutlineNode } from './outline-model';
import { verbsFor, type OutlineVerb } from './outline-commands';

const VERBS: Record<OutlineVerb, { label: (n: OutlineNode) => string; key: string; icon: IconName }> = {
  add: { label: () => 'Add a card here', key: 'A', icon: 'plus' },
  edit: {
    label: (n) => (n.type === 'frame' ? 'Rename' : n.type === 'link' ? 'Change connection' : 'Edit text'),
    key: 'Enter',
    icon: 'details',
  },
  move: { label: () => 'Move to…', key: 'M', icon: 'frame' },
  connect: { label: () => 'Connect to…', key: 'K', icon: 'connect' },
  kind: { label: () => 'Change kind…', key: 'T', icon: 'select' },
  delete: { label: () => 'Delete', key: 'Delete', icon: 'trash' },
};

function describe(node: OutlineNode): string {
  switch (node.type) {
    case 'frame':
      return `Frame “${frameTitle(node.frame)}”`;
    case 'loose':
      return 'Cards not in a frame';
    case 'card':
      return `${CARD_KIND_INFO[node.card.kind].label}: ${cardTitle(node.card)}`;
    case 'link':
      return `Connection: ${linkText(node)}`;
  }
}

/**
 * The buttons for the item that has focus in the outline, right after the tree in tab order, each
 * labelled with its key. Buttons inside treeitems would be hard to reach with a screen reader.
 */
export function OutlineActions({
  node,
  readOnly,
  onVerb,
}: {
  node: OutlineNode | null;
  readOnly: boolean;
  onVerb: (verb: OutlineVerb) => void;
}) {
  if (!node) return null;
  return (
    <div className="outline-actions" role="group" aria-label="Actions for the outline item">
      <p className="outline-actions-title">
        <span className="visually-hidden">For: </span>
        {describe(node)}
      </p>
      <div className="outline-actions-buttons">
        {verbsFor(node).map((verb) => {
          const v = VERBS[verb];
          return (
            <button
              key={verb}
              type="button"
              className={`small-button ${verb === 'delete' ? 'danger' : ''}`}
              disabled={readOnly}
              aria-keyshortcuts={v.key === 'Delete' ? 'Delete' : v.key}
              onClick={() => onVerb(verb)}
            >
              <Icon name={v.icon} size="1rem" /> {v.label(node)}
              <kbd className="key-hint" aria-hidden="true">
                {v.key === 'Delete' ? 'Del' : v.key}
              </kbd>
            </button>
          );
        })}
      </div>
    </div>
  );
}
