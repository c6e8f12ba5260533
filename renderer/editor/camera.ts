import type { Box, Point } from './geometry';

/**
 * The view: screen = world × zoom + (x, y). This maps one-to-one onto a Konva stage's
 * position and scale, so panning moves the stage instead of re-rendering cards.
 */
export interface Camera {
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

export interface Viewport {
  readonly w: number;
  readonly h: number;
}

export const MIN_ZOOM = 0.02;
export const MAX_ZOOM = 4;
export const ZOOM_STEPS = [0.02, 0.05, 0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4] as const;

export const clampZoom = (z: number): number =>
  Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Number.isFinite(z) ? z : 1));

export const screenToWorld = (cam: Camera, p: Point): Point => ({
  x: (p.x - cam.x) / cam.zoom,
  y: (p.y - cam.y) / cam.zoom,
});

export const worldToScreen = (cam: Camera, p: Point): Point => ({
  x: p.x * cam.zoom + cam.x,
  y: p.y * cam.zoom + cam.y,
});

/** The part of the world visible through the viewport. */
export function visibleWorld(cam: Camera, vp: Viewport): Box {
  return { x: -cam.x / cam.zoom, y: -cam.y / cam.zoom, w: vp.w / cam.zoom, h: vp.h / cam.zoom };
}

/** Zoom to `zoom` keeping the world point under `screenPoint` where it is (cursor-anchored zoom). */
export function zoomAt(cam: Camera, screenPoint: Point, zoom: number): Camera {
  const z = clampZoom(zoom);
  const world = screenToWorld(cam, screenPoint);
  return { zoom: z, x: screenPoint.x - world.x * z, y: screenPoint.y - world.y * z };
}

/** The next zoom step in or out from the current zoom. */
export function stepZoom(current: number, direction: 1 | -1): number {
  if (direction > 0) return ZOOM_STEPS.find((s) => s > current + 1e-6) ?? MAX_ZOOM;
  return [...ZOOM_STEPS].reverse().find((s) => s < current - 1e-6) ?? MIN_ZOOM;
}

/** A camera that shows `box` whole, centred, with `padding` screen pixels around it. */
export function fitBox(box: Box, vp: Viewport, padding = 48, maxZoom = 1): Camera {
  const w = Math.max(1, vp.w - 2 * padding);
  const h = Math.max(1, vp.h - 2 * padding);
  const zoom = clampZoom(Math.min(w / Math.max(box.w, 1), h / Math.max(box.h, 1), maxZoom));
  return {
    zoom,
    x: vp.w / 2 - (box.x + box.w / 2) * zoom,
    y: vp.h / 2 - (box.y + box.h / 2) * zoom,
  };
}

/** A camera centred on a world point at the given zoom. */
export function centerOn(p: Point, vp: Viewport, zoom: number): Camera {
  return { zoom, x: vp.w / 2 - p.x * zoom, y: vp.h / 2 - p.y * zoom };
}
