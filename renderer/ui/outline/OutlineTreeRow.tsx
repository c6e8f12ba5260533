import { memo, useEffect, useRef, useState } from 'react';
import { CARD_KIND_INFO } from '../../../shared/model';
import { Icon } from '../Icon';
import { KindIcon } from '../KindIcon';
import { cardTitle, frameTitle, linkText, type OutlineRow } from './outline-model';

export interface OutlineTreeRowProps {
  readonly row: OutlineRow;
  readonly focused: boolean;
  readonly selected: boolean;
  readonly editing: boolean;
  readonly onActivate: (row: OutlineRow) => void;
  readonly onToggle: (row: OutlineRow) => void;
  readonly onCommitEdit: (row: OutlineRow, text: string | null) => void;
}

export const rowDomId = (key: string) => `outline-${key.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/** What a row says, as text: also the treeitem's accessible name. */
function RowLabel({ row }: { row: OutlineRow }) {
  const { node } = row;
  switch (node.type) {
    case 'frame': {
      const n = node.children.length;
      return (
        <>
          <Icon name="frame" size="1.1rem" />
          <span className="row-text">
            <strong>{frameTitle(node.frame)}</strong>
            <span className="muted">
              {', '}
              {n} {n === 1 ? 'card' : 'cards'}
              {node.frame.locked && ', locked'}
            </span>
          </span>
        </>
      );
    }
    case 'loose': {
      const n = node.children.length;
      return (
        <span className="row-text">
          <strong>Not in a frame</strong>
          <span className="muted">
            , {n} {n === 1 ? 'card' : 'cards'}
          </span>
        </span>
      );
    }
    case 'card':
      return (
        <>
          <KindIcon kind={node.card.kind} size="1.1rem" />
          <span className="row-text">
            <span className="row-kind">{CARD_KIND_INFO[node.card.kind].label}:</span> {cardTitle(node.card)}
            {node.children.length > 0 && (
              <span className="muted">
                , {node.children.length} {node.children.length === 1 ? 'connection' : 'connections'}
              </span>
            )}
          </span>
        </>
      );
    case 'link':
      return (
        <>
          <Icon name="connect" size="1rem" />
          <span className="row-text">{linkText(node)}</span>
        </>
      );
  }
}

function InlineEdit({ row, onCommit }: { row: OutlineRow; onCommit: (text: string | null) => void }) {
  const initial =
    row.node.type === 'card' ? row.node.card.text : row.node.type === 'frame' ? row.node.frame.title : '';
  const [value, setValue] = useState(initial);
  const ref = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  const finish = (text: string | null) => {
    if (done.current) return;
    done.current = true;
    onCommit(text);
  };
  const label =
    row.node.type === 'card'
      ? `Text of the ${CARD_KIND_INFO[row.node.card.kind].label.toLowerCase()} card`
      : 'Frame title';
  return (
    <input
      ref={ref}
      className="inline-edit"
      aria-label={`${label}. Enter to save, Escape to cancel`}
      value={value}
      maxLength={row.node.type === 'frame' ? 200 : 10_000}
      onChange={(e) => setValue(e.target.value)}
      onClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') {
          e.preventDefault();
          finish(value);
        } else if (e.key === 'Escape') {
          e.preventDefault();
          finish(null);
        }
      }}
      onBlur={() => finish(value)}
    />
  );
}

/** One treeitem. Rows are flat (aria-level/setsize/posinset), which keeps focus handling simple. */
function TreeRow({
  row,
  focused,
  selected,
  editing,
  onActivate,
  onToggle,
  onCommitEdit,
}: OutlineTreeRowProps) {
  return (
    <div
      role="treeitem"
      id={rowDomId(row.key)}
      data-key={row.key}
      aria-level={row.level}
      aria-setsize={row.setSize}
      aria-posinset={row.posInSet}
      aria-expanded={row.expandable ? row.expanded : undefined}
      aria-selected={selected}
      tabIndex={focused ? 0 : -1}
      className={`tree-row type-${row.node.type} ${selected ? 'is-selected' : ''}`}
      style={{ paddingInlineStart: `${(row.level - 1) * 1.25 + 0.25}rem` }}
      onClick={() => onActivate(row)}
    >
      <span
        className="twisty"
        aria-hidden="true"
        onClick={(e) => {
          e.stopPropagation();
          if (row.expandable) onToggle(row);
        }}
      >
        {row.expandable ? (row.expanded ? '▾' : '▸') : ''}
      </span>
      {editing ? (
        <InlineEdit row={row} onCommit={(text) => onCommitEdit(row, text)} />
      ) : (
        <RowLabel row={row} />
      )}
    </div>
  );
}

/** Same row facts: a new row object for an unchanged node (rows are rebuilt per snapshot) is not a change. */
const sameRow = (a: OutlineRow, b: OutlineRow) =>
  a === b ||
  (a.node === b.node &&
    a.level === b.level &&
    a.setSize === b.setSize &&
    a.posInSet === b.posInSet &&
    a.parentKey === b.parentKey &&
    a.expandable === b.expandable &&
    a.expanded === b.expanded);

/**
 * Memoised on the row's facts: nodes keep their identity while their records do, so an edit
 * re-renders the rows it changed and not the thousands around them. Handlers must be stable.
 */
export const OutlineTreeRow = memo(
  TreeRow,
  (a, b) =>
    sameRow(a.row, b.row) &&
    a.focused === b.focused &&
    a.selected === b.selected &&
    a.editing === b.editing &&
    a.onActivate === b.onActivate &&
    a.onToggle === b.onToggle &&
    a.onCommitEdit === b.onCommitEdit,
);
