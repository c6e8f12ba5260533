import { describe, expect, it } from 'vitest';
import { BUILT_IN_FORMATS, EXPORT_FORMAT_IDS, EXPORT_MAKERS, exportFormat } from '../../../../shared/export';
import { exportCommand } from '../../../../electron/cli/commands/export';
import { expectEveryConsumerKnows } from './export-consumers';

describe('the export format table', () => {
  it('gives every format a unique id and ending, a MIME type and a maker', () => {
    expect(new Set(EXPORT_FORMAT_IDS).size).toBe(BUILT_IN_FORMATS.length);
    expect(new Set(BUILT_IN_FORMATS.map((f) => f.extension)).size).toBe(BUILT_IN_FORMATS.length);
    for (const format of BUILT_IN_FORMATS) {
      expect(format.extension).toMatch(/^\.[a-z.]+$/);
      expect(format.mime).toMatch(/^[a-z]+\/[a-z0-9.+-]+$/);
      expect(typeof EXPORT_MAKERS[format.id]).toBe('function');
    }
  });

  it('names every format in the command line’s usage', () => {
    for (const id of EXPORT_FORMAT_IDS) expect(exportCommand.usage).toContain(id);
  });

  // A consumer with its own list of formats fails here as soon as the table gains one it does not know.
  it.each(EXPORT_FORMAT_IDS)('%s is known to the IPC contract, main, the dialog and the CLI', async (id) => {
    await expectEveryConsumerKnows(exportFormat(id));
  });
});
