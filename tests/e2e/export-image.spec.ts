import { writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ARTIFACTS, pageErrors } from './helpers';
import { CARDS, downloadedBytes, openExportDialog, startExportWorkshop } from './export-helpers';

test('an SVG picture of the board has the cards’ words as text', async ({ page }) => {
  await startExportWorkshop(page);
  const dialog = await openExportDialog(page);
  await dialog.getByRole('radio', { name: /Picture/ }).check();
  await dialog.getByRole('radio', { name: /^SVG/ }).check();
  await dialog.getByRole('radio', { name: '1×' }).check();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('dream-service-model.svg');
  const svg = (await downloadedBytes(file)).toString('utf8');
  expect(svg.startsWith('<svg') || svg.startsWith('<?xml')).toBe(true);
  for (const card of Object.values(CARDS)) expect(svg).toContain(card.text.split(' ')[0]!);
  expect(pageErrors(page)).toEqual([]);
});

test('a PNG of one frame is drawn at the chosen size, and one too big is refused with a way out', async ({
  page,
}) => {
  await startExportWorkshop(page);
  const dialog = await openExportDialog(page);
  await dialog.getByRole('radio', { name: /Picture/ }).check();
  await dialog
    .getByRole('combobox', { name: 'What the picture shows' })
    .selectOption({ label: 'Frame: The dream' });
  await dialog.getByRole('radio', { name: '2×' }).check();
  const size = await dialog.getByText(/pixels\.$/).textContent();
  const [, w, h] = /([\d,]+) × ([\d,]+)/.exec(size ?? '') ?? [];
  await page.screenshot({ path: `${ARTIFACTS}/export-picture-options.png` });
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('dream-service-model-the-dream.png');
  const png = await downloadedBytes(file);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  // Width and height sit in the IHDR chunk.
  expect(png.readUInt32BE(16)).toBe(Number(w!.replace(/,/g, '')));
  expect(png.readUInt32BE(20)).toBe(Number(h!.replace(/,/g, '')));
  writeFileSync(`${ARTIFACTS}/export-frame.png`, png);

  // The whole board with a card placed far away would be far over the PNG limit at 4×.
  await dialog.getByRole('button', { name: 'Export something else' }).click();
  await page.evaluate(() => {
    const { session } = window.dreamboardDebug!;
    type AnyMap = { set(k: string, v: unknown): void };
    const doc = session.doc;
    const MapType = doc.getMap('cards').constructor as unknown as new () => AnyMap;
    const m = new MapType();
    doc.transact(() => {
      (doc.getMap('cards') as unknown as AnyMap).set('farAway', m);
      const rec = {
        id: 'farAway',
        kind: 'note',
        x: 40_000,
        y: 30_000,
        w: 200,
        h: 120,
        z: 'z9',
        text: 'Far away',
        frame: null,
        fields: {},
        createdBy: 'x',
        createdRole: null,
        createdAt: 1,
      };
      for (const [k, v] of Object.entries(rec)) m.set(k, v);
    }, 'dreamboard:load');
  });
  // The dialog follows the board while open.
  const again = dialog;
  await again
    .getByRole('combobox', { name: 'What the picture shows' })
    .selectOption({ label: 'The whole board' });
  await again.getByRole('radio', { name: '4×' }).check();
  await expect(again.getByText(/too big to make here/)).toBeVisible();
  await again.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(again.getByRole('alert')).toContainText('too big to make here');
});
