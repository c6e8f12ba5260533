/**
 * Asks each consumer of the export format table whether it knows a format: the IPC contract, main's
 * save path, the export dialog, the app's export run and the command line. Shared by the test over
 * the real table and the recipe test that adds a format (format-recipe.test.ts).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCli } from '../../../../electron/cli/run';
import { saveExport } from '../../../../electron/export/save-export';
import type { ExportFormatSpec } from '../../../../shared/export/formats';
import { ExportSaveRequestSchema } from '../../../../shared/ipc/export-schemas';
import { encodeWorkshopFile } from '../../../../shared/storage';
import {
  DEFAULT_CHOICE,
  dialogOptions,
  exportFileName,
  type ExportChoice,
} from '../../../../renderer/export/formats';
import { stagesOf } from '../../../../renderer/export/run-export';
import { FIXTURE_NOW, richWorkshop } from '../plan/fixtures';

const bytes = new Uint8Array([1, 2, 3]);

export function ipcAccepts(format: ExportFormatSpec): boolean {
  return ExportSaveRequestSchema.safeParse({
    suggestedName: `plan${format.extension}`,
    kind: format.id,
    bytes,
  }).success;
}

/** What main's save path does with a request for this format, when the person types a bare name. */
export async function mainSaves(format: ExportFormatSpec) {
  let filter: unknown = null;
  let written = '';
  const outcome = await saveExport(
    ExportSaveRequestSchema.parse({ suggestedName: `plan${format.extension}`, kind: format.id, bytes }),
    {
      chooseSavePath: (_name, f) => {
        filter = f;
        return Promise.resolve('/tmp/board paper');
      },
      volume: {
        replaceAtomically: (path) => {
          written = path;
          return Promise.resolve();
        },
      },
    },
  );
  return { outcome, filter, written };
}

/** The export dialog: the option it sits under, the suggested file name and the progress steps. */
export function dialogKnows(format: ExportFormatSpec) {
  const choice: ExportChoice = { ...DEFAULT_CHOICE, format: format.id as ExportChoice['format'] };
  const options = dialogOptions().filter((o) => o.formats.some((f) => f.id === format.id));
  return {
    options: options.map((o) => o.label),
    fileName: exportFileName('Fewer evictions', choice),
    stages: stagesOf(choice),
  };
}

/** `dreamboard export` of the rich fixture workshop: exit code, messages and the written file. */
export async function cliExports(format: ExportFormatSpec) {
  const dir = await mkdtemp(join(tmpdir(), 'dreamboard-format-'));
  const file = join(dir, 'ceredigion.dreamboard');
  await writeFile(file, encodeWorkshopFile(richWorkshop().doc, FIXTURE_NOW));
  let out = '';
  let err = '';
  const code = await runCli(
    ['export', file, '--format', format.id],
    { out: (t) => (out += t), err: (t) => (err += t) },
    { now: () => FIXTURE_NOW },
  );
  const written = join(dir, `ceredigion${format.extension}`);
  return { code, out, err, written: existsSync(written) ? await readFile(written) : null };
}

/** Every consumer knows the format: the shared expectations of both tests. */
export async function expectEveryConsumerKnows(format: ExportFormatSpec): Promise<void> {
  expect(ipcAccepts(format), 'the IPC contract').toBe(true);

  const saved = await mainSaves(format);
  const ending = format.extension.split('.').at(-1)!;
  expect(saved.filter, 'main’s save dialog filter').toEqual({
    name: format.filterName,
    extensions: [ending],
  });
  expect(saved.written, 'main adds the ending').toBe(`/tmp/board paper.${ending}`);

  const dialog = dialogKnows(format);
  expect(dialog.options, 'the export dialog offers it once').toHaveLength(1);
  expect(dialog.fileName, 'the dialog’s suggested name').toBe(`fewer-evictions${format.extension}`);
  expect(dialog.stages.at(-1)).toBe('saving');

  const cli = await cliExports(format);
  expect(cli.err.replace(/Note: .*\n/g, ''), 'the CLI says no more than notes').toBe('');
  expect(cli.code, 'the CLI exports it').toBe(0);
  expect(cli.out).toContain(`Exported ${format.what}`);
  expect(cli.written?.length ?? 0, 'the CLI writes the file').toBeGreaterThan(0);
}
