import {
  CARD_KIND_INFO,
  CONNECTOR_DASH,
  CONNECTOR_LABELS,
  type Card,
  type Connector,
  type Frame,
} from '../model';
import { exportableText } from '../plan/consent';
import { regionContent, type BoardRegion, type BoardSource } from './board-region';
import { measureText, wrapText } from './text-layout';
import { escapeXml, num } from './xml';

/**
 * A vector picture of the board (or a frame, or a selection) as an SVG document. The same SVG
 * is the SVG image export, the source of the PNG export and the canvas pages of the PDF, so a
 * card looks the same everywhere: kind colour, icon and kind name (meaning never rests on
 * colour alone), its text wrapped to fit, connectors with an arrowhead and the dash of their
 * kind. Text stays text, so the picture is searchable and crisp at any zoom.
 */
export interface BoardSvgOptions {
  readonly region?: BoardRegion;
  /** Output pixels per world unit (1 = the board at 100% zoom). */
  readonly scale?: number;
  /** World units of empty space around the content. */
  readonly padding?: number;
  /** Page colour behind the board; null for transparent. */
  readonly background?: string | null;
  /** Font family the text asks for; the PDF and PNG exports supply DejaVu Sans under this name. */
  readonly fontFamily?: string;
  /** Show withheld words (voices without consent). Only for the facilitator's own screen: exports keep the default. */
  readonly showWithheldWords?: boolean;
  /** Accessible name of the picture. */
  readonly title?: string;
}

export interface BoardSvg {
  readonly svg: string;
  /** Size of the picture in output pixels. */
  readonly width: number;
  readonly height: number;
  /** World-space box the picture shows (content plus padding). */
  readonly viewBox: { x: number; y: number; w: number; h: number };
  /** Number of cards drawn: zero means an empty region. */
  readonly cardCount: number;
}

export const EXPORT_FONT_FAMILY = 'DejaVu Sans';

const FRAME_STYLE = {
  fill: '#F4F5F7',
  stroke: '#9AA3AE',
  title: '#1F2933',
  radius: 12,
  titleSize: 20,
} as const;
const CARD_STYLE = {
  radius: 8,
  pad: 10,
  icon: 18,
  kindSize: 12,
  textSize: 15,
  lineHeight: 19,
  headerHeight: 36,
  text: '#1B1B1B',
} as const;
const LINK_STYLE = {
  stroke: '#3D4652',
  width: 2,
  arrow: 12,
  labelSize: 12,
  labelFill: '#FFFFFF',
  labelText: '#1F2933',
} as const;

export function boardSvg(snapshot: BoardSource, options: BoardSvgOptions = {}): BoardSvg {
  const content = regionContent(snapshot, options.region ?? { kind: 'board' });
  const padding = options.padding ?? 40;
  const scale = options.scale ?? 1;
  const box = content.bounds ?? { x: 0, y: 0, w: 400, h: 300 };
  const viewBox = { x: box.x - padding, y: box.y - padding, w: box.w + 2 * padding, h: box.h + 2 * padding };
  const width = Math.max(1, Math.ceil(viewBox.w * scale));
  const height = Math.max(1, Math.ceil(viewBox.h * scale));
  const cardsById = new Map(content.cards.map((c) => [c.id as string, c]));
  const text = (card: Card) => (options.showWithheldWords ? card.text : exportableText(card));

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
      `viewBox="${num(viewBox.x)} ${num(viewBox.y)} ${num(viewBox.w)} ${num(viewBox.h)}" ` +
      `font-family="${escapeXml(options.fontFamily ?? EXPORT_FONT_FAMILY)}" role="img">`,
    `<title>${escapeXml(options.title ?? 'Dreamboard workshop board')}</title>`,
  ];
  const background = options.background === undefined ? '#FFFFFF' : options.background;
  if (background !== null)
    parts.push(
      `<rect x="${num(viewBox.x)}" y="${num(viewBox.y)}" width="${num(viewBox.w)}" height="${num(viewBox.h)}" fill="${escapeXml(background)}"/>`,
    );
  for (const frame of content.frames) parts.push(frameSvg(frame));
  const labels: string[] = [];
  for (const connector of content.connectors) {
    const from = cardsById.get(connector.from);
    const to = cardsById.get(connector.to);
    if (!from || !to) continue;
    const drawn = connectorSvg(connector, from, to);
    parts.push(drawn.line);
    labels.push(drawn.label);
  }
  for (const card of content.cards) parts.push(cardSvg(card, text(card)));
  // Labels go over the cards: between close cards the words would otherwise be hidden.
  parts.push(...labels);
  parts.push('</svg>');
  return { svg: parts.join('\n'), width, height, viewBox, cardCount: content.cards.length };
}

function frameSvg(frame: Frame): string {
  const titleLines = wrapText(frame.title, FRAME_STYLE.titleSize, frame.w - 32, 1, true);
  return (
    `<g><rect x="${num(frame.x)}" y="${num(frame.y)}" width="${num(frame.w)}" height="${num(frame.h)}" ` +
    `rx="${FRAME_STYLE.radius}" fill="${FRAME_STYLE.fill}" stroke="${FRAME_STYLE.stroke}" stroke-width="2"/>` +
    (titleLines[0]
      ? `<text x="${num(frame.x + 16)}" y="${num(frame.y + 32)}" font-size="${FRAME_STYLE.titleSize}" font-weight="bold" ` +
        `fill="${FRAME_STYLE.title}">${escapeXml(titleLines[0])}</text>`
      : '') +
    '</g>'
  );
}

function cardSvg(card: Card, text: string): string {
  const info = CARD_KIND_INFO[card.kind];
  const { pad, icon, lineHeight, textSize, headerHeight } = CARD_STYLE;
  const iconScale = icon / 24;
  const header =
    `<path d="${info.icon}" transform="translate(${num(card.x + pad)} ${num(card.y + pad)}) scale(${num(iconScale)})" fill="${info.accent}"/>` +
    `<text x="${num(card.x + pad + icon + 6)}" y="${num(card.y + pad + 14)}" font-size="${CARD_STYLE.kindSize}" ` +
    `font-weight="bold" fill="${info.accent}">${escapeXml(wrapText(info.label, CARD_STYLE.kindSize, card.w - 2 * pad - icon - 6, 1, true)[0] ?? '')}</text>`;
  const maxLines = Math.max(
    0,
    Math.floor((card.h - headerHeight - pad + (lineHeight - textSize)) / lineHeight),
  );
  const lines = wrapText(text, textSize, card.w - 2 * pad, maxLines);
  const body = lines
    .map(
      (line, i) =>
        `<text x="${num(card.x + pad)}" y="${num(card.y + headerHeight + textSize + i * lineHeight)}" ` +
        `font-size="${textSize}" fill="${CARD_STYLE.text}">${escapeXml(line)}</text>`,
    )
    .join('');
  return (
    `<g><rect x="${num(card.x)}" y="${num(card.y)}" width="${num(card.w)}" height="${num(card.h)}" rx="${CARD_STYLE.radius}" ` +
    `fill="${info.fill}" stroke="${info.accent}" stroke-width="2"/>${header}${body}</g>`
  );
}

interface Point {
  readonly x: number;
  readonly y: number;
}

/** Where the ray from a card's centre towards `toward` leaves the card's rectangle. */
function exitPoint(card: Card, toward: Point): Point {
  const cx = card.x + card.w / 2;
  const cy = card.y + card.h / 2;
  const dx = toward.x - cx;
  const dy = toward.y - cy;
  if (dx === 0 && dy === 0) return { x: cx, y: cy };
  const t = Math.min(
    dx === 0 ? Infinity : card.w / 2 / Math.abs(dx),
    dy === 0 ? Infinity : card.h / 2 / Math.abs(dy),
  );
  return { x: cx + dx * t, y: cy + dy * t };
}

function connectorSvg(connector: Connector, from: Card, to: Card): { line: string; label: string } {
  const fromCentre = { x: from.x + from.w / 2, y: from.y + from.h / 2 };
  const toCentre = { x: to.x + to.w / 2, y: to.y + to.h / 2 };
  const start = exitPoint(from, toCentre);
  const end = exitPoint(to, fromCentre);
  const length = Math.hypot(end.x - start.x, end.y - start.y);
  // Overlapping cards leave no room for a line; nothing honest can be drawn.
  if (length < 1) return { line: '', label: '' };
  const ux = (end.x - start.x) / length;
  const uy = (end.y - start.y) / length;
  const a = LINK_STYLE.arrow;
  const shaftEnd = { x: end.x - ux * a * 0.8, y: end.y - uy * a * 0.8 };
  const left = { x: end.x - ux * a - uy * a * 0.45, y: end.y - uy * a + ux * a * 0.45 };
  const right = { x: end.x - ux * a + uy * a * 0.45, y: end.y - uy * a - ux * a * 0.45 };
  const dash = CONNECTOR_DASH[connector.kind];
  const dashAttr = dash.length > 0 ? ` stroke-dasharray="${dash.join(' ')}"` : '';
  const words = connector.label.trim() !== '' ? connector.label.trim() : CONNECTOR_LABELS[connector.kind];
  const mid = { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 };
  const labelWidth = Math.min(measureText(words, LINK_STYLE.labelSize), 240);
  // Between close cards the words would cover the cards' own text; the dash still tells the kind.
  const label = length >= labelWidth + 24 ? (wrapText(words, LINK_STYLE.labelSize, 240, 1)[0] ?? '') : '';
  return {
    line:
      `<g><line x1="${num(start.x)}" y1="${num(start.y)}" x2="${num(shaftEnd.x)}" y2="${num(shaftEnd.y)}" ` +
      `stroke="${LINK_STYLE.stroke}" stroke-width="${LINK_STYLE.width}"${dashAttr}/>` +
      `<path d="M${num(end.x)} ${num(end.y)}L${num(left.x)} ${num(left.y)}L${num(right.x)} ${num(right.y)}Z" fill="${LINK_STYLE.stroke}"/></g>`,
    label:
      label === ''
        ? ''
        : `<g><rect x="${num(mid.x - labelWidth / 2 - 4)}" y="${num(mid.y - 10)}" width="${num(labelWidth + 8)}" height="18" rx="4" ` +
          `fill="${LINK_STYLE.labelFill}" fill-opacity="0.9"/>` +
          `<text x="${num(mid.x - labelWidth / 2)}" y="${num(mid.y + 4)}" font-size="${LINK_STYLE.labelSize}" ` +
          `fill="${LINK_STYLE.labelText}">${escapeXml(label)}</text></g>`,
  };
}
