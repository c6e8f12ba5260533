import type { DocSnapshot } from '../../shared/doc';
import { framesInZOrder } from '../../shared/doc';
import type { Frame } from '../../shared/model';
import { boxesIntersect, type Box } from '../editor/geometry';
import { frameTitleHeight } from '../editor/hit-test';
import { fitLine } from './text-layout';
import { FONT_FAMILY, FRAME_STYLE as S } from './theme';

export interface PlacedFrame {
  readonly frame: Frame;
  readonly box: Box;
}

/** Frames intersecting the view, bottom to top, at their preview boxes during a gesture. */
export function visibleFrames(
  snapshot: DocSnapshot,
  view: Box,
  preview: ReadonlyMap<string, Box> | null,
): PlacedFrame[] {
  const out: PlacedFrame[] = [];
  for (const frame of framesInZOrder(snapshot)) {
    const box = preview?.get(frame.id) ?? frame;
    if (boxesIntersect(box, view)) out.push({ frame, box });
  }
  return out;
}

/** Fitted titles per frame record, bar size and room: measuring 100 titles every frame adds up. */
const fittedTitles = new WeakMap<Frame, { key: string; text: string }>();

function fittedTitle(frame: Frame, font: string, room: number, measure: (s: string) => number): string {
  const key = `${font}|${Math.round(room)}`;
  const cached = fittedTitles.get(frame);
  if (cached?.key === key) return cached.text;
  const text = fitLine(frame.title || 'Untitled area', Math.max(0, room), measure);
  fittedTitles.set(frame, { key, text });
  return text;
}

/** Title font size (world units) for a title bar of height `bar`. */
export const frameTitleFontSize = (bar: number): number => bar * 0.5;

/**
 * Frames: light fill, border, and a title bar whose text grows in world units as the view zooms
 * out, so sections stay readable on a projector even at zoom-to-fit. Zoomed out, the grown bar
 * reaches over the frame's top cards, so the board draws the bars again over the cards
 * (`titlesOnly`): a section's name must never be hidden under its own cards.
 */
export function drawFrames(
  ctx: CanvasRenderingContext2D,
  frames: readonly PlacedFrame[],
  zoom: number,
  editingId: string | null,
  titlesOnly = false,
): void {
  const lineWidth = Math.max(S.strokeWidth, 1.5 / zoom);
  for (const { frame, box } of frames) {
    const bar = frameTitleHeight(box, zoom);
    const radius = Math.min(S.radius, box.w / 2, box.h / 2);
    if (!titlesOnly) {
      ctx.beginPath();
      ctx.roundRect(box.x, box.y, box.w, box.h, radius);
      ctx.fillStyle = S.fill;
      ctx.fill();
    }
    ctx.beginPath();
    ctx.roundRect(box.x, box.y, box.w, bar, [radius, radius, 0, 0]);
    ctx.fillStyle = S.titleFill;
    ctx.fill();
    if (!titlesOnly) {
      ctx.beginPath();
      ctx.roundRect(box.x, box.y, box.w, box.h, radius);
      ctx.lineWidth = lineWidth;
      ctx.strokeStyle = S.stroke;
      ctx.stroke();
    }
    if (frame.id === editingId) continue;
    const size = frameTitleFontSize(bar);
    const pad = size * 0.7;
    ctx.font = `bold ${size}px ${FONT_FAMILY}`;
    ctx.textBaseline = 'middle';
    const measure = (s: string) => ctx.measureText(s).width;
    let right = box.x + box.w - pad;
    if (frame.locked) {
      ctx.font = `${size * 0.7}px ${FONT_FAMILY}`;
      const lockText = 'Locked';
      const w = measure(lockText);
      ctx.fillStyle = S.lockedColor;
      ctx.fillText(lockText, right - w, box.y + bar / 2);
      right -= w + pad;
      ctx.font = `bold ${size}px ${FONT_FAMILY}`;
    }
    ctx.fillStyle = S.titleColor;
    ctx.fillText(fittedTitle(frame, ctx.font, right - box.x - pad, measure), box.x + pad, box.y + bar / 2);
  }
}
