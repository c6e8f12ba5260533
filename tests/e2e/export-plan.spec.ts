import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { ARTIFACTS, pageErrors } from './helpers';
import { CARDS, downloadedBytes, openExportDialog, startExportWorkshop } from './export-helpers';

test('the plan view flags an outcome with nothing contributing, and choosing the check selects its card', async ({
  page,
}) => {
  await startExportWorkshop(page);
  await page.getByRole('button', { name: 'Plan', exact: true }).click();
  const plan = page.getByRole('complementary', { name: 'Plan' });
  await expect(plan.getByRole('heading', { name: 'Plan', level: 2 })).toBeVisible();
  const checks = plan.getByRole('region', { name: /^Plan checks/ });
  const gap = checks.getByRole('button', { name: /Fewer evictions/ });
  await expect(gap).toBeVisible();
  // The outcome that something contributes to is not flagged.
  await expect(checks.getByRole('button', { name: /People stay in their homes/ })).toHaveCount(0);
  // Sections are headed regions with lists; the contributor is named under its outcome.
  const outcomes = plan.getByRole('region', { name: /^Outcomes/ });
  await expect(
    outcomes.getByRole('listitem').filter({ hasText: 'People stay in their homes' }),
  ).toContainText('What contributes to it: Service: Early help from the housing team');

  await gap.click();
  await expect
    .poll(() => page.evaluate(() => [...window.dreamboardDebug!.editor.state.selection]))
    .toEqual([CARDS.outcome.id]);
  await page.screenshot({ path: `${ARTIFACTS}/export-plan-view.png` });

  // Keyboard: Enter on another item selects that card instead.
  await outcomes.getByRole('button', { name: 'People stay in their homes' }).focus();
  await page.keyboard.press('Enter');
  await expect
    .poll(() => page.evaluate(() => [...window.dreamboardDebug!.editor.state.selection]))
    .toEqual([CARDS.outcome2.id]);

  // Live: link something to the flagged outcome and the check goes away.
  await page.evaluate(
    ({ from, to }) => {
      const { session } = window.dreamboardDebug!;
      type AnyMap = { set(k: string, v: unknown): void };
      const doc = session.doc;
      const MapType = doc.getMap('cards').constructor as unknown as new () => AnyMap;
      const m = new MapType();
      doc.transact(() => {
        (doc.getMap('connectors') as unknown as AnyMap).set('linkNew', m);
        for (const [k, v] of Object.entries({ id: 'linkNew', from, to, kind: 'contributes-to', label: '' }))
          m.set(k, v);
      }, 'dreamboard:load');
    },
    { from: CARDS.need.id, to: CARDS.outcome.id },
  );
  await expect(checks.getByRole('button', { name: /Fewer evictions/ })).toHaveCount(0);
  expect(pageErrors(page)).toEqual([]);
});

test('exporting the plan as JSON downloads a plan that the published schema accepts', async ({ page }) => {
  await startExportWorkshop(page);
  const dialog = await openExportDialog(page);
  await dialog.getByRole('radio', { name: /Plan as JSON/ }).check();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.plan\.json$/);
  const plan = JSON.parse((await downloadedBytes(file)).toString('utf8')) as {
    outcomes: { text: string }[];
    gaps: { cardId: string }[];
  };
  const schema = JSON.parse(readFileSync('resources/schema/plan.schema.json', 'utf8')) as Record<
    string,
    unknown
  >;
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
  expect(validate(plan), JSON.stringify(validate.errors)).toBe(true);
  expect(plan.outcomes.map((o) => o.text)).toEqual(
    expect.arrayContaining(['Fewer evictions', 'People stay in their homes']),
  );
  expect(plan.gaps.map((g) => g.cardId)).toContain(CARDS.outcome.id);
  await expect(dialog.getByRole('status')).toContainText('Downloaded');
});

test('exporting the plan as a PDF gives a valid file with the cards’ words in it', async ({ page }) => {
  await startExportWorkshop(page);
  const dialog = await openExportDialog(page);
  await expect(dialog.getByRole('radio', { name: /Plan as a PDF/ })).toBeChecked();
  await dialog.getByRole('checkbox', { name: /One page for each frame/ }).check();
  await expect(dialog.getByRole('checkbox', { name: /participants’ names/ })).toBeDisabled();
  await page.screenshot({ path: `${ARTIFACTS}/export-dialog.png` });
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.pdf$/);
  const dir = mkdtempSync(join(tmpdir(), 'dreamboard-pdf-'));
  const pdf = join(dir, 'plan.pdf');
  writeFileSync(pdf, await downloadedBytes(file));
  execFileSync('qpdf', ['--check', pdf]);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString('utf8');
  for (const card of Object.values(CARDS)) expect(text).toContain(card.text);
  expect(text).toContain('Fewer evictions” has nothing contributing');
  // The board picture page, to look at.
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '3', '-l', '3', pdf, `${ARTIFACTS}/export-pdf-page`]);
  rmSync(dir, { recursive: true, force: true });
});

test('cancelling a PDF export stops it and nothing is downloaded', async ({ page }) => {
  await startExportWorkshop(page);
  // Hold the font files so the export is certainly still running when Cancel is pressed.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/*.ttf', async (route) => {
    await held;
    await route.continue();
  });
  const downloads: string[] = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));
  const dialog = await openExportDialog(page);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText('Loading the fonts');
  await page.screenshot({ path: `${ARTIFACTS}/export-progress.png` });
  await dialog.getByRole('button', { name: 'Cancel export' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Export cancelled. Nothing was saved.');
  release();
  // A later export still works, and it is the only download: the cancelled one never arrives.
  await dialog.getByRole('radio', { name: /Plan as JSON/ }).check();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await download;
  await expect(dialog.getByRole('status')).toContainText('Downloaded');
  expect(downloads).toEqual([expect.stringMatching(/\.plan\.json$/)]);
});
