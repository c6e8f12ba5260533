import { useEffect, useLayoutEffect, useRef, type CSSProperties, type KeyboardEvent } from 'react';
import {
  CARD_KIND_INFO,
  TEXT_LIMIT,
  TITLE_LIMIT,
  type CardId,
  type ConnectorId,
  type FrameId,
} from '../../shared/model';
import { renameFrame, setCardText, setConnector } from '../editor/edit-commands';
import type { Editor } from '../editor/editor';
import { connectorSegment, frameTitleHeight } from '../editor/hit-test';
import type { EditingTarget } from '../editor/state';
import { useEditor, useEditorState, useSnapshot } from '../app/hooks';
import { cardMarker } from './card-marker';
import { frameTitleFontSize } from './draw-frames';
import { CARD_STYLE, CONNECTOR_STYLE, FONT_FAMILY } from './theme';

/** Connector labels are short: the same cap the command applies. */
const LABEL_LIMIT = 200;

/**
 * In-place text editing: a real DOM field laid exactly over the drawn text (same font, scaled
 * with the camera), so typing, IME, spell-check and screen readers all work as in any text box.
 * Every way out commits (Escape, click-away, Ctrl/Cmd+Enter; Enter for one-line fields): typing
 * is never lost, and it is written once, as one undo step.
 */
export function TextEditOverlay({ onFinish }: { onFinish?: () => void }) {
  const editing = useEditorState((s) => s.editing);
  if (!editing) return null;
  return <EditField key={`${editing.type}:${editing.id}`} target={editing} onFinish={onFinish} />;
}

function currentText(editor: Editor, target: EditingTarget): string {
  if (target.type === 'card') return editor.card(target.id)?.text ?? '';
  if (target.type === 'frame') return editor.frame(target.id)?.title ?? '';
  return editor.connector(target.id)?.label ?? '';
}

function write(editor: Editor, target: EditingTarget, value: string): void {
  if (target.type === 'card') setCardText(editor, target.id, value.slice(0, TEXT_LIMIT));
  else if (target.type === 'frame') renameFrame(editor, target.id, value.trim().slice(0, TITLE_LIMIT));
  else if (editor.connector(target.id)?.label !== value.trim())
    setConnector(editor, target.id, { label: value.trim().slice(0, LABEL_LIMIT) });
}

function EditField({ target, onFinish }: { target: EditingTarget; onFinish?: (() => void) | undefined }) {
  const editor = useEditor();
  const camera = useEditorState((s) => s.camera);
  const preview = useEditorState((s) => s.preview);
  const snapshot = useSnapshot();
  const fieldRef = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  const initial = useRef(currentText(editor, target));
  const value = useRef(initial.current);
  const committed = useRef(false);

  const commit = () => {
    if (committed.current) return;
    committed.current = true;
    write(editor, target, value.current);
  };
  const commitRef = useRef(commit);
  commitRef.current = commit;

  // Whatever ends editing (undo, a peer deleting the card, closing the workshop) still keeps the typing.
  useEffect(() => {
    committed.current = false;
    return () => commitRef.current();
  }, []);

  useLayoutEffect(() => {
    const el = fieldRef.current;
    if (!el) return;
    el.focus({ preventScroll: true });
    el.select();
  }, []);

  const finish = () => {
    commit();
    const now = editor.state.editing;
    if (now && now.id === target.id && now.type === target.type) editor.stopEditing();
    onFinish?.();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const oneLine = target.type !== 'card';
    if (e.key === 'Escape' || (e.key === 'Enter' && (e.ctrlKey || e.metaKey || (oneLine && !e.shiftKey)))) {
      e.preventDefault();
      e.stopPropagation();
      finish();
    }
  };

  const { zoom } = camera;
  const toScreen = (x: number, y: number) => ({ left: camera.x + x * zoom, top: camera.y + y * zoom });
  let style: CSSProperties | null = null;
  let label = '';
  let oneLine = false;
  let limit = TEXT_LIMIT;

  if (target.type === 'card') {
    const card = snapshot.cards.get(target.id as CardId);
    const box = preview?.get(target.id) ?? card;
    if (card && box) {
      const S = CARD_STYLE;
      const markerSpace = cardMarker(card) ? S.markerHeight + 4 : 0;
      const pos = toScreen(box.x + S.padding, box.y + S.bodyTop);
      style = {
        ...pos,
        width: box.w - 2 * S.padding,
        height: Math.max(S.bodyLineHeight, box.h - S.bodyTop - S.padding - markerSpace),
        font: S.bodyFont,
        lineHeight: `${S.bodyLineHeight}px`,
      };
      label = `Words on the ${CARD_KIND_INFO[card.kind].label} card`;
    }
  } else if (target.type === 'frame') {
    const frame = snapshot.frames.get(target.id as FrameId);
    const box = preview?.get(target.id) ?? frame;
    if (frame && box) {
      const bar = frameTitleHeight(box, zoom);
      const size = frameTitleFontSize(bar);
      const pad = size * 0.7;
      style = {
        ...toScreen(box.x + pad, box.y),
        width: box.w - 2 * pad,
        height: bar,
        font: `bold ${size}px ${FONT_FAMILY}`,
        lineHeight: `${bar}px`,
      };
      label = 'Frame title';
      oneLine = true;
      limit = TITLE_LIMIT;
    }
  } else {
    const connector = snapshot.connectors.get(target.id as ConnectorId);
    const from = connector && (preview?.get(connector.from) ?? snapshot.cards.get(connector.from));
    const to = connector && (preview?.get(connector.to) ?? snapshot.cards.get(connector.to));
    if (from && to) {
      const { a, b } = connectorSegment(from, to);
      const w = 240;
      const h = 26;
      style = {
        ...toScreen((a.x + b.x) / 2 - w / 2, (a.y + b.y) / 2 - h / 2),
        width: w,
        height: h,
        font: CONNECTOR_STYLE.labelFont,
        lineHeight: `${h}px`,
      };
      label = 'Connector label';
      oneLine = true;
      limit = LABEL_LIMIT;
    }
  }
  if (!style) return null;
  const common = {
    ref: fieldRef,
    className: `db-text-edit${target.type === 'connector' ? ' db-label-edit' : ''}`,
    style: { ...style, transform: `scale(${zoom})` },
    'aria-label': label,
    defaultValue: initial.current,
    maxLength: limit,
    spellCheck: true,
    'data-board-overlay': '',
    onChange: (e: { currentTarget: { value: string } }) => (value.current = e.currentTarget.value),
    onKeyDown,
    onBlur: finish,
  };
  return oneLine ? <input type="text" {...common} /> : <textarea {...common} />;
}
