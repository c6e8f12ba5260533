/**
 * PNG from the board's SVG: the browser draws the SVG as an image onto a canvas at the chosen
 * scale. boardSvg already sizes the picture in output pixels, so the canvas is that size.
 */
import { ExportProblem } from '../../shared/export/export-problem';
import { pngSizeProblem } from './formats';

export async function svgToPng(svg: string, size: { width: number; height: number }): Promise<Uint8Array> {
  const problem = pngSizeProblem(size.width, size.height);
  if (problem) throw new ExportProblem(problem);
  const width = Math.max(1, Math.ceil(size.width));
  const height = Math.max(1, Math.ceil(size.height));
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image(width, height);
    image.decoding = 'async';
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    // A canvas the browser cannot allocate has no context (or draws nothing): say so, never save a blank file.
    if (!context)
      throw new ExportProblem(
        'This computer could not make a picture that big. Choose a smaller size, or SVG.',
      );
    context.drawImage(image, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob)
      throw new ExportProblem(
        'This computer could not make a picture that big. Choose a smaller size, or SVG.',
      );
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}
