import Konva from 'konva';
import type { DocSnapshot } from '../../shared/doc';
import { cardsInZOrder, framesInZOrder } from '../../shared/doc';
import { CARD_KIND_INFO, CONNECTOR_DASH, type Card } from '../../shared/model';
import type { Camera } from '../editor/camera';
import { visibleWorld } from '../editor/camera';
import { boxCenter, boxesIntersect, edgePoint, expandBox } from '../editor/geometry';

/**
 * The benchmark baseline: the same scene drawn with plain Konva, tuned as a careful Konva
 * developer would (nodes built once, listening off, perfect draw off, culling by visibility, a
 * batched level-of-detail shape when zoomed out) and with no React and no Yjs. The app is
 * measured against this in the same run.
 */
export class PlainKonvaScene {
  readonly stage: Konva.Stage;
  private readonly cardNodes: { card: Card; node: Konva.Group }[] = [];
  private readonly arrows: { node: Konva.Arrow; box: { x: number; y: number; w: number; h: number } }[] = [];
  private readonly lod: Konva.Shape;
  private readonly detailLayer = new Konva.Layer({ listening: false });
  private readonly frameLayer = new Konva.Layer({ listening: false });
  private readonly lodLayer = new Konva.Layer({ listening: false });

  constructor(container: HTMLDivElement, snapshot: DocSnapshot, width: number, height: number) {
    this.stage = new Konva.Stage({ container, width, height, listening: false });
    for (const f of framesInZOrder(snapshot)) {
      const g = new Konva.Group({ x: f.x, y: f.y, listening: false });
      g.add(
        new Konva.Rect({
          width: f.w,
          height: f.h,
          fill: '#F4F6F8',
          stroke: '#8A94A0',
          strokeWidth: 2,
          cornerRadius: 8,
          perfectDrawEnabled: false,
        }),
      );
      g.add(
        new Konva.Text({
          x: 16,
          y: 12,
          text: f.title,
          fontSize: 24,
          fontStyle: 'bold',
          fill: '#1F2933',
          perfectDrawEnabled: false,
        }),
      );
      this.frameLayer.add(g);
    }
    const cards = cardsInZOrder(snapshot);
    for (const c of cards) {
      const info = CARD_KIND_INFO[c.kind];
      const g = new Konva.Group({ x: c.x, y: c.y, listening: false, visible: false });
      g.add(
        new Konva.Rect({
          width: c.w,
          height: c.h,
          fill: info.fill,
          stroke: info.accent,
          strokeWidth: 2,
          cornerRadius: 6,
          perfectDrawEnabled: false,
          shadowForStrokeEnabled: false,
        }),
      );
      g.add(
        new Konva.Path({
          x: 10,
          y: 8,
          data: info.icon,
          fill: info.accent,
          scaleX: 0.75,
          scaleY: 0.75,
          perfectDrawEnabled: false,
        }),
      );
      g.add(
        new Konva.Text({
          x: 32,
          y: 10,
          text: info.label,
          fontSize: 13,
          fontStyle: 'bold',
          fill: info.accent,
          perfectDrawEnabled: false,
        }),
      );
      g.add(
        new Konva.Text({
          x: 10,
          y: 34,
          width: c.w - 20,
          height: c.h - 42,
          text: c.text,
          fontSize: 15,
          fill: '#1F2933',
          wrap: 'word',
          ellipsis: true,
          perfectDrawEnabled: false,
        }),
      );
      this.detailLayer.add(g);
      this.cardNodes.push({ card: c, node: g });
    }
    for (const conn of snapshot.connectors.values()) {
      const a = snapshot.cards.get(conn.from);
      const b = snapshot.cards.get(conn.to);
      if (!a || !b) continue;
      const p = edgePoint(a, boxCenter(b));
      const q = edgePoint(b, boxCenter(a));
      const node = new Konva.Arrow({
        points: [p.x, p.y, q.x, q.y],
        stroke: '#3E4C59',
        fill: '#3E4C59',
        strokeWidth: 2,
        dash: [...CONNECTOR_DASH[conn.kind]],
        pointerLength: 10,
        pointerWidth: 10,
        listening: false,
        perfectDrawEnabled: false,
        visible: false,
      });
      this.detailLayer.add(node);
      const minX = Math.min(p.x, q.x);
      const minY = Math.min(p.y, q.y);
      this.arrows.push({ node, box: { x: minX, y: minY, w: Math.abs(p.x - q.x), h: Math.abs(p.y - q.y) } });
    }
    this.lod = new Konva.Shape({
      listening: false,
      perfectDrawEnabled: false,
      sceneFunc: (ctx) => {
        const byFill = new Map<string, Card[]>();
        for (const { card } of this.cardNodes) {
          const fill = CARD_KIND_INFO[card.kind].fill;
          let list = byFill.get(fill);
          if (!list) byFill.set(fill, (list = []));
          list.push(card);
        }
        for (const [fill, list] of byFill) {
          ctx.beginPath();
          for (const c of list) ctx.rect(c.x, c.y, c.w, c.h);
          ctx.fillStyle = fill;
          ctx.fill();
        }
      },
    });
    this.lodLayer.add(this.lod);
    this.stage.add(this.frameLayer, this.detailLayer, this.lodLayer);
  }

  /** Moves the view and redraws synchronously, culling what is off screen. */
  render(camera: Camera): void {
    this.stage.position({ x: camera.x, y: camera.y });
    this.stage.scale({ x: camera.zoom, y: camera.zoom });
    const detailed = camera.zoom >= 0.4;
    this.detailLayer.visible(detailed);
    this.lodLayer.visible(!detailed);
    if (detailed) {
      const view = expandBox(visibleWorld(camera, { w: this.stage.width(), h: this.stage.height() }), 50);
      for (const { card, node } of this.cardNodes) {
        const show = boxesIntersect(card, view);
        if (node.visible() !== show) node.visible(show);
      }
      for (const { node, box } of this.arrows) {
        const show = boxesIntersect(box, view);
        if (node.visible() !== show) node.visible(show);
      }
    }
    this.stage.draw();
  }

  destroy(): void {
    this.stage.destroy();
  }
}
