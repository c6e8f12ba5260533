import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { CARD_KIND_INFO, type CardKind } from '../../../shared/model';
import { renameFrame, setCardKind, setCardText } from '../../editor/edit-commands';
import { AddCardDialog } from '../dialogs/AddCardDialog';
import { CardChooser } from '../dialogs/CardChooser';
import { ConnectDialog } from '../dialogs/ConnectDialog';
import { ConnectionDialog } from '../dialogs/ConnectionDialog';
import { MoveDialog } from '../dialogs/MoveDialog';
import { useEditor, useEditorState, useSnapshot } from '../../app/hooks';
import { OutlineActions } from './OutlineActions';
import {
  addTarget,
  deleteNode,
  verbForKey,
  verbsFor,
  type OutlineDialog,
  type OutlineVerb,
} from './outline-commands';
import {
  createOutlineBuilder,
  pathToRecord,
  recordIdOf,
  visibleRows,
  type OutlineRow,
} from './outline-model';
import { OutlineTreeRow, rowDomId } from './OutlineTreeRow';
import { treeMove } from './tree-keys';
import { mountedRuns, useRowWindow } from './use-row-window';
import './outline.css';

/**
 * The outline: the accessible twin of the board. A WAI-ARIA tree of frames → cards → connections
 * with a roving tabindex, kept in step with the document and with the board's selection. Anything
 * the board does to cards can be done from here with the keyboard.
 *
 * Long boards (thousands of cards) virtualise: only the rows in and near the viewport are mounted,
 * plus the focused row, with spacers for the rest. Arrow keys move over the data, not the DOM, so
 * every row is reached; the row mounts as focus arrives and is scrolled into view.
 */
export function Outline({ registerFocus }: { registerFocus: (focus: () => void) => void }) {
  const editor = useEditor();
  const snapshot = useSnapshot();
  const selection = useEditorState((s) => s.selection);
  const [overrides, setOverrides] = useState<ReadonlyMap<string, boolean>>(new Map());
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const [editingKey, setEditingKey] = useState<string | null>(null);
  const [dialog, setDialog] = useState<OutlineDialog | null>(null);
  const treeRef = useRef<HTMLDivElement | null>(null);
  const [treeEl, setTreeEl] = useState<HTMLDivElement | null>(null);
  const setTree = useCallback((el: HTMLDivElement | null) => {
    treeRef.current = el;
    setTreeEl(el);
  }, []);
  const lastIndex = useRef(0);

  // One builder per outline: it reuses the nodes of records that did not change since the last snapshot.
  const build = useMemo(createOutlineBuilder, []);
  const nodes = useMemo(() => build(snapshot), [build, snapshot]);
  const rows = useMemo(() => visibleRows(nodes, overrides), [nodes, overrides]);
  const indexOf = useMemo(() => new Map(rows.map((r, i) => [r.key, i])), [rows]);

  // The focused row; if it went away (deleted, collapsed), its neighbour takes its place.
  const focusedIndex = focusKey === null ? -1 : (indexOf.get(focusKey) ?? -1);
  const currentIndex = focusedIndex >= 0 ? focusedIndex : Math.min(lastIndex.current, rows.length - 1);
  const current: OutlineRow | null = rows[currentIndex] ?? null;
  useEffect(() => {
    if (current) lastIndex.current = currentIndex;
  });

  const focusRow = useCallback((key: string | null) => {
    const el = key
      ? document.getElementById(rowDomId(key))
      : treeRef.current?.querySelector<HTMLElement>('[role="treeitem"]');
    el?.focus();
    el?.scrollIntoView?.({ block: 'nearest' });
  }, []);

  const treeHasFocus = () => !!treeRef.current && treeRef.current.contains(document.activeElement);

  useEffect(() => {
    registerFocus(() => focusRow(current?.key ?? null));
  }, [registerFocus, focusRow, current]);

  // Board selection → outline: open the way to the selected item, make it the focused row, and
  // scroll it into view (moving keyboard focus only if the outline already had it). Once per
  // selection: focus moving on in the outline (to the "Not in a frame" row, which selects nothing)
  // must not be pulled back to the selected card. Until the item is in the tree, each change retries.
  const followed = useRef<ReadonlySet<string> | null>(null);
  useEffect(() => {
    if (selection.size !== 1 || followed.current === selection) return;
    const [id] = selection;
    if (!id) return;
    if (current && recordIdOf(current.node) === id) {
      followed.current = selection;
      return;
    }
    const path = pathToRecord(snapshot, nodes, id);
    if (!path) return;
    followed.current = selection;
    const closed = path
      .slice(0, -1)
      .filter((k) => overrides.get(k) === false || !rows[indexOf.get(k) ?? -1]?.expanded);
    if (closed.length > 0) {
      setOverrides((prev) => new Map([...prev, ...closed.map((k) => [k, true] as const)]));
    }
    const key = path[path.length - 1]!;
    setFocusKey(key);
    const hadFocus = treeHasFocus();
    requestAnimationFrame(() => {
      const el = document.getElementById(rowDomId(key));
      el?.scrollIntoView?.({ block: 'nearest' });
      if (hadFocus) el?.focus();
    });
  }, [selection, snapshot, nodes, rows, indexOf, overrides, current]);

  const activate = (row: OutlineRow) => {
    setFocusKey(row.key);
    const id = recordIdOf(row.node);
    if (id) {
      if (!selection.has(id) || selection.size !== 1) editor.select([id]);
      editor.reveal(id);
    }
  };

  const toggle = (row: OutlineRow, open = !row.expanded) => {
    setOverrides((prev) => new Map(prev).set(row.key, open));
  };

  const back = () => {
    // Dialogs hand focus back to the outline's current row once the document has settled.
    requestAnimationFrame(() =>
      focusRow(treeRef.current?.querySelector<HTMLElement>('[tabindex="0"]')?.dataset.key ?? null),
    );
    return true;
  };

  const runVerb = (verb: OutlineVerb, row: OutlineRow | null = current) => {
    if (!row || !verbsFor(row.node).includes(verb)) return;
    if (snapshot.readOnly) return editor.announce('This workshop is read-only');
    const { node } = row;
    switch (verb) {
      case 'add':
        return setDialog({ type: 'add', ...addTarget(editor, node) });
      case 'edit':
        if (node.type === 'link') return setDialog({ type: 'link', connectorId: node.connector.id });
        return setEditingKey(row.key);
      case 'move':
        return (
          node.type === 'card' && setDialog({ type: 'move', cardId: node.card.id, current: node.card.frame })
        );
      case 'connect':
        return node.type === 'card' && setDialog({ type: 'connect', cardId: node.card.id });
      case 'kind':
        return node.type === 'card' && setDialog({ type: 'kind', cardId: node.card.id });
      case 'delete':
        deleteNode(editor, node);
        requestAnimationFrame(() =>
          focusRow(treeRef.current?.querySelector<HTMLElement>('[tabindex="0"]')?.dataset.key ?? null),
        );
        return;
    }
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (editingKey || e.ctrlKey || e.metaKey || e.altKey) return;
    const move = treeMove(rows, current?.key ?? null, e.key);
    if (move) {
      e.preventDefault();
      e.stopPropagation();
      const row = rows[indexOf.get(move.key) ?? -1];
      if (!row) return;
      if (move.type === 'focus') {
        activate(row);
        requestAnimationFrame(() => focusRow(row.key));
      } else toggle(row, move.type === 'expand');
      return;
    }
    const verb = verbForKey(e.key);
    if (verb && current) {
      e.preventDefault();
      e.stopPropagation();
      runVerb(verb);
    }
  };

  const commitEdit = (row: OutlineRow, text: string | null) => {
    setEditingKey(null);
    if (text !== null) {
      if (row.node.type === 'card') {
        setCardText(editor, row.node.card.id, text);
        editor.announce('Card text saved');
      } else if (row.node.type === 'frame') {
        renameFrame(editor, row.node.frame.id, text.trim());
        editor.announce('Frame renamed');
      }
    }
    requestAnimationFrame(() => focusRow(row.key));
  };

  // Rows are memoised, so they get handlers that never change and call the latest closures.
  const latest = useRef({ activate, toggle, commitEdit });
  useLayoutEffect(() => {
    latest.current = { activate, toggle, commitEdit };
  });
  const onActivate = useCallback((row: OutlineRow) => latest.current.activate(row), []);
  const onToggle = useCallback((row: OutlineRow) => latest.current.toggle(row), []);
  const onCommitEdit = useCallback(
    (row: OutlineRow, text: string | null) => latest.current.commitEdit(row, text),
    [],
  );

  const rowWindow = useRowWindow(treeEl, rows.length);
  const renderRow = (row: OutlineRow) => {
    const id = recordIdOf(row.node);
    return (
      <OutlineTreeRow
        key={row.key}
        row={row}
        focused={row === current}
        selected={!!id && selection.has(id)}
        editing={row.key === editingKey}
        onActivate={onActivate}
        onToggle={onToggle}
        onCommitEdit={onCommitEdit}
      />
    );
  };
  let body: ReactNode;
  if (!rowWindow) body = rows.map(renderRow);
  else {
    // The focused and the edited row stay mounted wherever the viewport is.
    const runs = mountedRuns(rowWindow, rows.length, [
      currentIndex,
      editingKey === null ? -1 : (indexOf.get(editingKey) ?? -1),
    ]);
    const parts: ReactNode[] = [];
    let at = 0;
    const spacer = (from: number, to: number) => {
      if (to > from)
        parts.push(
          <div
            key={`gap-${from}`}
            className="tree-spacer"
            role="none"
            aria-hidden="true"
            style={{ height: (to - from) * rowWindow.rowHeight }}
          />,
        );
    };
    for (const [from, to] of runs) {
      spacer(at, from);
      for (let i = from; i < to; i++) parts.push(renderRow(rows[i]!));
      at = to;
    }
    spacer(at, rows.length);
    body = parts;
  }

  const kindCard = dialog?.type === 'kind' ? editor.card(dialog.cardId) : undefined;
  return (
    <div className="outline">
      {rows.length === 0 ? (
        <p className="muted outline-empty">
          The board is empty. Add a card with the buttons on the left, or press C.
        </p>
      ) : (
        <div
          ref={setTree}
          role="tree"
          aria-label="Everything on the board"
          aria-multiselectable="true"
          aria-describedby="outline-help"
          className={rowWindow ? 'tree is-virtual' : 'tree'}
          onKeyDown={onKeyDown}
          onFocus={(e) => {
            // Focus arriving on a row by Tab or click makes it the current row.
            const key = (e.target as HTMLElement).dataset.key;
            if (key && key !== current?.key) setFocusKey(key);
          }}
        >
          {body}
        </div>
      )}
      <p id="outline-help" className="visually-hidden">
        Arrow keys move. Enter edits. A adds a card, M moves, K connects, T changes kind, Delete deletes.
      </p>
      <OutlineActions node={current?.node ?? null} readOnly={snapshot.readOnly} onVerb={(v) => runVerb(v)} />
      {dialog?.type === 'add' && (
        <AddCardDialog
          frame={dialog.frame}
          placeName={dialog.placeName}
          onClose={() => setDialog(null)}
          restoreFocus={back}
        />
      )}
      {dialog?.type === 'move' && (
        <MoveDialog
          cardIds={[dialog.cardId]}
          current={dialog.current}
          onClose={() => setDialog(null)}
          restoreFocus={back}
        />
      )}
      {dialog?.type === 'connect' && (
        <ConnectDialog fromId={dialog.cardId} onClose={() => setDialog(null)} restoreFocus={back} />
      )}
      {dialog?.type === 'link' && (
        <ConnectionDialog id={dialog.connectorId} onClose={() => setDialog(null)} restoreFocus={back} />
      )}
      {dialog?.type === 'kind' && kindCard && (
        <CardChooser
          title="Change the kind of card"
          description={`Now: ${CARD_KIND_INFO[kindCard.kind].label}. The card keeps its words and details.`}
          initial={kindCard.kind}
          onClose={() => setDialog(null)}
          restoreFocus={back}
          onPick={(kind: CardKind) => {
            setCardKind(editor, [kindCard.id], kind);
            setDialog(null);
          }}
        />
      )}
    </div>
  );
}
