import type Konva from 'konva';
import {
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  type DragEvent,
  type KeyboardEvent,
  type FocusEvent as ReactFocusEvent,
  type MouseEvent as ReactMouseEvent,
  type PointerEvent as ReactPointerEvent,
} from 'react';
import { Layer, Shape, Stage } from 'react-konva';
import type { ActionId } from '../../shared/actions/catalog';
import { CARD_KINDS, CARD_SIZE, type CardKind } from '../../shared/model';
import { actionForKey, cardKindForKey, performAction, type ActionHost } from '../editor/actions';
import { screenToWorld, visibleWorld } from '../editor/camera';
import { expandBox } from '../editor/geometry';
import { addCard } from '../editor/edit-commands';
import { InputController, type PointerInput } from '../editor/input';
import type { EditorState } from '../editor/state';
import { useEditor, useEditorState } from '../app/hooks';
import './board.css';
import { CardSpriteCache } from './card-sprites';
import { drawCards } from './draw-cards';
import { drawConnectors } from './draw-connectors';
import { drawFrames, visibleFrames } from './draw-frames';
import { drawOverlay } from './draw-overlay';
import { cullBox, detailLevel, visibleCards, visibleConnectors } from './lod';
import { PresenceLayer } from './PresenceLayer';
import { presenceShown, useLiveSlice, useLiveSource } from './presence-source';
import { TextEditOverlay } from './TextEditOverlay';
import { usePresencePublishing } from './use-presence-publishing';

/** The palette starts an HTML5 drag with this type; its data is the card kind. */
export const CARD_KIND_DRAG_TYPE = 'application/x-dreamboard-kind';

const isCardKind = (s: string): s is CardKind => (CARD_KINDS as readonly string[]).includes(s);

/** The text editor sits inside the board; its own clicks and wheel are not board gestures. */
const fromOverlay = (e: { target: EventTarget | null }): boolean =>
  e.target instanceof Element && !!e.target.closest('[data-board-overlay]');

export interface BoardProps {
  /**
   * When given, the board runs its own shortcuts (actionForKey, digits add cards). The app shell
   * routes keys for the whole window itself and leaves this out.
   */
  readonly host?: ActionHost;
}

/**
 * The interactive board. React renders the stage, one layer of four shapes and the text editor; everything
 * that changes per frame is imperative: the camera moves the stage (no React render on pan or
 * zoom), and each layer is drawn by scene functions that cull to the view and pick a level of
 * detail at draw time. Konva never hit-tests (listening off): pointer events go to the
 * InputController, which resolves targets in plain geometry.
 */
export function Board({ host }: BoardProps) {
  const editor = useEditor();
  const containerRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef<Konva.Stage>(null);
  const layerRef = useRef<Konva.Layer>(null);
  /** Counts draws of the layer, so a scheduled redraw can tell it is no longer needed. */
  const drawCount = useRef(0);
  const sprites = useMemo(() => new CardSpriteCache(), []);
  /** Zoom of the previous draw: while it changes (a pinch), cards are drawn directly, not cached. */
  const lastZoom = useRef(0);
  const inputRef = useRef<InputController | null>(null);
  const originRef = useRef({ left: 0, top: 0 });
  /** Set when the board may have moved on the page; the origin is measured again when next needed. */
  const originStale = useRef(true);
  const viewport = useEditorState(selectViewport);
  const size = useMemo(
    () => ({ w: Math.max(1, Math.round(viewport.w)), h: Math.max(1, Math.round(viewport.h)) }),
    [viewport],
  );
  // Live sessions: others' cursors and selections in their own layer, mounted only while there
  // are any (a second layer costs compositing on every frame); ours published while in a session.
  const live = useLiveSource();
  const showPresence = useLiveSlice(live, presenceShown, false);
  usePresencePublishing(editor, live, containerRef);

  useEffect(() => {
    const input = new InputController(editor);
    inputRef.current = input;
    const off = input.onCursorChange((cursor) => {
      if (containerRef.current) containerRef.current.style.cursor = cursor;
    });
    return () => {
      off();
      input.dispose();
      inputRef.current = null;
    };
  }, [editor]);

  // Fill the parent and tell the editor how big the view is; the stage follows the editor's
  // viewport. The size comes from a ResizeObserver's contentRect, delivered after layout: measuring
  // here with getBoundingClientRect forced a layout of the whole workspace in the middle of mounting
  // it. (The workspace measures once to fit the board into the first view.)
  useLayoutEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      originStale.current = true;
      editor.setViewport({
        w: Math.max(1, Math.round(entry.contentRect.width)),
        h: Math.max(1, Math.round(entry.contentRect.height)),
      });
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [editor]);

  // Camera and redraws, outside React: a pan only moves the stage and redraws the layer.
  useLayoutEffect(() => {
    const stage = stageRef.current;
    const layer = layerRef.current;
    if (!stage || !layer) return;
    // One draw per animation frame however many changes arrive, and none at all when the layer
    // was drawn synchronously since the last change (the benchmark draws right after a camera move).
    let frame: number | null = null;
    let requestedAt = 0;
    const requestDraw = () => {
      requestedAt = drawCount.current;
      frame ??= requestAnimationFrame(() => {
        frame = null;
        if (drawCount.current === requestedAt) layer.draw();
      });
    };
    let last = editor.state;
    const applyCamera = () => {
      const { x, y, zoom } = editor.state.camera;
      stage.position({ x, y });
      stage.scale({ x: zoom, y: zoom });
    };
    applyCamera();
    requestDraw();
    const offStore = editor.store.subscribe((s) => {
      const prev = last;
      last = s;
      if (s.camera !== prev.camera || s.viewport !== prev.viewport) applyCamera();
      if (
        s.camera !== prev.camera ||
        s.viewport !== prev.viewport ||
        s.preview !== prev.preview ||
        s.editing !== prev.editing ||
        s.selection !== prev.selection ||
        s.marquee !== prev.marquee ||
        s.pendingConnector !== prev.pendingConnector ||
        s.draftFrame !== prev.draftFrame ||
        s.toolPath !== prev.toolPath ||
        s.tool !== prev.tool
      )
        requestDraw();
    });
    const offDoc = editor.session.index.subscribe(requestDraw);
    return () => {
      offStore();
      offDoc();
      if (frame !== null) cancelAnimationFrame(frame);
    };
  }, [editor]);

  useLayoutEffect(() => {
    layerRef.current?.batchDraw();
  }, [size]);

  const drawContent = useCallback(
    (ctx: Konva.Context, part: 'frames' | 'connectors' | 'cards') => {
      const { camera, viewport, preview, editing } = editor.state;
      const view = cullBox(visibleWorld(camera, viewport), camera.zoom);
      const level = detailLevel(camera.zoom);
      const snapshot = editor.snapshot;
      const native = ctx._context;
      if (part === 'frames') drawCount.current += 1;
      if (part === 'frames')
        drawFrames(
          native,
          visibleFrames(snapshot, view, preview),
          camera.zoom,
          editing?.type === 'frame' ? editing.id : null,
        );
      else if (part === 'connectors')
        drawConnectors(
          native,
          visibleConnectors(snapshot, view, preview),
          camera.zoom,
          level,
          editing?.type === 'connector' ? editing.id : null,
        );
      else {
        const steady = camera.zoom === lastZoom.current;
        lastZoom.current = camera.zoom;
        const cards = visibleCards(snapshot, view, preview);
        // Cards within half a screen of the view get their sprites made before they scroll in.
        const ahead = () =>
          visibleCards(
            snapshot,
            expandBox(view, Math.max(viewport.w, viewport.h) / 2 / camera.zoom),
            preview,
          );
        drawCards(
          native,
          cards,
          camera.zoom,
          level,
          editing?.type === 'card' ? editing.id : null,
          steady ? sprites : null,
          ahead,
        );
        if (level !== 'detail') {
          const editingFrame = editing?.type === 'frame' ? editing.id : null;
          drawFrames(native, visibleFrames(snapshot, view, preview), camera.zoom, editingFrame, true);
        }
      }
    },
    [editor, sprites],
  );
  const drawFramesPart = useCallback((ctx: Konva.Context) => drawContent(ctx, 'frames'), [drawContent]);
  const drawConnectorsPart = useCallback(
    (ctx: Konva.Context) => drawContent(ctx, 'connectors'),
    [drawContent],
  );
  const drawCardsPart = useCallback((ctx: Konva.Context) => drawContent(ctx, 'cards'), [drawContent]);
  const drawOverlayPart = useCallback(
    (ctx: Konva.Context) => drawOverlay(ctx._context, { state: editor.state, snapshot: editor.snapshot }),
    [editor],
  );

  // ----- DOM events → InputController --------------------------------------------------------

  const origin = () => {
    const el = containerRef.current;
    if (originStale.current && el) {
      const r = el.getBoundingClientRect();
      originRef.current = { left: r.left, top: r.top };
      originStale.current = false;
    }
    return originRef.current;
  };
  const pointer = (e: ReactPointerEvent | DragEvent | MouseEvent | ReactMouseEvent): PointerInput => ({
    screen: { x: e.clientX - origin().left, y: e.clientY - origin().top },
    button: e.button,
    buttons: e.buttons,
    shiftKey: e.shiftKey,
    ctrlKey: e.ctrlKey,
    metaKey: e.metaKey,
    altKey: e.altKey,
  });

  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (fromOverlay(e)) return;
    const r = e.currentTarget.getBoundingClientRect();
    originRef.current = { left: r.left, top: r.top };
    // The middle button would start the browser's autoscroll.
    if (e.button === 1) e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    inputRef.current?.pointerDown(pointer(e));
  };
  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (!fromOverlay(e) || e.currentTarget.hasPointerCapture(e.pointerId))
      inputRef.current?.pointerMove(pointer(e));
  };
  const onPointerUp = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (!e.currentTarget.hasPointerCapture(e.pointerId)) return;
    e.currentTarget.releasePointerCapture(e.pointerId);
    inputRef.current?.pointerUp(pointer(e));
  };
  const onDoubleClick = (e: ReactMouseEvent<HTMLDivElement>) => {
    if (!fromOverlay(e)) inputRef.current?.doubleClick(pointer(e));
  };

  // Wheel needs a non-passive listener so that Ctrl+wheel zooms the board, not the page.
  useEffect(() => {
    const el = containerRef.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      if (fromOverlay(e) && !e.ctrlKey) return;
      e.preventDefault();
      const r = el.getBoundingClientRect();
      inputRef.current?.wheel({
        screen: { x: e.clientX - r.left, y: e.clientY - r.top },
        deltaX: e.deltaX,
        deltaY: e.deltaY,
        deltaMode: e.deltaMode,
        shiftKey: e.shiftKey,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        altKey: e.altKey,
      });
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget || e.nativeEvent.isComposing) return;
    if (inputRef.current?.keyDown(e)) return e.preventDefault();
    if (!host) return;
    const kind = cardKindForKey(e);
    if (kind) {
      e.preventDefault();
      addCard(editor, kind, { edit: true });
      return;
    }
    const spec = actionForKey(e, 'board');
    if (spec) {
      e.preventDefault();
      performAction(spec.id as ActionId, { editor, host }, e);
    }
  };
  const onKeyUp = (e: KeyboardEvent<HTMLDivElement>) => {
    if (inputRef.current?.keyUp(e)) e.preventDefault();
  };
  const onBlur = (e: ReactFocusEvent<HTMLDivElement>) => {
    if (!e.relatedTarget || !e.currentTarget.contains(e.relatedTarget as Node)) inputRef.current?.blur();
  };

  const onDragOver = (e: DragEvent<HTMLDivElement>) => {
    if (!e.dataTransfer.types.includes(CARD_KIND_DRAG_TYPE)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    const kind = e.dataTransfer.getData(CARD_KIND_DRAG_TYPE);
    // Drops can come from other apps: only a known kind is accepted.
    if (!isCardKind(kind)) return;
    e.preventDefault();
    const r = e.currentTarget.getBoundingClientRect();
    const world = screenToWorld(editor.state.camera, { x: e.clientX - r.left, y: e.clientY - r.top });
    addCard(editor, kind, { at: { x: world.x - CARD_SIZE.w / 2, y: world.y - CARD_SIZE.h / 2 } });
    e.currentTarget.focus({ preventScroll: true });
  };

  const hintId = useId();
  const focusBoard = useCallback(() => containerRef.current?.focus({ preventScroll: true }), []);

  return (
    <div
      ref={containerRef}
      className="db-board"
      tabIndex={0}
      role="application"
      aria-label="Workshop board"
      aria-roledescription="board"
      aria-describedby={hintId}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => inputRef.current?.pointerCancel()}
      onDoubleClick={onDoubleClick}
      onKeyDown={onKeyDown}
      onKeyUp={onKeyUp}
      onBlur={onBlur}
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      <span id={hintId} className="db-board-hint">
        Press 1 to 9, 0 or N to add a card, Enter to edit the selected one, arrow keys to move it. The outline
        lists everything on the board.
      </span>
      <Stage ref={stageRef} width={size.w} height={size.h} listening={false}>
        <Layer ref={layerRef} listening={false}>
          <Shape sceneFunc={drawFramesPart} listening={false} perfectDrawEnabled={false} />
          <Shape sceneFunc={drawConnectorsPart} listening={false} perfectDrawEnabled={false} />
          <Shape sceneFunc={drawCardsPart} listening={false} perfectDrawEnabled={false} />
          <Shape sceneFunc={drawOverlayPart} listening={false} perfectDrawEnabled={false} />
        </Layer>
        {showPresence && live && <PresenceLayer editor={editor} live={live} />}
      </Stage>
      <TextEditOverlay onFinish={focusBoard} />
    </div>
  );
}

const selectViewport = (s: EditorState) => s.viewport;
