/**
 * The part of pdfkit (0.20) the PDF export uses. Declared here rather than taken from
 * @types/pdfkit, which pulls Node's types into shared/ and would hide real purity mistakes.
 */
declare module 'pdfkit' {
  interface TextOptions {
    width?: number;
    height?: number;
    align?: 'left' | 'center' | 'right' | 'justify';
    lineGap?: number;
    paragraphGap?: number;
    continued?: boolean;
    lineBreak?: boolean;
    ellipsis?: boolean | string;
    characterSpacing?: number;
  }

  interface PageMargins {
    top: number;
    bottom: number;
    left: number;
    right: number;
  }

  interface DocumentOptions {
    size?: string | [number, number];
    layout?: 'portrait' | 'landscape';
    margins?: PageMargins;
    bufferPages?: boolean;
    autoFirstPage?: boolean;
    compress?: boolean;
    font?: string | Uint8Array;
    lang?: string;
    displayTitle?: boolean;
    pdfVersion?: '1.3' | '1.4' | '1.5' | '1.6' | '1.7' | '1.7ext3';
    info?: {
      Title?: string;
      Author?: string;
      Subject?: string;
      Keywords?: string;
      Creator?: string;
      Producer?: string;
      CreationDate?: Date;
      ModDate?: Date;
    };
  }

  interface Page {
    width: number;
    height: number;
    margins: PageMargins;
    maxY(): number;
  }

  class PDFDocument {
    constructor(options?: DocumentOptions);
    page: Page;
    x: number;
    y: number;
    on(event: 'data', listener: (chunk: Uint8Array) => void): this;
    on(event: 'end', listener: () => void): this;
    on(event: 'error', listener: (error: unknown) => void): this;
    registerFont(name: string, src: Uint8Array, family?: string): this;
    font(name: string | Uint8Array, family?: string): this;
    fontSize(size: number): this;
    fillColor(color: string, opacity?: number): this;
    strokeColor(color: string): this;
    lineWidth(width: number): this;
    text(text: string, options?: TextOptions): this;
    text(text: string, x: number, y: number, options?: TextOptions): this;
    heightOfString(text: string, options?: TextOptions): number;
    widthOfString(text: string, options?: TextOptions): number;
    moveDown(lines?: number): this;
    addPage(options?: {
      size?: string | [number, number];
      layout?: 'portrait' | 'landscape';
      margins?: PageMargins;
    }): this;
    switchToPage(index: number): this;
    bufferedPageRange(): { start: number; count: number };
    rect(x: number, y: number, w: number, h: number): this;
    roundedRect(x: number, y: number, w: number, h: number, r: number): this;
    moveTo(x: number, y: number): this;
    lineTo(x: number, y: number): this;
    fill(color?: string): this;
    stroke(color?: string): this;
    save(): this;
    restore(): this;
    outline: { addItem(title: string): unknown };
    end(): void;
  }

  export default PDFDocument;
}
