import type { Participant } from '../live/types';
import { PARTICIPANTS_DRAWN_MAX, type PresenceOutline, type ScreenCursor } from './presence-model';
import { FONT_FAMILY } from './theme';

/**
 * How other people's presence looks. Drawn in screen pixels (the caller sets the identity
 * transform times the device pixel ratio), so sizes are the same at every zoom. Names are
 * drawn with fillText: text only, never markup.
 */
export const PRESENCE_STYLE = {
  labelFont: `600 12px ${FONT_FAMILY}`,
  labelHeight: 20,
  labelPadding: 6,
  /** Long names end in an ellipsis here, so a 40-character name does not cover a row of cards. */
  labelMaxWidth: 160,
  tagFont: `600 11px ${FONT_FAMILY}`,
  tagHeight: 17,
  /** Outside our own ring (3 px gap + 3 px stroke) so both can show on the same card. */
  ringGapPx: 8,
  ringStepPx: 5,
  ringWidthPx: 2,
  ringDash: [7, 4],
  text: '#FFFFFF',
} as const;

/** The arrow, tip at (0, 0), pointing up-left like the system pointer. */
const ARROW: readonly (readonly [number, number])[] = [
  [0, 0],
  [0, 17],
  [4.5, 13],
  [7.5, 20],
  [10.5, 18.8],
  [7.6, 12],
  [13, 12],
];

const fitted = new Map<string, { text: string; width: number }>();

/** The name as drawn (ellipsis past `max` pixels) and its width; cached per font and name. */
function fitName(ctx: CanvasRenderingContext2D, name: string, font: string, max: number) {
  const key = `${font}\n${name}`;
  const hit = fitted.get(key);
  if (hit) return hit;
  if (fitted.size > 512) fitted.clear();
  ctx.font = font;
  let text = name;
  let width = ctx.measureText(text).width;
  if (width > max) {
    const chars = [...name];
    while (chars.length > 1 && width > max) {
      chars.pop();
      text = `${chars.join('').trimEnd()}…`;
      width = ctx.measureText(text).width;
    }
  }
  const result = { text, width };
  fitted.set(key, result);
  return result;
}

function roundRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number) {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, r);
}

/** `viewWidth` (screen px): near the right edge the name goes left of the arrow so it stays readable. */
export function drawCursor(ctx: CanvasRenderingContext2D, c: ScreenCursor, viewWidth: number): void {
  const S = PRESENCE_STYLE;
  const x = Math.round(c.x);
  const y = Math.round(c.y);
  ctx.beginPath();
  for (const [i, [ax, ay]] of ARROW.entries()) {
    if (i === 0) ctx.moveTo(x + ax, y + ay);
    else ctx.lineTo(x + ax, y + ay);
  }
  ctx.closePath();
  ctx.fillStyle = c.colour;
  ctx.fill();
  // A white edge keeps the arrow visible on a card of a similar colour.
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = '#FFFFFF';
  ctx.stroke();

  const name = fitName(ctx, c.name, S.labelFont, S.labelMaxWidth);
  const w = name.width + 2 * S.labelPadding;
  const lx = x + 11 + w > viewWidth ? x - w - 2 : x + 11;
  const ly = y + 19;
  roundRect(ctx, lx, ly, w, S.labelHeight, 4);
  ctx.fillStyle = c.colour;
  ctx.fill();
  ctx.font = S.labelFont;
  ctx.fillStyle = S.text;
  ctx.textBaseline = 'middle';
  ctx.fillText(name.text, lx + S.labelPadding, ly + S.labelHeight / 2 + 0.5);
}

/**
 * Someone else's selection: a dashed ring in their colour, outside where our own solid blue ring
 * goes, nesting outwards when several people select the same item; a connector gets a dashed
 * line alongside. The name tag sits above the ring's top-left corner, off the card's text.
 * `tagX` remembers, per item, where the next tag may start so two tags never overlap.
 */
export function drawOutline(
  ctx: CanvasRenderingContext2D,
  o: PresenceOutline,
  tagX: Map<string, number>,
): void {
  const S = PRESENCE_STYLE;
  ctx.strokeStyle = o.colour;
  ctx.lineWidth = S.ringWidthPx;
  ctx.setLineDash(S.ringDash);
  const gap = S.ringGapPx + o.ring * S.ringStepPx;
  if (o.segment) {
    ctx.lineWidth = S.ringWidthPx + 1;
    ctx.beginPath();
    ctx.moveTo(o.segment.a.x, o.segment.a.y);
    ctx.lineTo(o.segment.b.x, o.segment.b.y);
    ctx.stroke();
  } else {
    ctx.beginPath();
    ctx.rect(o.box.x - gap, o.box.y - gap, o.box.w + 2 * gap, o.box.h + 2 * gap);
    ctx.stroke();
  }
  ctx.setLineDash([]);
  if (o.tag === null) return;

  const name = fitName(ctx, o.tag, S.tagFont, S.labelMaxWidth);
  const w = name.width + 2 * S.labelPadding - 2;
  const left = o.segment ? Math.min(o.segment.a.x, o.segment.b.x) : o.box.x - S.ringGapPx;
  const x = Math.round(Math.max(left, tagX.get(o.id) ?? -Infinity));
  const top = o.segment ? Math.min(o.segment.a.y, o.segment.b.y) : o.box.y - gap;
  // An item scrolled half out of the top keeps its tag in view (over its top edge).
  const y = Math.round(Math.max(top - S.tagHeight, Math.min(2, top + o.box.h - S.tagHeight)));
  tagX.set(o.id, x + w + 3);
  roundRect(ctx, x, y, w, S.tagHeight, 3);
  ctx.fillStyle = o.colour;
  ctx.fill();
  ctx.font = S.tagFont;
  ctx.fillStyle = S.text;
  ctx.textBaseline = 'middle';
  ctx.fillText(name.text, x + S.labelPadding - 1, y + S.tagHeight / 2 + 0.5);
}

/** Everything, selections first so cursors are never hidden under someone's ring or tag. */
export function drawPresence(
  ctx: CanvasRenderingContext2D,
  outlines: readonly PresenceOutline[],
  cursors: readonly ScreenCursor[],
  viewWidth: number,
): void {
  if (outlines.length > 0) {
    const tagX = new Map<string, number>();
    for (const o of outlines) drawOutline(ctx, o, tagX);
  }
  for (const c of cursors) drawCursor(ctx, c, viewWidth);
}

/**
 * The minimap's view of others: a dot per cursor in the person's colour with a white edge (so
 * it shows on a card of a similar colour). `toMap` maps world to minimap pixels.
 */
export function drawMinimapCursors(
  ctx: CanvasRenderingContext2D,
  participants: readonly Participant[],
  toMap: (x: number, y: number) => { x: number; y: number },
): void {
  const n = Math.min(participants.length, PARTICIPANTS_DRAWN_MAX);
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = '#FFFFFF';
  for (let i = 0; i < n; i++) {
    const presence = participants[i]!.presence;
    if (!presence?.cursor) continue;
    const p = toMap(presence.cursor.x, presence.cursor.y);
    ctx.beginPath();
    ctx.arc(p.x, p.y, 3.5, 0, Math.PI * 2);
    ctx.fillStyle = presence.colour;
    ctx.fill();
    ctx.stroke();
  }
}
