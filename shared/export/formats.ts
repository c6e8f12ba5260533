/**
 * Every export format, declared once: what the command line's `--format` takes, the file ending
 * and MIME type, the save dialog's filter, the export dialog's words, which options apply and the
 * steps its progress shows. The IPC contract, main's save path, the export dialog and the CLI all
 * read this table; the bytes are made by the format's maker in ./makers.ts (a `Record` over these
 * ids, so a format without a maker does not compile). Light on purpose: the preload and main
 * import it, and must not pull in pdfkit.
 *
 * Adding a format: one entry here, one maker in makers.ts (docs/architecture.md, "Recipes").
 */

/** A step of an export, shown in the dialog as "Step 2 of 4: …"; saving is always the last. */
export type ExportStage = 'plan' | 'fonts' | 'pdf' | 'document' | 'picture';

export const STAGE_TEXT: Readonly<Record<ExportStage, string>> = {
  plan: 'Putting the plan together…',
  fonts: 'Loading the fonts…',
  pdf: 'Laying out the PDF pages…',
  document: 'Writing the document…',
  picture: 'Drawing the picture…',
};

/** Choices the export dialog groups under one option, with the format chosen inside it. */
export const EXPORT_GROUPS = {
  picture: { label: 'Picture (SVG or PNG)', hint: 'The board, a frame or the selection as a picture.' },
} as const;
export type ExportGroup = keyof typeof EXPORT_GROUPS;

/** How the export dialog offers a format: an option of its own, or a choice inside a group. */
export type ExportOffer =
  { readonly label: string; readonly hint: string } | { readonly group: ExportGroup; readonly label: string };

export interface ExportFormatSpec {
  /** The command line's `--format` value, the IPC contract's `kind`, the dialog's value. */
  readonly id: string;
  /** The ending of a suggested file name, with its dot ("plan.json" files end ".plan.json"). */
  readonly extension: string;
  readonly mime: string;
  /** The save dialog's name for the filter that shows these files. */
  readonly filterName: string;
  /** What the file is, for "Exported the plan (PDF) to …". */
  readonly what: string;
  /** The plan (which lists what could not be read), a picture, or the board's records. */
  readonly content: 'plan' | 'picture' | 'board';
  readonly offer: ExportOffer;
  /** Which options the format takes: a picture's size, one page per frame, a part of the board. */
  readonly options: { readonly scale: boolean; readonly framePages: boolean; readonly region: boolean };
  /** The steps before saving, in order. */
  readonly stages: readonly ExportStage[];
}

const NO_OPTIONS = { scale: false, framePages: false, region: false } as const;
const PICTURE_OPTIONS = { scale: true, framePages: false, region: true } as const;

/** The formats this build makes, in the order the dialog and the CLI list them. */
export const BUILT_IN_FORMATS = [
  {
    id: 'pdf',
    extension: '.pdf',
    mime: 'application/pdf',
    filterName: 'PDF document',
    what: 'the plan (PDF)',
    content: 'plan',
    offer: {
      label: 'Plan as a PDF',
      hint: 'For a board paper or to print: the plan, a picture of the board and the plan checks.',
    },
    options: { scale: false, framePages: true, region: false },
    stages: ['plan', 'fonts', 'pdf'],
  },
  {
    id: 'json',
    extension: '.plan.json',
    mime: 'application/json',
    filterName: 'Plan (JSON)',
    what: 'the plan (JSON)',
    content: 'plan',
    offer: { label: 'Plan as JSON', hint: 'For other systems: the structured plan, in a published format.' },
    options: NO_OPTIONS,
    stages: ['plan'],
  },
  {
    id: 'png',
    extension: '.png',
    mime: 'image/png',
    filterName: 'PNG picture',
    what: 'a PNG picture',
    content: 'picture',
    offer: { group: 'picture', label: 'PNG (for slides and documents)' },
    options: PICTURE_OPTIONS,
    stages: ['picture'],
  },
  {
    id: 'svg',
    extension: '.svg',
    mime: 'image/svg+xml',
    filterName: 'SVG picture',
    what: 'an SVG picture',
    content: 'picture',
    offer: { group: 'picture', label: 'SVG (sharp at any size)' },
    options: PICTURE_OPTIONS,
    stages: ['picture'],
  },
  {
    id: 'canvas',
    extension: '.canvas',
    // JSON Canvas has no registered type; it is JSON.
    mime: 'application/json',
    filterName: 'JSON Canvas',
    what: 'a JSON Canvas file',
    content: 'board',
    offer: { label: 'JSON Canvas', hint: 'Opens in Obsidian and other canvas tools.' },
    options: NO_OPTIONS,
    stages: ['plan'],
  },
] as const satisfies readonly ExportFormatSpec[];

export type ExportFormatId = (typeof BUILT_IN_FORMATS)[number]['id'];

/**
 * Everything the consumers derive from the table, made by one function so a test can build the
 * same from the table plus one more format (tests/unit/shared/export/format-recipe.test.ts).
 */
export function formatRegistry<Id extends string>(formats: readonly (ExportFormatSpec & { id: Id })[]) {
  const ids = formats.map((f) => f.id) as unknown as readonly [Id, ...Id[]];
  const isId = (value: unknown): value is Id =>
    typeof value === 'string' && (ids as readonly string[]).includes(value);
  const get = (id: Id): ExportFormatSpec => {
    const spec = formats.find((f) => f.id === id);
    if (!spec) throw new Error(`No export format "${id}"`);
    return spec;
  };
  return {
    EXPORT_FORMATS: formats as readonly ExportFormatSpec[],
    /** The ids, as zod's `z.enum` and the CLI's usage line want them. */
    EXPORT_FORMAT_IDS: ids,
    isExportFormatId: isId,
    exportFormat: get,
    /** The save dialog's filter: the last part of the ending ("plan.json" files are .json to a dialog). */
    saveFilterOf: (id: Id) => {
      const spec = get(id);
      return { name: spec.filterName, extensions: [spec.extension.split('.').at(-1)!] };
    },
  };
}

export const { EXPORT_FORMATS, EXPORT_FORMAT_IDS, isExportFormatId, exportFormat, saveFilterOf } =
  formatRegistry<ExportFormatId>(BUILT_IN_FORMATS);
