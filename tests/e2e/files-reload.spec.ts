import { expect, test } from '@playwright/test';
import { ARTIFACTS, openApp, pageErrors } from './helpers';
import { addNote, cardTexts, storedFiles, waitUntilSaved } from './files-helpers';

test('a new workshop is saved as people work: after a reload it opens from the recent list with the same cards', async ({
  page,
}) => {
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

  for (const text of ['A warm room open late', 'Somewhere to charge a phone', 'Someone to talk to'])
    await addNote(page, text);
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
  expect(await cardTexts(page)).toEqual([
    'A warm room open late',
    'Someone to talk to',
    'Somewhere to charge a phone',
  ]);
  expect(pageErrors(page)).toEqual([]);
});

test('Close saves and goes back to the start screen without asking; the workshop is listed there', async ({
  page,
}) => {
  await openApp(page);
  await page.getByRole('button', { name: /^Blank/ }).click();
  await addNote(page, 'Free bus passes');
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('button', { name: 'Close workshop' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const entry = page
    .getByRole('region', { name: 'Carry on with a workshop' })
    .getByRole('button', { name: /^Untitled workshop/ });
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

test('File → Open in the browser lists the other stored workshops and opens one, saving the current first', async ({
  page,
}) => {
  await openApp(page);
  await page.getByRole('button', { name: /^Blank/ }).click();
  const title = page.getByRole('banner').getByRole('textbox', { name: 'Workshop title' });
  await title.fill('Housing first');
  await title.press('Enter');
  await addNote(page, 'A home, then support');
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('button', { name: 'New workshop' }).click();
  await page.getByRole('button', { name: /^Blank/ }).click();
  await addNote(page, 'Only in the second one');

  // Keyboard only: the File button, then its Open item.
  await page.getByRole('button', { name: 'File', exact: true }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Open…' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Open a workshop' });
  // The open workshop is not offered again.
  await expect(dialog.getByRole('button', { name: /^Housing first/ })).toBeVisible();
  await expect(dialog.getByRole('button', { name: /^Untitled workshop/ })).toHaveCount(0);
  await dialog.getByRole('button', { name: /^Housing first/ }).click();
  await expect(title).toHaveValue('Housing first');
  await page.waitForFunction(() => window.dreamboardDebug?.session.snapshot().meta.title === 'Housing first');
  expect(await cardTexts(page)).toEqual(['A home, then support']);

  // The second workshop was saved on the way out.
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('button', { name: 'Close workshop' }).click();
  await page.getByRole('button', { name: /^Untitled workshop/ }).click();
  await page.waitForFunction(
    () => window.dreamboardDebug?.session.snapshot().meta.title === 'Untitled workshop',
  );
  expect(await cardTexts(page)).toEqual(['Only in the second one']);
});

test('the file follows the title wherever it changes: in Details, and back again on undo', async ({
  page,
}) => {
  await openApp(page);
  await page.getByRole('button', { name: /^Blank/ }).click();
  await page.waitForFunction(() => !!window.dreamboardDebug);
  const details = page.getByRole('complementary').getByRole('textbox', { name: 'Workshop title' });
  await details.fill('Homecare in Northshire');
  await details.press('Tab');
  await expect(page.getByTestId('save-status')).toContainText('Homecare in Northshire');
  await expect.poll(() => storedFiles(page)).toContain('Homecare in Northshire.dreamboard');

  await page.getByRole('banner').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('banner').getByRole('textbox', { name: 'Workshop title' })).toHaveValue(
    'Untitled workshop',
  );
  await expect.poll(() => storedFiles(page)).toContain('Untitled workshop.dreamboard');
  expect(pageErrors(page)).toEqual([]);
});
