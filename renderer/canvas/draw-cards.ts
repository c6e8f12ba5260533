import { CARD_KIND_INFO, CARD_KINDS, type Card, type CardKind } from '../../shared/model';
import type { Box } from '../editor/geometry';
import { cardMarker } from './card-marker';
import type { CardSpriteCache } from './card-sprites';
import type { DetailLevel, PlacedCard } from './lod';
import { fitLine, wrapText, type WrappedText } from './text-layout';
import { CARD_STYLE as S } from './theme';

/**
 * Card visuals. One function per level of detail; a new card visual (say, a vote count badge)
 * goes into drawCardDetail. Drawing uses the raw 2D context inside a Konva scene function, so a
 * card costs a handful of canvas calls and no Konva node of its own.
 */

/** Cards are drawn onto the board's context or into a sprite's offscreen canvas. */
export type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

const iconPaths = new Map<CardKind, Path2D>();
function iconPath(kind: CardKind): Path2D {
  let p = iconPaths.get(kind);
  if (!p) iconPaths.set(kind, (p = new Path2D(CARD_KIND_INFO[kind].icon)));
  return p;
}

interface CardLayout {
  readonly w: number;
  readonly h: number;
  readonly label: string;
  readonly body: WrappedText;
  readonly marker: string | null;
}

/** Text layout per card record and size: records keep identity until they change, so this is a cache. */
const layouts = new WeakMap<Card, CardLayout>();

function layoutOf(ctx: Context2D, card: Card, box: Box): CardLayout {
  const cached = layouts.get(card);
  if (cached && cached.w === box.w && cached.h === box.h) return cached;
  const inner = box.w - 2 * S.padding;
  const measure = (s: string) => ctx.measureText(s).width;
  const markerText = cardMarker(card);
  ctx.font = S.labelFont;
  const label = fitLine(CARD_KIND_INFO[card.kind].label, inner - S.iconSize - 6, measure);
  ctx.font = S.markerFont;
  const marker = markerText ? fitLine(markerText, inner - 12, measure) : null;
  ctx.font = S.bodyFont;
  const bodyBottom = box.h - S.padding - (marker ? S.markerHeight + 4 : 0);
  const maxLines = Math.max(0, Math.floor((bodyBottom - S.bodyTop) / S.bodyLineHeight));
  const body = wrapText(card.text, inner, maxLines, measure);
  const layout = { w: box.w, h: box.h, label, body, marker };
  layouts.set(card, layout);
  return layout;
}

function roundRectPath(ctx: Context2D, b: Box, r: number): void {
  ctx.beginPath();
  ctx.roundRect(b.x, b.y, b.w, b.h, Math.min(r, b.w / 2, b.h / 2));
}

/** A card at full detail: fill, accent border, icon, kind name, wrapped text, marker. */
export function drawCardDetail(ctx: Context2D, card: Card, box: Box, isEditing: boolean): void {
  const info = CARD_KIND_INFO[card.kind];
  const layout = layoutOf(ctx, card, box);
  roundRectPath(ctx, box, S.radius);
  ctx.fillStyle = info.fill;
  ctx.fill();
  ctx.lineWidth = S.borderWidth;
  ctx.strokeStyle = info.accent;
  ctx.stroke();

  ctx.save();
  ctx.translate(box.x + S.padding, box.y + (S.headerHeight - S.iconSize) / 2 + 2);
  ctx.scale(S.iconSize / 24, S.iconSize / 24);
  ctx.fillStyle = info.accent;
  ctx.fill(iconPath(card.kind));
  ctx.restore();

  ctx.textBaseline = 'middle';
  ctx.fillStyle = S.text;
  ctx.font = S.labelFont;
  ctx.fillText(layout.label, box.x + S.padding + S.iconSize + 6, box.y + S.headerHeight / 2 + 2);

  if (!isEditing) {
    ctx.textBaseline = 'top';
    if (layout.body.lines.length > 0) {
      ctx.font = S.bodyFont;
      const top = box.y + S.bodyTop + (S.bodyLineHeight - S.bodyFontSize) / 2;
      layout.body.lines.forEach((line, i) =>
        ctx.fillText(line, box.x + S.padding, top + i * S.bodyLineHeight),
      );
    } else if (card.text.length === 0 && box.h >= S.bodyTop + S.bodyLineHeight) {
      ctx.font = S.placeholderFont;
      ctx.fillStyle = S.placeholder;
      ctx.fillText('Double-click to write', box.x + S.padding, box.y + S.bodyTop + 2);
    }
  }

  if (layout.marker) {
    ctx.font = S.markerFont;
    const w = ctx.measureText(layout.marker).width + 12;
    const pill = {
      x: box.x + S.padding,
      y: box.y + box.h - S.padding - S.markerHeight,
      w,
      h: S.markerHeight,
    };
    roundRectPath(ctx, pill, S.markerHeight / 2);
    ctx.fillStyle = '#FFFFFF';
    ctx.fill();
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = info.accent;
    ctx.stroke();
    ctx.fillStyle = S.text;
    ctx.textBaseline = 'middle';
    ctx.fillText(layout.marker, pill.x + 6, pill.y + pill.h / 2 + 1);
  }
}

/**
 * Cards as rectangles batched by kind: one fill (and at the simple level one stroke) per kind
 * instead of per card. Overlaps between kinds may draw out of z order; at these sizes nobody can
 * tell, and it is what keeps 10k cards within a frame budget.
 */
export function drawCardsBatched(
  ctx: CanvasRenderingContext2D,
  cards: readonly PlacedCard[],
  zoom: number,
  withBorder: boolean,
): void {
  const byKind = new Map<CardKind, Box[]>();
  for (const { card, box } of cards) {
    let list = byKind.get(card.kind);
    if (!list) byKind.set(card.kind, (list = []));
    list.push(box);
  }
  for (const kind of CARD_KINDS) {
    const boxes = byKind.get(kind);
    if (!boxes) continue;
    const info = CARD_KIND_INFO[kind];
    ctx.beginPath();
    for (const b of boxes) ctx.rect(b.x, b.y, b.w, b.h);
    ctx.fillStyle = withBorder ? info.fill : info.accent;
    ctx.fill();
    if (withBorder) {
      ctx.lineWidth = 1.5 / zoom;
      ctx.strokeStyle = info.accent;
      ctx.stroke();
    }
  }
}

export function drawCards(
  ctx: CanvasRenderingContext2D,
  cards: readonly PlacedCard[],
  zoom: number,
  level: DetailLevel,
  editingId: string | null,
  sprites: CardSpriteCache | null = null,
  ahead: () => readonly PlacedCard[] = () => [],
): void {
  if (level === 'detail') {
    if (sprites) sprites.draw(ctx, cards, editingId, ahead);
    else for (const { card, box } of cards) drawCardDetail(ctx, card, box, card.id === editingId);
  } else {
    // Far out, the accent colour reads better than the pale fill on a pale canvas.
    drawCardsBatched(ctx, cards, zoom, level === 'simple');
  }
}
