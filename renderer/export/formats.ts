/**
 * What the export dialog offers, the file each choice gets, and the checks that need no DOM, so the
 * choices are unit-tested under Node (tests/unit/renderer/export). The formats themselves are
 * declared in shared/export/formats.ts; the bytes are made in run-export.ts.
 */
import {
  EXPORT_FORMATS,
  EXPORT_GROUPS,
  exportFormat,
  type ExportFormatId,
  type ExportFormatSpec,
  type ExportGroup,
} from '../../shared/export/formats';

/** What part of the board a picture shows (mirrors shared/export's BoardRegion). */
export type PictureRegion =
  | { readonly kind: 'board' }
  | { readonly kind: 'frame'; readonly frameId: string }
  | { readonly kind: 'selection'; readonly ids: readonly string[] };

export const PICTURE_SCALES = [1, 2, 4] as const;
export type PictureScale = (typeof PICTURE_SCALES)[number];

export interface ExportChoice {
  readonly format: ExportFormatId;
  readonly region: PictureRegion;
  readonly scale: PictureScale;
  /** PDF: one picture page per frame after the whole board. */
  readonly framePages: boolean;
}

export const DEFAULT_CHOICE: ExportChoice = {
  format: 'pdf',
  region: { kind: 'board' },
  scale: 2,
  framePages: false,
};

/** One option of the dialog's "What to export": a format, or a group with its formats inside. */
export interface DialogOption {
  /** The format's id, or the group's name. */
  readonly value: string;
  readonly label: string;
  readonly hint: string;
  /** The formats this option makes; a group's first is chosen when the option is. */
  readonly formats: readonly ExportFormatSpec[];
}

/** The dialog's options, in the order of the format table, each group once where its first format is. */
export function dialogOptions(formats: readonly ExportFormatSpec[] = EXPORT_FORMATS): DialogOption[] {
  const options: DialogOption[] = [];
  const groups = new Set<ExportGroup>();
  for (const format of formats) {
    if ('group' in format.offer) {
      const group = format.offer.group;
      if (groups.has(group)) continue;
      groups.add(group);
      options.push({
        value: group,
        ...EXPORT_GROUPS[group],
        formats: formats.filter((f) => 'group' in f.offer && f.offer.group === group),
      });
    } else options.push({ value: format.id, ...format.offer, formats: [format] });
  }
  return options;
}

/** The option a format is chosen under. */
export function optionOf(
  format: ExportFormatId,
  options: readonly DialogOption[] = dialogOptions(),
): DialogOption {
  return options.find((o) => o.formats.some((f) => f.id === format))!;
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
  const format = exportFormat(choice.format);
  let suffix = '';
  if (format.options.region && choice.region.kind === 'frame')
    suffix = `-${slugForFileName(frameTitle ?? '') || 'frame'}`;
  if (format.options.region && choice.region.kind === 'selection') suffix = '-selection';
  return `${base}${suffix}${format.extension}`;
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
