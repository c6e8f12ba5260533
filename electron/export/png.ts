import type * as Resvg from '@resvg/resvg-js';
import { EXPORT_FONT_FAMILY } from '../../shared/export/svg';
import { fontFiles } from './fonts';
import { nodeRequire } from './node-require';

/** resvg refuses larger canvases; far beyond any screen, and a PNG that size is hundreds of MB. */
export const MAX_PNG_SIDE = 16_384;

export class PngTooLargeError extends Error {
  constructor(width: number, height: number) {
    super(
      `The picture would be ${width} × ${height} pixels, more than the ${MAX_PNG_SIDE}-pixel limit. ` +
        'Choose a smaller --scale, export one --frame, or export SVG or PDF instead.',
    );
    this.name = 'PngTooLargeError';
  }
}

/**
 * Rasterises a board SVG (shared/export/svg.ts) to PNG in Node, for the command line; the app
 * rasterises in the renderer instead. Fonts come only from resources/fonts, never the system,
 * so the same file gives the same pixels on every machine. resvg is a native module, so it is
 * required at run time from node_modules rather than bundled.
 */
export function svgToPng(svg: string, size: { width: number; height: number }): Uint8Array {
  if (size.width > MAX_PNG_SIDE || size.height > MAX_PNG_SIDE)
    throw new PngTooLargeError(size.width, size.height);
  const resvg = nodeRequire('@resvg/resvg-js') as typeof Resvg;
  const options: Resvg.ResvgRenderOptions = {
    fitTo: { mode: 'original' },
    font: { fontFiles: fontFiles(), loadSystemFonts: false, defaultFontFamily: EXPORT_FONT_FAMILY },
  };
  return new Uint8Array(new resvg.Resvg(svg, options).render().asPng());
}
