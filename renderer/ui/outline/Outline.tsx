import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { CARD_KIND_INFO, type CardKind } from '../../../shared/model';
import { renameFrame, setCardKind, setCardText } from '../../editor/edit-commands';
import { AddCardDialog } from '../dialogs/AddCardDialog';
import { CardChooser } from '../dialogs/CardChooser';
import { ConnectDialog } from '../dialogs/ConnectDialog';
import { ConnectionDialog } from '../dialogs/ConnectionDialog';
import { MoveDialog } from '../dialogs/MoveDialog';
import { useEditor, useEditorState, useSnapshot } from '../hooks';
import { OutlineActions } from './OutlineActions';
import { addTarget, deleteNode, verbForKey, verbsFor, type OutlineDialog, type OutlineVerb } from './outline-commands';
import { buildOutline, pathTo, recordIdOf, visibleRows, type OutlineRow } from './outline-model';
import { OutlineTreeRow, rowDomId } from './OutlineTreeRow';
import { treeMove } from './tree-keys';

/**
 * The outline: the accessible twin of the board. A WAI-ARIA tree of frames → cards → connections
 * with a roving tabindex, kept in step with the document and with the board's selection. Anything
 * the board does to cards can be done from here with the keyboard.
 */
export function Outline({ registerFocus }: { registerFocus: (focus: () => void) => void }) {
  const editor = useEditor();
  const snapshot = useSnapshot();
  const selection = useEditorState((s) => s.selection);
  const [overrides, setOverrides] = useState<ReadonlyMap<string, boolean>>(new Map());
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const [editingKey, setEditingKey] = useState<string | null>(null);
  const [dialog, setDialog] = useState<OutlineDialog | null>(null);
  const treeRef = useRef<HTMLDivElement>(null);
  const lastIndex = useRef(0);

  const nodes = useMemo(() => buildOutline(snapshot), [snapshot]);
  const rows = useMemo(() => visibleRows(nodes, overrides), [nodes, overrides]);

  // The focused row; if it went away (deleted, collapsed), its neighbour takes its place.
  const focusedIndex = rows.findIndex((r) => r.key === focusKey);
  const current: OutlineRow | null = rows[focusedIndex >= 0 ? focusedIndex : Math.min(lastIndex.current, rows.length - 1)] ?? null;
  useEffect(() => {
    if (current) lastIndex.current = rows.indexOf(current);
  });

  const focusRow = useCallback((key: string | null) => {
    const el = key ? document.getElementById(rowDomId(key)) : treeRef.current?.querySelector<HTMLElement>('[role="treeitem"]');
    el?.focus();
    el?.scrollIntoView?.({ block: 'nearest' });
  }, []);

  const treeHasFocus = () => !!treeRef.current && treeRef.current.contains(document.activeElement);

  useEffect(() => {
    registerFocus(() => focusRow(current?.key ?? null));
  }, [registerFocus, focusRow, current]);

  // Board selection → outline: open the way to the selected item, make it the focused row, and
  // scroll it into view (moving keyboard focus only if the outline already had it).
  useEffect(() => {
    if (selection.size !== 1) return;
    const [id] = selection;
    if (!id || (current && recordIdOf(current.node) === id)) return;
    const path = pathTo(nodes, id);
    if (!path) return;
    const closed = path.slice(0, -1).filter((k) => overrides.get(k) === false || !rows.some((r) => r.key === k && r.expanded));
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
  }, [selection, nodes, rows, overrides, current]);

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
    requestAnimationFrame(() => focusRow(treeRef.current?.querySelector<HTMLElement>('[tabindex="0"]')?.dataset.key ?? null));
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
        return node.type === 'card' && setDialog({ type: 'move', cardId: node.card.id, current: node.card.frame });
      case 'connect':
        return node.type === 'card' && setDialog({ type: 'connect', cardId: node.card.id });
      case 'kind':
        return node.type === 'card' && setDialog({ type: 'kind', cardId: node.card.id });
      case 'delete':
        deleteNode(editor, node);
        requestAnimationFrame(() => focusRow(treeRef.current?.querySelector<HTMLElement>('[tabindex="0"]')?.dataset.key ?? null));
        return;
    }
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (editingKey || e.ctrlKey || e.metaKey || e.altKey) return;
    const move = treeMove(rows, current?.key ?? null, e.key);
    if (move) {
      e.preventDefault();
      e.stopPropagation();
      const row = rows.find((r) => r.key === move.key);
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

  const kindCard = dialog?.type === 'kind' ? editor.card(dialog.cardId) : undefined;
  return (
    <div className="outline">
      {rows.length === 0 ? (
        <p className="muted outline-empty">The board is empty. Add a card with the buttons on the left, or press C.</p>
      ) : (
        <div
          ref={treeRef}
          role="tree"
          aria-label="Everything on the board"
          aria-multiselectable="true"
          aria-describedby="outline-help"
          className="tree"
          onKeyDown={onKeyDown}
          onFocus={(e) => {
            // Focus arriving on a row by Tab or click makes it the current row.
            const key = (e.target as HTMLElement).dataset.key;
            if (key && key !== current?.key) setFocusKey(key);
          }}
        >
          {rows.map((row) => {
            const id = recordIdOf(row.node);
            return (
              <OutlineTreeRow
                key={row.key}
                row={row}
                focused={row.key === current?.key}
                selected={!!id && selection.has(id)}
                editing={row.key === editingKey}
                onActivate={activate}
                onToggle={toggle}
                onCommitEdit={commitEdit}
              />
            );
          })}
        </div>
      )}
      <p id="outline-help" className="visually-hidden">
        Arrow keys move. Enter edits. A adds a card, M moves, K connects, T changes kind, Delete deletes.
      </p>
      <OutlineActions node={current?.node ?? null} readOnly={snapshot.readOnly} onVerb={(v) => runVerb(v)} />
      {dialog?.type === 'add' && <AddCardDialog frame={dialog.frame} placeName={dialog.placeName} onClose={() => setDialog(null)} restoreFocus={back} />}
      {dialog?.type === 'move' && <MoveDialog cardIds={[dialog.cardId]} current={dialog.current} onClose={() => setDialog(null)} restoreFocus={back} />}
      {dialog?.type === 'connect' && <ConnectDialog fromId={dialog.cardId} onClose={() => setDialog(null)} restoreFocus={back} />}
      {dialog?.type === 'link' && <ConnectionDialog id={dialog.connectorId} onClose={() => setDialog(null)} restoreFocus={back} />}
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
