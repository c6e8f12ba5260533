// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- see pdf-composer.ts
/// <reference path="./pdfkit.d.ts" />
import type PDFDocument from 'pdfkit';

export interface TableStyle {
  readonly x: number;
  readonly width: number;
  readonly fontSize: number;
  readonly regularFont: string;
  readonly boldFont: string;
  readonly padding: number;
  readonly rule: string;
  readonly headerFill: string;
  readonly text: string;
}

/**
 * A plain table: a shaded header row (repeated at the top of each new page), rows as tall as
 * their tallest cell, thin rules. Written here rather than with pdfkit's own `table()` because
 * that lays out every cell's text three times and restores fonts per cell; a 1,000-card plan has
 * thousands of cells, and this does each once to measure and once to draw.
 */
export function drawTable(
  doc: PDFDocument,
  style: TableStyle,
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  widths: readonly (number | '*')[] | undefined,
): void {
  const columns = columnWidths(style.width, headers.length, widths);
  const textWidths = columns.map((w) => Math.max(1, w - 2 * style.padding));
  const rowHeight = (cells: readonly string[], font: string) => {
    doc.font(font).fontSize(style.fontSize);
    let tallest = 0;
    cells.forEach((cell, i) => {
      if (cell !== '') tallest = Math.max(tallest, doc.heightOfString(cell, { width: textWidths[i]! }));
    });
    return Math.max(tallest, doc.heightOfString('X', { width: textWidths[0]! })) + 2 * style.padding;
  };
  const drawRow = (cells: readonly string[], font: string, height: number, fill: string | null) => {
    const top = doc.y;
    if (fill) doc.rect(style.x, top, style.width, height).fill(fill);
    doc.lineWidth(0.5).strokeColor(style.rule);
    let x = style.x;
    for (const w of columns) {
      doc.rect(x, top, w, height).stroke();
      x += w;
    }
    doc.font(font).fontSize(style.fontSize).fillColor(style.text);
    x = style.x;
    cells.forEach((cell, i) => {
      // The height cap keeps pdfkit from breaking a page inside a cell (text past it ends in an ellipsis).
      const room = Math.max(style.fontSize * 2, doc.page.maxY() - top - style.padding);
      if (cell !== '')
        doc.text(cell, x + style.padding, top + style.padding, {
          width: textWidths[i]!,
          height: room,
          ellipsis: true,
        });
      x += columns[i]!;
    });
    doc.x = style.x;
    doc.y = top + height;
  };

  const headerHeight = rowHeight(headers, style.boldFont);
  const startPageIfNeeded = (height: number, withHeader: boolean) => {
    if (doc.y + height <= doc.page.maxY()) return;
    doc.addPage();
    if (withHeader) drawRow(headers, style.boldFont, headerHeight, style.headerFill);
  };
  startPageIfNeeded(headerHeight * 2, false);
  drawRow(headers, style.boldFont, headerHeight, style.headerFill);
  for (const row of rows) {
    const height = rowHeight(row, style.regularFont);
    // A row taller than a page is drawn from the top of a fresh one and simply runs past it;
    // cell text is clipped well before that could happen (see CELL_TEXT_LIMIT).
    startPageIfNeeded(Math.min(height, doc.page.maxY() - doc.page.margins.top - headerHeight), true);
    drawRow(row, style.regularFont, height, null);
  }
  doc.font(style.regularFont);
}

function columnWidths(total: number, count: number, widths: readonly (number | '*')[] | undefined): number[] {
  const spec = widths ?? Array.from({ length: count }, () => '*' as const);
  const fixed = spec.reduce<number>((sum, w) => sum + (w === '*' ? 0 : w), 0);
  const stars = spec.filter((w) => w === '*').length;
  const share = stars > 0 ? Math.max(20, (total - fixed) / stars) : 0;
  return spec.map((w) => (w === '*' ? share : w));
}
