import { expect, test } from '@playwright/test';
import { ARTIFACTS, openApp, pageErrors } from './helpers';
import { cardTexts, importFile, storedFiles, workshopBytes } from './files-helpers';

const IMPORT = 'Import a .dreamboard file…';

test('importing a file that is not a workshop says so and changes nothing', async ({ page }) => {
  await openApp(page);
  await importFile(
    page,
    IMPORT,
    'minutes.dreamboard',
    Buffer.from('These are the minutes of the meeting, not a workshop.'),
  );
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('"minutes.dreamboard" is not a Dreamboard workshop');
  expect(await storedFiles(page)).toEqual([]);
  await page.screenshot({ path: `${ARTIFACTS}/files-not-a-workshop.png` });
  // Still on the start screen, nothing new to carry on with.
  await expect(page.getByRole('heading', { name: 'Carry on with a workshop' })).toHaveCount(0);
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toHaveCount(0);
  expect(pageErrors(page)).toEqual([]);
});

test('a file whose end was cut off opens with what was saved and says how much was recovered', async ({
  page,
}) => {
  await openApp(page);
  const whole = workshopBytes('Hospital discharge', [
    ['Transport home', 'A call the next day'],
    ['Key safe fitted'],
  ]);
  // Cut into the last record, as a crash during an append would.
  const damaged = whole.subarray(0, whole.length - 7);
  await importFile(page, IMPORT, 'discharge.dreamboard', damaged);
  const notice = page.getByRole('note', { name: 'Recovered workshop' });
  await expect(notice).toContainText('Part of this workshop could not be read');
  await expect(notice).toContainText(
    /1 saved change .* were recovered; the last .* could not be read and were left out/,
  );
  await page.waitForFunction(() => !!window.dreamboardDebug);
  expect(await cardTexts(page)).toEqual(['A call the next day', 'Transport home']);
  await page.screenshot({ path: `${ARTIFACTS}/files-recovered.png` });
  // Stored under its title; the first save rewrites it whole, so no record ever follows the damage.
  expect(await storedFiles(page)).toEqual(['Hospital discharge.dreamboard']);
});

test('a file from a newer Dreamboard opens read-only and says to update', async ({ page }) => {
  await openApp(page);
  await importFile(
    page,
    IMPORT,
    'future.dreamboard',
    workshopBytes('From the future', [['Hello']], { format: 2, minReader: 1 }),
  );
  await expect(page.getByRole('note').filter({ hasText: 'Read only.' })).toContainText(
    'update Dreamboard to edit it',
  );
  await expect(page.getByTestId('save-status')).toContainText('From the future');
  await expect(page.getByRole('banner').getByRole('textbox', { name: 'Workshop title' })).toHaveAttribute(
    'readonly',
    '',
  );
  await expect(
    page.getByRole('toolbar', { name: 'Tools and cards' }).getByRole('button', { name: 'Add a note card' }),
  ).toBeDisabled();
});

test('dropping a workshop file on the window opens it', async ({ page }) => {
  await openApp(page);
  const bytes = [...workshopBytes('Dropped in', [['Dropped card']])];
  await page.evaluate((data) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(data)], 'dropped.dreamboard'));
    document.body.dispatchEvent(
      new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }),
    );
    document.body.dispatchEvent(
      new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }),
    );
  }, bytes);
  await expect(page.getByRole('banner').getByRole('textbox', { name: 'Workshop title' })).toHaveValue(
    'Dropped in',
  );
  await page.waitForFunction(() => !!window.dreamboardDebug);
  expect(await cardTexts(page)).toEqual(['Dropped card']);
});
