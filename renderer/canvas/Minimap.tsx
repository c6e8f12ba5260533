import { useEffect, useRef, type PointerEvent as ReactPointerEvent } from 'react';
import { CARD_KIND_INFO, CARD_KINDS, type CardKind } from '../../shared/model';
import { centerOn, visibleWorld } from '../editor/camera';
import type { Editor } from '../editor/editor';
import { expandBox, type Box, type Point } from '../editor/geometry';
import { useEditor } from '../app/hooks';
import type { LiveController } from '../live/types';
import { drawMinimapCursors } from './presence-draw';
import { useLiveSource } from './presence-source';
import { FRAME_STYLE, SELECTION_STYLE } from './theme';

const WIDTH = 220;
const HEIGHT = 150;
/** Redraw the content at most this often: a peer typing fast must not cost frames. */
const CONTENT_REDRAW_MS = 250;

/** Maps world boxes into the minimap: the content's bounds, padded, fitted and centred. */
export interface MinimapMapping {
  readonly scale: number;
  readonly offsetX: number;
  readonly offsetY: number;
}

export function minimapMapping(bounds: Box, width: number, height: number): MinimapMapping {
  const padded = expandBox(bounds, Math.max(bounds.w, bounds.h) * 0.05 + 50);
  const scale = Math.min(width / padded.w, height / padded.h);
  return {
    scale,
    offsetX: (width - padded.w * scale) / 2 - padded.x * scale,
    offsetY: (height - padded.h * scale) / 2 - padded.y * scale,
  };
}

const toWorld = (m: MinimapMapping, p: Point): Point => ({
  x: (p.x - m.offsetX) / m.scale,
  y: (p.y - m.offsetY) / m.scale,
});

function drawContent(ctx: CanvasRenderingContext2D, editor: Editor, m: MinimapMapping): void {
  ctx.clearRect(0, 0, WIDTH, HEIGHT);
  const snap = editor.snapshot;
  ctx.save();
  ctx.setTransform(m.scale, 0, 0, m.scale, m.offsetX, m.offsetY);
  ctx.beginPath();
  for (const f of snap.frames.values()) ctx.rect(f.x, f.y, f.w, f.h);
  ctx.fillStyle = FRAME_STYLE.titleFill;
  ctx.fill();
  ctx.lineWidth = 1 / m.scale;
  ctx.strokeStyle = FRAME_STYLE.stroke;
  ctx.stroke();
  // One path per kind: 10k cards cost eleven fills.
  const byKind = new Map<CardKind, Box[]>();
  for (const c of snap.cards.values()) {
    let list = byKind.get(c.kind);
    if (!list) byKind.set(c.kind, (list = []));
    list.push(c);
  }
  const minSize = 1.5 / m.scale;
  for (const kind of CARD_KINDS) {
    const boxes = byKind.get(kind);
    if (!boxes) continue;
    ctx.beginPath();
    for (const b of boxes) ctx.rect(b.x, b.y, Math.max(b.w, minSize), Math.max(b.h, minSize));
    ctx.fillStyle = CARD_KIND_INFO[kind].accent;
    ctx.fill();
  }
  ctx.restore();
}

function drawViewport(
  ctx: CanvasRenderingContext2D,
  editor: Editor,
  m: MinimapMapping,
  live: LiveController | null,
): void {
  ctx.clearRect(0, 0, WIDTH, HEIGHT);
  const v = visibleWorld(editor.state.camera, editor.state.viewport);
  ctx.lineWidth = 2;
  ctx.strokeStyle = SELECTION_STYLE.color;
  ctx.fillStyle = 'rgba(11, 87, 208, 0.08)';
  const x = v.x * m.scale + m.offsetX;
  const y = v.y * m.scale + m.offsetY;
  ctx.fillRect(x, y, v.w * m.scale, v.h * m.scale);
  ctx.strokeRect(x, y, v.w * m.scale, v.h * m.scale);
  const others = live?.store.get();
  if (others && others.status !== 'off' && others.participants.length > 0)
    drawMinimapCursors(ctx, others.participants, (wx, wy) => ({
      x: wx * m.scale + m.offsetX,
      y: wy * m.scale + m.offsetY,
    }));
}

/**
 * A small overview of the whole board with the view's rectangle. Two plain canvases (no Konva,
 * no React per item): the content is redrawn at most every 250 ms, the view rectangle on every
 * camera change. Pressing or dragging on it centres the view there. It is a pointer shortcut
 * only; the outline is the keyboard and screen-reader way around the board.
 */
export function Minimap() {
  const editor = useEditor();
  const live = useLiveSource();
  const contentRef = useRef<HTMLCanvasElement>(null);
  const viewRef = useRef<HTMLCanvasElement>(null);
  const mappingRef = useRef<MinimapMapping | null>(null);

  useEffect(() => {
    const content = contentRef.current?.getContext('2d');
    const view = viewRef.current?.getContext('2d');
    if (!content || !view) return;
    let lastContent = 0;
    let contentTimer: ReturnType<typeof setTimeout> | null = null;
    let viewFrame: number | null = null;

    const redrawView = () => {
      viewFrame = null;
      if (mappingRef.current) drawViewport(view, editor, mappingRef.current, live);
    };
    const scheduleView = () => {
      viewFrame ??= requestAnimationFrame(redrawView);
    };
    const redrawContent = () => {
      contentTimer = null;
      lastContent = performance.now();
      const bounds = editor.contentBounds();
      mappingRef.current = bounds ? minimapMapping(bounds, WIDTH, HEIGHT) : null;
      if (mappingRef.current) drawContent(content, editor, mappingRef.current);
      else content.clearRect(0, 0, WIDTH, HEIGHT);
      redrawView();
    };
    const scheduleContent = () => {
      if (contentTimer !== null) return;
      contentTimer = setTimeout(
        redrawContent,
        Math.max(0, CONTENT_REDRAW_MS - (performance.now() - lastContent)),
      );
    };

    redrawContent();
    let camera = editor.state.camera;
    let viewport = editor.state.viewport;
    const offStore = editor.store.subscribe((s) => {
      if (s.camera === camera && s.viewport === viewport) return;
      camera = s.camera;
      viewport = s.viewport;
      scheduleView();
    });
    const offDoc = editor.session.index.subscribe(scheduleContent);
    // Others' cursors (live sessions): a dot each, redrawn with the view rectangle.
    let shown = live?.store.get();
    const offLive = live?.store.subscribe((s) => {
      if (s.participants === shown?.participants && s.status === shown.status) return;
      shown = s;
      scheduleView();
    });
    return () => {
      offStore();
      offDoc();
      offLive?.();
      if (contentTimer !== null) clearTimeout(contentTimer);
      if (viewFrame !== null) cancelAnimationFrame(viewFrame);
    };
  }, [editor, live]);

  const moveTo = (e: ReactPointerEvent<HTMLDivElement>) => {
    const m = mappingRef.current;
    if (!m) return;
    const r = e.currentTarget.getBoundingClientRect();
    const world = toWorld(m, { x: e.clientX - r.left, y: e.clientY - r.top });
    editor.setCamera(centerOn(world, editor.state.viewport, editor.state.camera.zoom));
  };

  return (
    <div
      className="db-minimap"
      aria-hidden="true"
      title="Map of the whole board: click or drag to move the view"
      style={{
        position: 'relative',
        width: WIDTH,
        height: HEIGHT,
        cursor: 'pointer',
        touchAction: 'none',
        background: '#FFFFFF',
        border: '1px solid #6B7785',
        borderRadius: 4,
        overflow: 'hidden',
      }}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        moveTo(e);
      }}
      onPointerMove={(e) => {
        if (e.currentTarget.hasPointerCapture(e.pointerId)) moveTo(e);
      }}
      onPointerUp={(e) => e.currentTarget.releasePointerCapture(e.pointerId)}
    >
      <canvas ref={contentRef} width={WIDTH} height={HEIGHT} style={{ position: 'absolute', inset: 0 }} />
      <canvas ref={viewRef} width={WIDTH} height={HEIGHT} style={{ position: 'absolute', inset: 0 }} />
    </div>
  );
}
