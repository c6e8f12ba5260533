import { useEffect, type RefObject } from 'react';
import { visibleWorld } from '../editor/camera';
import type { Editor } from '../editor/editor';
import type { LiveController, LocalPresencePatch } from '../live/types';
import { SELECTION_MAX } from '../../shared/live/presence';
import { recordForTests, sessionActive, useLiveSlice } from './presence-source';

/** The view rectangle is for "follow": four updates a second are plenty, and each one is traffic. */
export const VIEWPORT_PUBLISH_MS = 250;

/**
 * Tells the others where our pointer is, what we have selected and what we are looking at, in
 * world coordinates, while a live session is on. Outside a session it adds no listener at all.
 *
 * Pointer moves are coalesced to one per animation frame (the controller throttles further, to
 * 20 a second); a move only stores two numbers. A camera move republishes the cursor too, since
 * the world point under a still pointer changes when the board pans or zooms under it.
 */
export function usePresencePublishing(
  editor: Editor,
  live: LiveController | null,
  boardRef: RefObject<HTMLElement | null>,
): void {
  const active = useLiveSlice(live, sessionActive, false);

  useEffect(() => {
    const el = boardRef.current;
    if (!active || !live || !el) return;
    const publish = (patch: LocalPresencePatch) => {
      live.setLocalPresence(patch);
      recordForTests(patch);
    };

    let inside = false;
    let clientX = 0;
    let clientY = 0;
    let frame: number | null = null;
    const flushCursor = () => {
      frame = null;
      if (!inside) return;
      const r = el.getBoundingClientRect();
      const { x, y, zoom } = editor.state.camera;
      publish({ cursor: { x: (clientX - r.left - x) / zoom, y: (clientY - r.top - y) / zoom } });
    };
    const onMove = (e: PointerEvent) => {
      inside = true;
      clientX = e.clientX;
      clientY = e.clientY;
      frame ??= requestAnimationFrame(flushCursor);
    };
    const onLeave = () => {
      inside = false;
      if (frame !== null) cancelAnimationFrame(frame);
      frame = null;
      publish({ cursor: null });
    };
    el.addEventListener('pointermove', onMove, { passive: true });
    el.addEventListener('pointerleave', onLeave, { passive: true });

    let viewportTimer: ReturnType<typeof setTimeout> | null = null;
    let lastViewportAt = -Infinity;
    const flushViewport = () => {
      viewportTimer = null;
      lastViewportAt = performance.now();
      publish({ viewport: visibleWorld(editor.state.camera, editor.state.viewport) });
    };
    const scheduleViewport = () => {
      viewportTimer ??= setTimeout(
        flushViewport,
        Math.max(0, VIEWPORT_PUBLISH_MS - (performance.now() - lastViewportAt)),
      );
    };
    const selectionIds = (selection: ReadonlySet<string>) => [...selection].slice(0, SELECTION_MAX);

    let last = editor.state;
    const offEditor = editor.store.subscribe((s) => {
      const prev = last;
      last = s;
      if (s.selection !== prev.selection) publish({ selection: selectionIds(s.selection) });
      if (s.camera !== prev.camera || s.viewport !== prev.viewport) {
        scheduleViewport();
        if (inside) frame ??= requestAnimationFrame(flushCursor);
      }
    });
    // Joining or starting a session: announce what is already selected and in view.
    publish({ selection: selectionIds(editor.state.selection) });
    flushViewport();

    return () => {
      offEditor();
      el.removeEventListener('pointermove', onMove);
      el.removeEventListener('pointerleave', onLeave);
      if (frame !== null) cancelAnimationFrame(frame);
      if (viewportTimer !== null) clearTimeout(viewportTimer);
    };
  }, [active, live, editor, boardRef]);
}
