/**
 * Font bytes the PDF builder embeds. They are passed in rather than loaded here so that the
 * builder has no Node or DOM imports: the CLI reads resources/fonts from disk, the app fetches
 * the same files. They must cover accented Latin and Welsh (ŵ ŷ â): the exports use DejaVu Sans.
 */
export interface ExportFonts {
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
}
