import { basename, dirname, join } from 'node:path';
import { DocumentIndex } from '../../../shared/doc';
import {
  describeOpenProblem,
  describeRecovery,
  describeStorageFailure,
  readWorkshopFile,
  StorageError,
} from '../../../shared/storage';
import packageJson from '../../../package.json';
import { ExportProblem } from '../../../shared/export/export-problem';
import {
  EXPORT_FORMAT_IDS,
  EXPORT_FORMATS,
  exportFormat,
  isExportFormatId,
  type ExportFormatId,
} from '../../../shared/export/formats';
import { EXIT, UsageError, type Command, type ParsedArgs } from '../command';

const MAX_SCALE = 8;

/**
 * `dreamboard export`: the plan (JSON or PDF), a picture (SVG or PNG) or a JSON Canvas file,
 * made by the same shared code as the app's export menu. The output is written atomically
 * (temporary file, fsync, rename), so an interrupted export never leaves half a file.
 */
export const exportCommand: Command = {
  name: 'export',
  summary: `Export ${EXPORT_FORMATS.map((f) => `${f.what} (${f.id})`).join(', ')}.`,
  usage: `dreamboard export <file> --format ${EXPORT_FORMAT_IDS.join('|')} [--frame NAME] [-o OUT] [--scale N] [--frame-pages]`,
  options: {
    format: { takesValue: true },
    frame: { takesValue: true },
    output: { takesValue: true },
    scale: { takesValue: true },
    'frame-pages': { takesValue: false },
  },
  async run(args, { io, volume, now }) {
    const { file, output: outputOption } = fileAndOutput(args);
    const format = formatOf(args);
    const scale = scaleOf(args, format);
    const frame = args.options.get('frame');
    if (frame === true) throw new UsageError('--frame needs a frame name.');
    if (args.options.has('frame-pages') && !exportFormat(format).options.framePages)
      throw new UsageError(`--frame-pages is for --format ${formatsWith('framePages')}.`);

    const read = await readWorkshopFile(volume, file);
    if (!read.ok) {
      io.err(`${describeOpenProblem(read.problem, basename(file))}\n`);
      return EXIT.unreadable;
    }
    if (read.recovery) io.err(`Note: ${describeRecovery(read.recovery)}\n`);
    const index = new DocumentIndex(read.doc);
    const snapshot = index.getSnapshot();
    index.destroy();

    const output = outputOption ?? defaultOutput(file, format, frame);
    // Loaded on demand: the PDF and image code is most of the CLI's size, and other commands need none of it.
    const { exportSnapshot } = await import('../../export/export-workshop');
    let bytes: Uint8Array;
    try {
      bytes = await exportSnapshot(snapshot, {
        format,
        ...(frame === undefined ? {} : { frame }),
        ...(scale === undefined ? {} : { scale }),
        framePages: args.options.has('frame-pages'),
        appVersion: packageJson.version,
        now: now(),
      });
    } catch (error) {
      if (!(error instanceof ExportProblem)) throw error;
      io.err(`${error.message}\n`);
      return EXIT.failed;
    }
    try {
      await volume.replaceAtomically(output, bytes);
    } catch (error) {
      if (!(error instanceof StorageError)) throw error;
      // "Not found" while saving means the folder is missing, which the shared wording does not say.
      io.err(
        error.code === 'not-found'
          ? `The folder for "${output}" does not exist. Create it first, or choose another place with -o.\n`
          : `${describeStorageFailure(error.code, output, 'save')}\n`,
      );
      return EXIT.failed;
    }
    if (snapshot.quarantine.length > 0)
      io.err(
        `Note: ${snapshot.quarantine.length} item${snapshot.quarantine.length === 1 ? '' : 's'} of the workshop could not be read and ` +
          `${exportFormat(format).content === 'plan' ? 'are listed as left out in the plan' : 'are not in the export'}.\n`,
      );
    io.out(`Exported ${exportFormat(format).what} to "${output}".\n`);
    return EXIT.ok;
  },
};

/** The workshop file, and -o/--output (the shared parser reads long options; `-o` is read here). */
function fileAndOutput(args: ParsedArgs): { file: string; output: string | undefined } {
  const words = [...args.positional];
  let output =
    typeof args.options.get('output') === 'string' ? (args.options.get('output') as string) : undefined;
  const short = words.indexOf('-o');
  if (short !== -1) {
    const value = words[short + 1];
    if (value === undefined) throw new UsageError('-o needs a file name.');
    if (output !== undefined) throw new UsageError('Give the output file once (-o or --output).');
    output = value;
    words.splice(short, 2);
  }
  if (words.length === 0) throw new UsageError('Say which workshop file to export.');
  if (words.length > 1)
    throw new UsageError(`Expected one workshop file, got ${words.length}: ${words.join(' ')}`);
  return { file: words[0]!, output };
}

function formatOf(args: ParsedArgs): ExportFormatId {
  const value = args.options.get('format');
  if (value === undefined) throw new UsageError(`Say which format: --format ${EXPORT_FORMAT_IDS.join('|')}.`);
  if (!isExportFormatId(value))
    throw new UsageError(`There is no format "${String(value)}". Formats: ${EXPORT_FORMAT_IDS.join(', ')}.`);
  return value;
}

/** "svg or png": the formats that take an option, for the message saying where it belongs. */
function formatsWith(option: 'scale' | 'framePages'): string {
  const ids = EXPORT_FORMATS.filter((f) => f.options[option]).map((f) => f.id as string);
  return ids.length > 1 ? `${ids.slice(0, -1).join(', ')} or ${ids.at(-1)!}` : (ids[0] ?? 'none');
}

function scaleOf(args: ParsedArgs, format: ExportFormatId): number | undefined {
  const value = args.options.get('scale');
  if (value === undefined) return undefined;
  if (!exportFormat(format).options.scale)
    throw new UsageError(`--scale is for --format ${formatsWith('scale')}.`);
  const scale = Number(value);
  if (value === true || !Number.isFinite(scale) || scale <= 0 || scale > MAX_SCALE)
    throw new UsageError(`--scale needs a number above 0 and up to ${MAX_SCALE}, such as 0.5 or 2.`);
  return scale;
}

/** Beside the workshop: "plan.dreamboard" → "plan.pdf", or "plan-the-dream.svg" for a frame. */
function defaultOutput(file: string, format: ExportFormatId, frame: string | undefined): string {
  const stem = basename(file).replace(/\.dreamboard$/i, '');
  const slug =
    frame === undefined
      ? ''
      : `-${
          frame
            .toLowerCase()
            .replace(/[^\p{L}\p{N}]+/gu, '-')
            .replace(/^-|-$/g, '') || 'frame'
        }`;
  return join(dirname(file), `${stem}${slug}${exportFormat(format).extension}`);
}
