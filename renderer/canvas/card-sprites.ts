import type { Card, CardId } from '../../shared/model';
import { drawCardDetail } from './draw-cards';
import type { PlacedCard } from './lod';

/** World units around a card kept in its sprite: the border is stroked across the edge. */
const MARGIN = 2;
/** Sprites made per frame at most; the cost of one is a few direct card draws. */
const NEW_SPRITES_PER_FRAME = 3;

interface Sprite {
  readonly card: Card;
  readonly w: number;
  readonly h: number;
  readonly editing: boolean;
  /** Device pixels per world unit the sprite was drawn at. */
  readonly scale: number;
  readonly canvas: OffscreenCanvas;
  readonly bytes: number;
}

/**
 * Detailed cards drawn once into bitmaps and then blitted. Text shaping (fillText) is the costly
 * part of a card, and a pan changes nothing about a card's pixels, so each frame of a pan costs one
 * drawImage per card. A sprite is keyed by the card record (records keep identity until they
 * change), its size, whether its text is being edited, and the device scale, and is dropped
 * least-recently-used past a memory budget.
 */
export class CardSpriteCache {
  private readonly sprites = new Map<CardId, Sprite>();
  private bytes = 0;

  constructor(private readonly budgetBytes = 48 * 1024 * 1024) {}

  get size(): number {
    return this.sprites.size;
  }

  /**
   * Draws `cards` at the context's current transform (world → device, no rotation), snapping each
   * sprite to whole device pixels so text stays sharp. At most a few sprites are made per frame, so
   * cards scrolling into view never cost a frame a burst of work; the rest are drawn directly
   * until their turn. Spare turns go to `ahead()` (asked for only when there are spare turns): cards just outside
   * the view, made before they show.
   */
  draw(
    ctx: CanvasRenderingContext2D,
    cards: readonly PlacedCard[],
    editingId: string | null,
    ahead: () => readonly PlacedCard[] = () => [],
  ): void {
    const t = ctx.getTransform();
    const scale = t.a;
    let turns = NEW_SPRITES_PER_FRAME;
    ctx.save();
    for (const { card, box } of cards) {
      const editing = card.id === editingId;
      let sprite = this.lookup(card, box.w, box.h, editing, scale);
      if (!sprite && turns > 0) {
        sprite = this.create(card, box.w, box.h, editing, scale);
        turns -= 1;
      }
      if (sprite) {
        ctx.setTransform(1, 0, 0, 1, 0, 0);
        ctx.drawImage(
          sprite.canvas,
          Math.round(t.a * (box.x - MARGIN) + t.e),
          Math.round(t.d * (box.y - MARGIN) + t.f),
        );
      } else {
        ctx.setTransform(t);
        drawCardDetail(ctx, card, box, editing);
      }
    }
    ctx.restore();
    if (turns === 0) return;
    for (const { card, box } of ahead()) {
      if (turns <= 0) break;
      const editing = card.id === editingId;
      if (this.lookup(card, box.w, box.h, editing, scale)) continue;
      this.create(card, box.w, box.h, editing, scale);
      turns -= 1;
    }
  }

  clear(): void {
    this.sprites.clear();
    this.bytes = 0;
  }

  /** The sprite for this exact card state, refreshed as most recently used; stale ones are dropped. */
  private lookup(card: Card, w: number, h: number, editing: boolean, scale: number): Sprite | null {
    const cached = this.sprites.get(card.id);
    if (!cached) return null;
    this.sprites.delete(card.id);
    if (
      cached.card === card &&
      cached.w === w &&
      cached.h === h &&
      cached.editing === editing &&
      cached.scale === scale
    ) {
      this.sprites.set(card.id, cached);
      return cached;
    }
    this.bytes -= cached.bytes;
    return null;
  }

  private create(card: Card, w: number, h: number, editing: boolean, scale: number): Sprite {
    const width = Math.max(1, Math.ceil((w + 2 * MARGIN) * scale));
    const height = Math.max(1, Math.ceil((h + 2 * MARGIN) * scale));
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d')!;
    ctx.scale(scale, scale);
    ctx.translate(MARGIN, MARGIN);
    drawCardDetail(ctx, card, { x: 0, y: 0, w, h }, editing);
    const sprite = { card, w, h, editing, scale, canvas, bytes: width * height * 4 };
    this.sprites.set(card.id, sprite);
    this.bytes += sprite.bytes;
    // Least recently used first: Map iteration follows insertion, and lookups re-insert.
    for (const [id, old] of this.sprites) {
      if (this.bytes <= this.budgetBytes || old === sprite) break;
      this.sprites.delete(id);
      this.bytes -= old.bytes;
    }
    return sprite;
  }
}
