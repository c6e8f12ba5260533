// Neither package ships types. A reference (not an import) pulls the declarations into every
// program that compiles this file (shared, electron, tests) without a tsconfig change in each.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./pdfkit.d.ts" />
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./svg-to-pdfkit.d.ts" />
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import type { ExportFonts } from './fonts';
import { drawTable } from './pdf-table';

/**
 * A small layout layer over pdfkit for the plan: headings that never sit alone at the bottom of
 * a page, paragraphs, bullet lists, tables with a shaded header row, full pages for vector
 * pictures, page numbers and bookmarks. pdfkit runs in Node and (through its browser build) in
 * the app's renderer; fonts arrive as bytes, so nothing here touches a file system.
 */
export const FONT = { regular: 'DejaVuSans', bold: 'DejaVuSans-Bold' } as const;

const COLOURS = {
  text: '#1B1B1B',
  muted: '#505A66',
  rule: '#C9CED6',
  header: '#E8EBF0',
  accent: '#2F45A8',
} as const;
const MARGIN = 50;
const PORTRAIT = { width: 595.28, height: 841.89 };
/** pdfkit's table clamps a row taller than a page; no card's text needs more than this in a cell. */
const CELL_TEXT_LIMIT = 2000;

export interface PdfInfo {
  readonly title: string;
  readonly subject: string;
  readonly createdAt: Date;
  readonly keywords: string;
}

export class PdfComposer {
  private readonly doc: PDFDocument;
  private readonly chunks: Uint8Array[] = [];
  private readonly done: Promise<void>;

  constructor(fonts: ExportFonts, info: PdfInfo) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
      bufferPages: true,
      // The embedded font is the default, so pdfkit never reaches for its standard fonts
      // (which its browser build does not carry) and every character is Unicode text.
      font: fonts.regular,
      lang: 'en-GB',
      displayTitle: true,
      info: {
        Title: info.title,
        Subject: info.subject,
        Keywords: info.keywords,
        Creator: 'Dreamboard',
        Producer: 'Dreamboard (pdfkit)',
        CreationDate: info.createdAt,
        ModDate: info.createdAt,
      },
    });
    this.registerFonts(fonts);
    this.doc.font(FONT.regular).fontSize(10).fillColor(COLOURS.text);
    this.done = new Promise((resolve, reject) => {
      this.doc.on('data', (chunk) => this.chunks.push(chunk));
      this.doc.on('end', () => resolve());
      this.doc.on('error', reject);
    });
  }

  /**
   * pdfkit restores a previous font (in its own tables, and in svg-to-pdfkit) by its source: for a font given
   * as bytes that means parsing the whole TTF again, unless a family name is recorded too and
   * names an already opened font (it looks fonts up by family first). So each font is opened
   * once, and registered under the name pdfkit filed it under (its PostScript name) as both
   * name and family. Without this a 1,000-card plan took 30 s instead of under 2.
   */
  private registerFonts(fonts: ExportFonts): void {
    const opened = this.doc as unknown as { _font: { name: string } };
    for (const [alias, bytes] of [
      [FONT.regular, fonts.regular],
      [FONT.bold, fonts.bold],
    ] as const) {
      this.doc.font(bytes);
      const family = opened._font.name;
      this.doc.registerFont(family, bytes, family);
      if (alias !== family) this.doc.registerFont(alias, bytes, family);
    }
  }

  get contentWidth(): number {
    return this.doc.page.width - 2 * MARGIN;
  }

  /** Room left on the page below the cursor. */
  private get spaceLeft(): number {
    return this.doc.page.maxY() - this.doc.y;
  }

  newPage(layout: 'portrait' | 'landscape' = 'portrait'): void {
    this.doc.addPage({
      size: 'A4',
      layout,
      margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    });
    this.doc.font(FONT.regular).fontSize(10).fillColor(COLOURS.text);
  }

  /** Starts a new page when less than `height` points remain, so a block is not split. */
  keepTogether(height: number): void {
    if (this.spaceLeft < height) this.newPage();
  }

  title(text: string, size = 28): void {
    this.doc
      .font(FONT.bold)
      .fontSize(size)
      .fillColor(COLOURS.text)
      .text(text, MARGIN, this.doc.y, { width: this.contentWidth });
    this.doc.moveDown(0.4);
    this.doc.font(FONT.regular).fontSize(10);
  }

  /** A section heading, bookmarked; it moves to the next page rather than end one. */
  heading(text: string, level: 1 | 2 = 1): void {
    const size = level === 1 ? 17 : 12.5;
    this.keepTogether(size * 5);
    if (level === 1) this.doc.outline.addItem(text);
    this.doc.moveDown(level === 1 ? 0.6 : 0.4);
    this.doc
      .font(FONT.bold)
      .fontSize(size)
      .fillColor(level === 1 ? COLOURS.accent : COLOURS.text);
    this.doc.text(text, MARGIN, this.doc.y, { width: this.contentWidth });
    this.doc.moveDown(0.3);
    this.doc.font(FONT.regular).fontSize(10).fillColor(COLOURS.text);
  }

  paragraph(text: string, style: { muted?: boolean; size?: number; bold?: boolean } = {}): void {
    this.doc
      .font(style.bold ? FONT.bold : FONT.regular)
      .fontSize(style.size ?? 10)
      .fillColor(style.muted ? COLOURS.muted : COLOURS.text)
      .text(text, MARGIN, this.doc.y, { width: this.contentWidth, paragraphGap: 4 });
    this.doc.font(FONT.regular).fontSize(10).fillColor(COLOURS.text);
  }

  bullets(items: readonly string[]): void {
    for (const item of items) {
      this.keepTogether(14);
      const y = this.doc.y;
      this.doc.fillColor(COLOURS.accent).text('•', MARGIN + 4, y);
      this.doc
        .fillColor(COLOURS.text)
        .text(clip(item), MARGIN + 16, y, { width: this.contentWidth - 16, paragraphGap: 3 });
    }
    this.doc.x = MARGIN;
  }

  /** A table with a shaded header row. `widths` are points or '*' (share what is left). */
  table(
    headers: readonly string[],
    rows: readonly (readonly string[])[],
    widths?: readonly (number | '*')[],
  ): void {
    if (rows.length === 0) return;
    drawTable(
      this.doc,
      {
        x: MARGIN,
        width: this.contentWidth,
        fontSize: 9,
        regularFont: FONT.regular,
        boldFont: FONT.bold,
        padding: 3.5,
        rule: COLOURS.rule,
        headerFill: COLOURS.header,
        text: COLOURS.text,
      },
      headers,
      rows.map((r) => r.map(clip)),
      widths,
    );
    this.doc.fontSize(10);
    this.doc.moveDown(0.5);
  }

  /**
   * A landscape page holding a vector picture. `render` receives the box to fill and returns the
   * SVG sized to fit it (in points), which is drawn with real text and paths, not pixels.
   */
  pictureSection(caption: string, render: (box: { width: number; height: number }) => string): void {
    this.newPage('landscape');
    this.doc.outline.addItem(caption);
    this.doc.font(FONT.bold).fontSize(13).text(caption, MARGIN, MARGIN, { width: this.contentWidth });
    this.doc.font(FONT.regular).fontSize(10);
    const top = MARGIN + 24;
    const box = { width: this.contentWidth, height: this.doc.page.height - top - MARGIN };
    SVGtoPDF(this.doc, render(box), MARGIN, top, {
      width: box.width,
      height: box.height,
      preserveAspectRatio: 'xMidYMin meet',
      assumePt: true,
      fontCallback: (_family, bold) => (bold ? FONT.bold : FONT.regular),
      // Warnings name SVG features we do not use; the board SVG is generated, not user input.
      warningCallback: () => {},
    });
    this.doc.font(FONT.regular).fontSize(10).fillColor(COLOURS.text);
  }

  /** Writes "Page n of m" on every page, then finishes the file. */
  async finish(footer: string): Promise<Uint8Array> {
    const { start, count } = this.doc.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      this.doc.switchToPage(i);
      const { page } = this.doc;
      // Writing below the bottom margin would make pdfkit start a new page; lift it while we do.
      const bottom = page.margins.bottom;
      page.margins.bottom = 0;
      this.doc
        .font(FONT.regular)
        .fontSize(8)
        .fillColor(COLOURS.muted)
        .text(`${footer} · Page ${i - start + 1} of ${count}`, MARGIN, page.height - MARGIN + 18, {
          width: page.width - 2 * MARGIN,
          align: 'center',
          lineBreak: false,
        });
      page.margins.bottom = bottom;
    }
    this.doc.end();
    await this.done;
    return concat(this.chunks);
  }
}

function clip(text: string): string {
  return text.length > CELL_TEXT_LIMIT ? `${text.slice(0, CELL_TEXT_LIMIT - 1)}…` : text;
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

export const PAGE = { portrait: PORTRAIT, margin: MARGIN } as const;
