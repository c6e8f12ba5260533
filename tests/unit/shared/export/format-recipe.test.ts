/**
 * The recipe for a new export format, followed: one entry in the format table and one maker, and
 * nothing else. The table and the makers are extended here through their registries (as a new
 * format's author would edit them), and every consumer picks the format up unchanged.
 */
import { describe, expect, it, vi } from 'vitest';
import type * as Formats from '../../../../shared/export/formats';
import type { ExportFormatSpec } from '../../../../shared/export/formats';
import type * as Makers from '../../../../shared/export/makers';
import type { ExportMaker } from '../../../../shared/export/makers';

const TEXT_FORMAT = {
  id: 'txt',
  extension: '.plan.txt',
  mime: 'text/plain',
  filterName: 'Plain text',
  what: 'the plan (plain text)',
  content: 'plan',
  offer: { label: 'Plan as plain text', hint: 'Headings and lines, for an email.' },
  options: { scale: false, framePages: false, region: false },
  stages: ['plan'],
} as const satisfies ExportFormatSpec;

vi.mock('../../../../shared/export/formats', async (importOriginal) => {
  const real = await importOriginal<typeof Formats>();
  return { ...real, ...real.formatRegistry([...real.BUILT_IN_FORMATS, TEXT_FORMAT]) };
});

vi.mock('../../../../shared/export/makers', async (importOriginal) => {
  const real = await importOriginal<typeof Makers>();
  const { derivePlan, presentPlan } = await import('../../../../shared/plan');
  /** The plan as plain text: each section's title, then its rows' first cells. */
  const makeText: ExportMaker = (input, env) => {
    env.stage('plan');
    const plan = derivePlan(input.source, { appVersion: input.appVersion, now: input.now });
    const lines = presentPlan(plan, { dates: 'long' }).flatMap((s) => [
      s.title,
      ...s.rows.map((r) => `- ${String(r.cells[0])}`),
      '',
    ]);
    return Promise.resolve(new TextEncoder().encode(lines.join('\n')));
  };
  const makers = { ...real.EXPORT_MAKERS, txt: makeText };
  return { ...real, EXPORT_MAKERS: makers, ...real.makerRegistry(makers) };
});

const { expectEveryConsumerKnows, cliExports, dialogKnows } = await import('./export-consumers');
const { startExport } = await import('../../../../renderer/export/run-export');
const { DEFAULT_CHOICE } = await import('../../../../renderer/export/formats');
const { richWorkshop } = await import('../plan/fixtures');

describe('adding an export format is one table entry and one maker', () => {
  it('reaches the IPC contract, main’s save path, the export dialog and the command line', async () => {
    await expectEveryConsumerKnows(TEXT_FORMAT);
    expect(dialogKnows(TEXT_FORMAT).options).toEqual(['Plan as plain text']);
  });

  it('makes its bytes through the command line and through the app’s export run', async () => {
    const cli = await cliExports(TEXT_FORMAT);
    expect(cli.written?.toString('utf8')).toContain('Gwasanaeth cymorth ŵyr');

    const stages: string[] = [];
    const file = await startExport(
      richWorkshop().snapshot,
      { ...DEFAULT_CHOICE, format: 'txt' as never },
      (stage) => stages.push(stage),
    ).result;
    expect(file).toMatchObject({
      kind: 'txt',
      mime: 'text/plain',
      suggestedName: expect.stringMatching(/\.plan\.txt$/),
    });
    expect(new TextDecoder().decode(file.bytes)).toContain('People and needs');
    expect(stages).toEqual(['plan']);
  });
});
