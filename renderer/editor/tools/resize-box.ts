import type { Box } from '../geometry';
import type { ResizeHandle } from '../hit-test';

/**
 * The box after dragging `handle` by (dx, dy) world units. Edges the handle does not own stay
 * put; the moving edges stop at the minimum size instead of flipping the box inside out.
 */
export function resizeBox(
  start: Box,
  handle: ResizeHandle,
  dx: number,
  dy: number,
  min: { w: number; h: number },
): Box {
  let left = start.x;
  let top = start.y;
  let right = start.x + start.w;
  let bottom = start.y + start.h;
  if (handle.includes('w')) left = Math.min(left + dx, right - min.w);
  if (handle.includes('e')) right = Math.max(right + dx, left + min.w);
  if (handle.startsWith('n')) top = Math.min(top + dy, bottom - min.h);
  if (handle.startsWith('s')) bottom = Math.max(bottom + dy, top + min.h);
  return { x: left, y: top, w: right - left, h: bottom - top };
}

/** The CSS cursor that shows which way a handle resizes. */
export function resizeCursor(handle: ResizeHandle): string {
  if (handle === 'nw' || handle === 'se') return 'nwse-resize';
  if (handle === 'ne' || handle === 'sw') return 'nesw-resize';
  if (handle === 'n' || handle === 's') return 'ns-resize';
  return 'ew-resize';
}
