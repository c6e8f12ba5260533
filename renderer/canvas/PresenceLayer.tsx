import type Konva from 'konva';
import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import { Layer, Shape } from 'react-konva';
import type { CardId, ConnectorId, FrameId } from '../../shared/model';
import { visibleWorld } from '../editor/camera';
import type { Editor } from '../editor/editor';
import { connectorSegment } from '../editor/hit-test';
import type { LiveController } from '../live/types';
import { drawPresence } from './presence-draw';
import { CursorMotion } from './presence-motion';
import { selectionOutlines, visibleCursors, type ItemLookup } from './presence-model';

export interface PresenceLayerProps {
  readonly editor: Editor;
  readonly live: LiveController;
}

const reducedMotion = (): MediaQueryList | null =>
  typeof matchMedia === 'function' ? matchMedia('(prefers-reduced-motion: reduce)') : null;

/**
 * Other people's cursors and selections, in a Konva layer of its own above the board's. Board
 * mounts it only while someone in a live session has presence, so outside sessions it costs
 * nothing (docs/canvas.md: every layer is a canvas the browser composites on each frame).
 *
 * Nothing here renders React after mounting: the layer subscribes to the live store, the editor
 * store and the document directly and redraws at most once per animation frame, and animates
 * only while a cursor is gliding to its newest position. It never listens for pointer events
 * (hit testing is the InputController's, in plain geometry) and is not part of the document,
 * undo or exports (those draw from the snapshot, not from the stage).
 */
export function PresenceLayer({ editor, live }: PresenceLayerProps) {
  const layerRef = useRef<Konva.Layer>(null);
  const motion = useMemo(() => new CursorMotion(), []);

  useLayoutEffect(() => {
    const layer = layerRef.current;
    if (!layer) return;
    const motionQuery = reducedMotion();
    let frame: number | null = null;
    const requestDraw = () => {
      frame ??= requestAnimationFrame(() => {
        frame = null;
        layer.draw();
        // Keep animating only while a cursor glides; then stop until the next change.
        if (motion.moving(performance.now())) requestDraw();
      });
    };
    let participants = live.store.get().participants;
    motion.update(participants, performance.now(), true);
    requestDraw();
    const offLive = live.store.subscribe((s) => {
      if (s.participants === participants) return;
      participants = s.participants;
      motion.update(participants, performance.now(), motionQuery?.matches ?? false);
      requestDraw();
    });
    let last = editor.state;
    const offEditor = editor.store.subscribe((s) => {
      const prev = last;
      last = s;
      // Our own drag preview moves items others may have selected.
      if (s.camera !== prev.camera || s.viewport !== prev.viewport || s.preview !== prev.preview)
        requestDraw();
    });
    const offDoc = editor.session.index.subscribe(requestDraw);
    return () => {
      offLive();
      offEditor();
      offDoc();
      if (frame !== null) cancelAnimationFrame(frame);
    };
  }, [editor, live, motion]);

  const draw = useCallback(
    (ctx: Konva.Context) => {
      const { participants } = live.store.get();
      const { camera, viewport, preview } = editor.state;
      const snapshot = editor.snapshot;
      const now = performance.now();
      const items: ItemLookup = {
        box: (id) =>
          preview?.get(id) ?? snapshot.cards.get(id as CardId) ?? snapshot.frames.get(id as FrameId),
        segment: (id) => {
          const c = snapshot.connectors.get(id as ConnectorId);
          if (!c) return undefined;
          const from = preview?.get(c.from) ?? snapshot.cards.get(c.from);
          const to = preview?.get(c.to) ?? snapshot.cards.get(c.to);
          return from && to ? connectorSegment(from, to) : undefined;
        },
      };
      const outlines = selectionOutlines(participants, items, camera, visibleWorld(camera, viewport));
      const cursors = visibleCursors(participants, (id) => motion.positionAt(id, now), camera, viewport);
      const native = ctx._context;
      // Screen pixels: undo the stage's camera transform, keep the device pixel ratio.
      const ratio = ctx.canvas.getPixelRatio();
      native.setTransform(ratio, 0, 0, ratio, 0, 0);
      drawPresence(native, outlines, cursors, viewport.w);
    },
    [editor, live, motion],
  );

  return (
    <Layer ref={layerRef} listening={false}>
      <Shape sceneFunc={draw} listening={false} perfectDrawEnabled={false} />
    </Layer>
  );
}
