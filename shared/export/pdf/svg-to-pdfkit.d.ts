/** svg-to-pdfkit ships no types; this is the call the PDF export makes. */
declare module 'svg-to-pdfkit' {
  import type PDFDocument from 'pdfkit';

  interface SvgToPdfOptions {
    width?: number;
    height?: number;
    preserveAspectRatio?: string;
    /** Treat SVG user units as points (otherwise 1px = 0.75pt). */
    assumePt?: boolean;
    /** Which registered font to use for a font-family / weight / style. */
    fontCallback?: (
      family: string,
      bold: boolean,
      italic: boolean,
      fontOptions: { fauxBold?: boolean; fauxItalic?: boolean },
    ) => string;
    warningCallback?: (message: string) => void;
    precision?: number;
  }

  export default function SVGtoPDF(
    doc: PDFDocument,
    svg: string,
    x: number,
    y: number,
    options?: SvgToPdfOptions,
  ): void;
}
