import Konva from 'konva';
import type { DocSnapshot } from '../../shared/doc';
import { cardsInZOrder, framesInZOrder } from '../../shared/doc';
import { CARD_KIND_INFO, type Card, type CardKind } from '../../shared/model';
import type { Camera } from '../editor/camera';
import { visibleWorld } from '../editor/camera';
import { boxCenter, boxesIntersect, edgePoint, expandBox } from '../editor/geometry';

/**
 * The second, stronger baseline: plain Konva with one custom shape per layer drawing straight onto
 * the 2D context (the fastest way Konva offers to draw thousands of items), culled by a linear
 * scan, with word wrapping cached per card. No React, no Yjs, no app state. The benchmark reports
 * the app against whichever baseline is faster, so a slow baseline never flatters the app.
 */
export class DirectKonvaScene {
  readonly stage: Konva.Stage;
  private camera: Camera = { x: 0, y: 0, zoom: 1 };
  private readonly wraps = new Map<Card, string[]>();
  private readonly icons = new Map<CardKind, Path2D>();

  constructor(container: HTMLDivElement, snapshot: DocSnapshot, width: number, height: number) {
    this.stage = new Konva.Stage({ container, width, height, listening: false });
    const layer = new Konva.Layer({ listening: false });
    const cards = cardsInZOrder(snapshot);
    const frames = framesInZOrder(snapshot);
    const links = [...snapshot.connectors.values()].flatMap((c) => {
      const a = snapshot.cards.get(c.from);
      const b = snapshot.cards.get(c.to);
      return a && b ? [{ a, b }] : [];
    });
    const shape = new Konva.Shape({
      listening: false,
      perfectDrawEnabled: false,
      sceneFunc: (konvaCtx) => {
        const ctx = konvaCtx._context;
        const view = expandBox(visibleWorld(this.camera, { w: width, h: height }), 24 / this.camera.zoom);
        const detailed = this.camera.zoom >= 0.4;
        for (const f of frames) {
          if (!boxesIntersect(f, view)) continue;
          ctx.fillStyle = '#F4F6F8';
          ctx.strokeStyle = '#8A94A0';
          ctx.lineWidth = 2;
          ctx.beginPath();
          ctx.roundRect(f.x, f.y, f.w, f.h, 8);
          ctx.fill();
          ctx.stroke();
          ctx.fillStyle = '#1F2933';
          ctx.font = `bold ${Math.max(24, 14 / this.camera.zoom)}px sans-serif`;
          ctx.textBaseline = 'top';
          ctx.fillText(f.title, f.x + 16, f.y + 12);
        }
        ctx.strokeStyle = '#3E4C59';
        ctx.lineWidth = 2;
        ctx.beginPath();
        for (const { a, b } of links) {
          if (!boxesIntersect(a, view) && !boxesIntersect(b, view)) continue;
          const p = edgePoint(a, boxCenter(b));
          const q = edgePoint(b, boxCenter(a));
          ctx.moveTo(p.x, p.y);
          ctx.lineTo(q.x, q.y);
        }
        ctx.stroke();
        const visible = cards.filter((c) => boxesIntersect(c, view));
        if (!detailed) {
          for (const c of visible) {
            ctx.fillStyle = CARD_KIND_INFO[c.kind].fill;
            ctx.fillRect(c.x, c.y, c.w, c.h);
          }
          return;
        }
        for (const c of visible) this.drawCard(ctx, c);
      },
    });
    layer.add(shape);
    this.stage.add(layer);
  }

  private drawCard(ctx: CanvasRenderingContext2D, c: Card): void {
    const info = CARD_KIND_INFO[c.kind];
    ctx.beginPath();
    ctx.roundRect(c.x, c.y, c.w, c.h, 6);
    ctx.fillStyle = info.fill;
    ctx.fill();
    ctx.strokeStyle = info.accent;
    ctx.lineWidth = 2;
    ctx.stroke();
    let icon = this.icons.get(c.kind);
    if (!icon) this.icons.set(c.kind, (icon = new Path2D(info.icon)));
    ctx.save();
    ctx.translate(c.x + 10, c.y + 8);
    ctx.scale(0.75, 0.75);
    ctx.fillStyle = info.accent;
    ctx.fill(icon);
    ctx.restore();
    ctx.textBaseline = 'top';
    ctx.fillStyle = '#1F2933';
    ctx.font = 'bold 13px sans-serif';
    ctx.fillText(info.label, c.x + 32, c.y + 10);
    ctx.font = '15px sans-serif';
    let lines = this.wraps.get(c);
    if (!lines) this.wraps.set(c, (lines = this.wrap(ctx, c.text, c.w - 20, 4)));
    lines.forEach((line, i) => ctx.fillText(line, c.x + 10, c.y + 36 + i * 20));
  }

  private wrap(ctx: CanvasRenderingContext2D, text: string, width: number, maxLines: number): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(/\s+/)) {
      const next = line ? `${line} ${word}` : word;
      if (ctx.measureText(next).width <= width) line = next;
      else {
        lines.push(line);
        line = word;
        if (lines.length === maxLines) return lines;
      }
    }
    if (line) lines.push(line);
    return lines.slice(0, maxLines);
  }

  render(camera: Camera): void {
    this.camera = camera;
    this.stage.position({ x: camera.x, y: camera.y });
    this.stage.scale({ x: camera.zoom, y: camera.zoom });
    this.stage.draw();
  }

  destroy(): void {
    this.stage.destroy();
  }
}
