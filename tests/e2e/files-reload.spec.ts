import { expect, test } from '@playwright/test';
import { ARTIFACTS, openApp, pageErrors } from './helpers';
import { addNote, cardTexts, waitUntilSaved } from './files-helpers';

test('a new workshop is saved as people work: after a reload it opens from the recent list with the same cards', async ({ page }) => {
  await openApp(page);
  // No workshops yet: nothing to carry on with.
  await expect(page.getByRole('heading', { name: 'Carry on with a workshop' })).toHaveCount(0);
  await page.getByRole('button', { name: /^Blank/ }).click();
  const title = page.getByRole('banner').getByRole('textbox', { name: 'Workshop title' });
  await expect(title).toHaveValue('Untitled workshop');
  await expect(page.getByTestId('save-status')).toContainText('Untitled workshop');

  // Renaming the workshop renames its file.
  await title.fill('Warm spaces in Northshire');
  await title.press('Enter');
  await expect(page.getByTestId('save-status')).toContainText('Warm spaces in Northshire');

  for (const text of ['A warm room open late', 'Somewhere to charge a phone', 'Someone to talk to']) await addNote(page, text);
  await waitUntilSaved(page);

  await page.reload();
  const recent = page.getByRole('region', { name: 'Carry on with a workshop' });
  const entry = recent.getByRole('button', { name: /^Warm spaces in Northshire/ });
  await expect(entry).toBeVisible();
  // Its description says what is in it and when it changed.
  await expect(entry).toHaveAccessibleDescription(/3 cards · changed just now · Stored in this browser/);
  await page.screenshot({ path: `${ARTIFACTS}/files-start-recent.png` });

  // Keyboard: Tab reaches the entry, Enter opens it.
  await entry.focus();
  await page.keyboard.press('Enter');
  await expect(title).toHaveValue('Warm spaces in Northshire');
  await page.waitForFunction(() => !!window.dreamboardDebug);
  expect(await cardTexts(page)).toEqual(['A warm room open late', 'Someone to talk to', 'Somewhere to charge a phone']);
  expect(pageErrors(page)).toEqual([]);
});

test('Close saves and goes back to the start screen without asking; the workshop is listed there', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: /^Blank/ }).click();
  await addNote(page, 'Free bus passes');
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('button', { name: 'Close workshop' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const entry = page.getByRole('region', { name: 'Carry on with a workshop' }).getByRole('button', { name: /^Untitled workshop/ });
  await expect(entry).toHaveAccessibleDescription(/1 card ·/);
  await entry.click();
  await page.waitForFunction(() => !!window.dreamboardDebug);
  expect(await cardTexts(page)).toEqual(['Free bus passes']);
});

test('two new workshops with the same title get their own files', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: /^Blank/ }).click();
  await addNote(page, 'First');
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('button', { name: 'New workshop' }).click();
  await page.getByRole('button', { name: /^Blank/ }).click();
  await expect(page.getByTestId('save-status')).toContainText('Untitled workshop 2');
});
