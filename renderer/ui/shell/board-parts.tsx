// TEMPORARY: stands in for renderer/canvas/Board.tsx and Minimap.tsx until they land; replace the
// import in Workspace.tsx with the real ones and delete this file.
import { useEffect, useRef } from 'react';
import { CARD_KINDS, type CardKind } from '../../../shared/model';
import { screenToWorld } from '../../editor/camera';
import { addCard } from '../../editor/edit-commands';
import { useEditor } from '../hooks';

export function Board() {
  const editor = useEditor();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(() => editor.setViewport({ w: el.clientWidth, h: el.clientHeight }));
    ro.observe(el);
    return () => ro.disconnect();
  }, [editor]);
  return (
    <div
      ref={ref}
      tabIndex={0}
      aria-label="Board"
      style={{ position: 'absolute', inset: 0 }}
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        const kind = e.dataTransfer.getData('application/x-dreamboard-kind') as CardKind;
        if (!CARD_KINDS.includes(kind)) return;
        e.preventDefault();
        const r = e.currentTarget.getBoundingClientRect();
        const p = screenToWorld(editor.state.camera, { x: e.clientX - r.left, y: e.clientY - r.top });
        addCard(editor, kind, { at: { x: p.x - 100, y: p.y - 60 }, edit: true });
      }}
    />
  );
}

export function Minimap() {
  return null;
}
