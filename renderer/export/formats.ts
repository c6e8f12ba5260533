/**
 * What the export dialog can make, the file each gets, and the checks that need no DOM, so the
 * choices are unit-tested under Node (tests/unit/renderer/export). The bytes are made in run-export.ts.
 */

/** The four things File → Export offers; a picture is SVG or PNG. */
export const EXPORT_FORMATS = ['plan-pdf', 'plan-json', 'image', 'canvas'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type ImageType = 'svg' | 'png';

/** The kind of file written; the desktop's save dialog offers a filter per kind. */
export const EXPORT_FILE_KINDS = ['json', 'pdf', 'svg', 'png', 'canvas'] as const;
export type ExportFileKind = (typeof EXPORT_FILE_KINDS)[number];

/** What part of the board a picture shows (mirrors shared/export's BoardRegion). */
export type PictureRegion =
  | { readonly kind: 'board' }
  | { readonly kind: 'frame'; readonly frameId: string }
  | { readonly kind: 'selection'; readonly ids: readonly string[] };

export const PICTURE_SCALES = [1, 2, 4] as const;
export type PictureScale = (typeof PICTURE_SCALES)[number];

export interface ExportChoice {
  readonly format: ExportFormat;
  readonly imageType: ImageType;
  readonly region: PictureRegion;
  readonly scale: PictureScale;
  /** PDF: one picture page per frame after the whole board. */
  readonly framePages: boolean;
}

export const DEFAULT_CHOICE: ExportChoice = {
  format: 'plan-pdf',
  imageType: 'png',
  region: { kind: 'board' },
  scale: 2,
  framePages: false,
};

export const MIME_TYPES: Readonly<Record<ExportFileKind, string>> = {
  json: 'application/json',
  pdf: 'application/pdf',
  svg: 'image/svg+xml',
  png: 'image/png',
  // JSON Canvas has no registered type; it is JSON.
  canvas: 'application/json',
};

/** The same endings as the command line (electron/export/formats.ts), so both name files alike. */
export const EXTENSIONS: Readonly<Record<ExportFileKind, string>> = {
  json: '.plan.json',
  pdf: '.pdf',
  svg: '.svg',
  png: '.png',
  canvas: '.canvas',
};

export function fileKindOf(choice: Pick<ExportChoice, 'format' | 'imageType'>): ExportFileKind {
  switch (choice.format) {
    case 'plan-pdf':
      return 'pdf';
    case 'plan-json':
      return 'json';
    case 'canvas':
      return 'canvas';
    case 'image':
      return choice.imageType;
  }
}

/**
 * A lower-case, hyphenated name safe on every file system: no path separators, reserved
 * characters or leading dots. Letters with accents (Welsh ŵ, ŷ) are kept: file systems take them.
 */
export function slugForFileName(text: string): string {
  const slug = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug;
}

/**
 * The suggested file name: the workshop's title, then the frame's for a frame picture, e.g.
 * "fewer-evictions.pdf", "fewer-evictions-the-dream.png". An untitled workshop is "workshop".
 */
export function exportFileName(title: string, choice: ExportChoice, frameTitle?: string): string {
  const base = slugForFileName(title) || 'workshop';
  const kind = fileKindOf(choice);
  let suffix = '';
  if (choice.format === 'image' && choice.region.kind === 'frame')
    suffix = `-${slugForFileName(frameTitle ?? '') || 'frame'}`;
  if (choice.format === 'image' && choice.region.kind === 'selection') suffix = '-selection';
  return `${base}${suffix}${EXTENSIONS[kind]}`;
}

/**
 * Canvas limits: Chromium refuses canvases over 32,767 pixels a side or about 268 million pixels,
 * and a failed canvas gives an empty image rather than an error. The lower caps also keep memory
 * in reach of a workshop laptop (64 million pixels is 256 MB of RGBA). Same side cap as the CLI.
 */
export const MAX_PNG_SIDE = 16_384;
export const MAX_PNG_PIXELS = 64_000_000;

/** Null when a PNG of this size can be made; otherwise a sentence saying what to do instead. */
export function pngSizeProblem(width: number, height: number): string | null {
  const w = Math.ceil(width);
  const h = Math.ceil(height);
  if (w <= MAX_PNG_SIDE && h <= MAX_PNG_SIDE && w * h <= MAX_PNG_PIXELS) return null;
  return (
    `That picture would be ${w.toLocaleString('en-GB')} × ${h.toLocaleString('en-GB')} pixels, too big to make here. ` +
    'Choose a smaller size, export one frame or the selection, or choose SVG or the PDF, which stay sharp at any size.'
  );
}

/** The region chosen in the dialog, checked against the board as it is now (a frame may have gone). */
export function regionProblem(
  region: PictureRegion,
  has: { frame(id: string): boolean; anySelected: boolean },
): string | null {
  if (region.kind === 'frame' && !has.frame(region.frameId))
    return 'That frame is no longer on the board. Choose another.';
  if (region.kind === 'selection' && !has.anySelected)
    return 'Nothing is selected. Select cards or frames on the board first, or choose the whole board.';
  return null;
}
