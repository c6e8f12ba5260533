import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../../electron/cli/run';
import { EXPORT_FORMAT_IDS, importJsonCanvas } from '../../../../shared/export';
import { encodeWorkshopFile } from '../../../../shared/storage';
import { validatePlanJson } from '../../shared/plan/plan-test-support';
import { FIXTURE_NOW, richWorkshop } from '../../shared/plan/fixtures';
import { pdfText, qpdfCheck } from '../../shared/export/export-tools';

async function cli(argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(
    argv,
    { out: (t) => (out += t), err: (t) => (err += t) },
    { now: () => FIXTURE_NOW },
  );
  return { code, out, err };
}

async function workshopDir(): Promise<{ dir: string; file: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'dreamboard-cli-export-'));
  const file = join(dir, 'ceredigion.dreamboard');
  await writeFile(file, encodeWorkshopFile(richWorkshop().doc, FIXTURE_NOW));
  return { dir, file };
}

describe('dreamboard export: each format from a workshop file', () => {
  it('writes the plan JSON beside the workshop, valid against the published schema', async () => {
    const { dir, file } = await workshopDir();
    const run = await cli(['export', file, '--format', 'json']);
    expect(run.code).toBe(0);
    expect(run.out).toContain('ceredigion.plan.json');
    const plan = JSON.parse(await readFile(join(dir, 'ceredigion.plan.json'), 'utf8'));
    expect(validatePlanJson(plan)).toEqual({ valid: true, errors: '[]' });
    expect(plan.omitted).toHaveLength(3);
    expect(plan.meta.generatedAt).toBe('2025-03-14T10:30:00.000Z');
    expect(run.err).toContain('3 items of the workshop could not be read');
  });

  it('writes a PDF that qpdf accepts and that holds the Welsh text', async () => {
    const { dir, file } = await workshopDir();
    const out = join(dir, 'board-paper.pdf');
    expect((await cli(['export', file, '--format', 'pdf', '-o', out, '--frame-pages'])).code).toBe(0);
    expect(qpdfCheck(out)).toContain('No syntax or stream encoding errors');
    expect(pdfText(out)).toContain('Gwasanaeth cymorth ŵyr');
  });

  it('writes an SVG and a PNG of the board at the chosen scale', async () => {
    const { dir, file } = await workshopDir();
    expect((await cli(['export', file, '--format', 'svg', '--scale', '0.5'])).code).toBe(0);
    const svg = await readFile(join(dir, 'ceredigion.svg'), 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="\d+"/);
    expect(svg).toContain('Clwb Ieuenctid');
    expect(
      (await cli(['export', file, '--format', 'png', '--scale', '0.25', '--output', join(dir, 'small.png')]))
        .code,
    ).toBe(0);
    const png = await readFile(join(dir, 'small.png'));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const width = png.readUInt32BE(16);
    expect(width).toBe(Math.ceil(Number(/width="(\d+)"/.exec(svg)![1]) / 2));
  });

  it('writes a JSON Canvas file that imports back', async () => {
    const { dir, file } = await workshopDir();
    expect((await cli(['export', file, '--format', 'canvas'])).code).toBe(0);
    const result = importJsonCanvas(await readFile(join(dir, 'ceredigion.canvas'), 'utf8'));
    expect(result.ok && result.records.cards.length).toBe(21);
  });

  it('exports one frame by title, named after it', async () => {
    const { dir, file } = await workshopDir();
    const run = await cli(['export', file, '--format', 'svg', '--frame', 'the dream']);
    expect(run.code).toBe(0);
    const svg = await readFile(join(dir, 'ceredigion-the-dream.svg'), 'utf8');
    expect(svg).toContain('Young people feel safe');
    expect(svg).not.toContain('Clwb Ieuenctid');
  });

  it('replaces an existing output whole and leaves no temporary files', async () => {
    const { dir, file } = await workshopDir();
    await writeFile(join(dir, 'ceredigion.svg'), 'old');
    expect((await cli(['export', file, '--format', 'svg'])).code).toBe(0);
    expect(await readFile(join(dir, 'ceredigion.svg'), 'utf8')).toContain('<svg');
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('dreamboard export: mistakes are explained in plain words with a non-zero exit', () => {
  it.each([
    [['--format', 'pdf'], 64, /Say which workshop file/],
    [['FILE'], 64, new RegExp(`Say which format: --format ${EXPORT_FORMAT_IDS.join('\\|')}`)],
    [['FILE', '--format', 'doc'], 64, /There is no format "doc"/],
    [['FILE', '--format', 'svg', '--scale', 'big'], 64, /--scale needs a number above 0/],
    [['FILE', '--format', 'json', '--scale', '2'], 64, /--scale is for --format png or svg/],
    [['FILE', '--format', 'svg', '--frame-pages'], 64, /--frame-pages is for --format pdf/],
    [['FILE', '--format', 'svg', '-o'], 64, /-o needs a file name/],
    [
      ['FILE', '--format', 'svg', '--frame', 'Nowhere'],
      1,
      /There is no frame called "Nowhere". Frames: "Today: what happens now"/,
    ],
    [['FILE', '--format', 'png', '--scale', '8'], 1, /more than the 16384-pixel limit/],
  ])('%j exits %i', async (args, code, message) => {
    const { file } = await workshopDir();
    const run = await cli(['export', ...args.map((a) => (a === 'FILE' ? file : a))]);
    expect(run.code).toBe(code);
    expect(run.err).toMatch(message);
  });

  it('says when the workshop file is missing (exit 2)', async () => {
    const run = await cli(['export', join(tmpdir(), 'no-such-workshop.dreamboard'), '--format', 'json']);
    expect(run.code).toBe(2);
    expect(run.err).toContain('There is no file at');
  });

  it('says when the file is not a workshop (exit 2) and writes nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dreamboard-cli-export-'));
    const file = join(dir, 'notes.dreamboard');
    await writeFile(file, 'just some text');
    const run = await cli(['export', file, '--format', 'pdf']);
    expect(run.code).toBe(2);
    expect(run.err).toContain('is not a Dreamboard workshop');
    expect(await readdir(dir)).toEqual(['notes.dreamboard']);
  });

  it('says when the output cannot be written (exit 1)', async () => {
    const { dir, file } = await workshopDir();
    const run = await cli(['export', file, '--format', 'svg', '-o', join(dir, 'missing-folder', 'x.svg')]);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/The folder for ".*x\.svg" does not exist/);
  });
});
