import { expect, test } from '@playwright/test';
import { announcement, ARTIFACTS, openApp, pageErrors } from './helpers';
import { addNote, cardTexts, waitUntilSaved } from './files-helpers';

test('version history: restore brings deleted cards back in one step, and Undo takes the restore back', async ({
  page,
}) => {
  await openApp(page);
  await page.getByRole('button', { name: /^Blank/ }).click();
  for (const text of ['Drop-in on Tuesdays', 'Food bank referral', 'Debt advice']) await addNote(page, text);
  await waitUntilSaved(page);
  // The debug hook takes a version now, so the test does not wait five minutes.
  expect(await page.evaluate(() => window.dreamboardSnapshotNow!())).toBe(true);

  // Delete everything.
  await page.keyboard.press('Control+1');
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await expect.poll(() => cardTexts(page)).toEqual([]);

  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('button', { name: 'Version history…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Version history' });
  // Newest first: the version just taken, then the workshop as it was opened (kept at the first change).
  const versions = dialog.getByRole('radio');
  await expect(versions).toHaveCount(2);
  await expect(dialog.getByText('3 cards added · 3 cards')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Restore this version' })).toBeDisabled();

  // Keyboard: the first radio button takes focus, Space chooses it, the preview shows what it held.
  await versions.first().focus();
  await page.keyboard.press('Space');
  const preview = dialog.getByRole('region', { name: 'The chosen version' });
  await expect(preview).toContainText('Untitled workshop: 3 cards, 0 frames, 0 connections');
  await expect(preview).toContainText('3 Note');
  await expect(preview.getByRole('listitem').filter({ hasText: 'Food bank referral' })).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}/files-history.png` });

  await dialog.getByRole('button', { name: 'Restore this version' }).click();
  await expect(dialog).toHaveCount(0);
  expect(await cardTexts(page)).toEqual(['Debt advice', 'Drop-in on Tuesdays', 'Food bank referral']);
  expect(await announcement(page)).toMatch(
    /^Restored the version from (today|yesterday) at \d\d:\d\d\. Undo brings back/,
  );

  // One Undo takes the whole restore back; Redo brings it again.
  await page.getByRole('banner').getByRole('button', { name: 'Undo' }).click();
  expect(await cardTexts(page)).toEqual([]);
  await page.getByRole('banner').getByRole('button', { name: 'Redo' }).click();
  expect(await cardTexts(page)).toEqual(['Debt advice', 'Drop-in on Tuesdays', 'Food bank referral']);

  // The restore is saved like any change: it is there after a reload.
  await waitUntilSaved(page);
  await page.reload();
  await page
    .getByRole('region', { name: 'Carry on with a workshop' })
    .getByRole('button', { name: /^Untitled workshop/ })
    .click();
  await page.waitForFunction(() => !!window.dreamboardDebug);
  expect(await cardTexts(page)).toEqual(['Debt advice', 'Drop-in on Tuesdays', 'Food bank referral']);
  expect(pageErrors(page)).toEqual([]);
});

test('version history says so plainly when there are no versions yet', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: /^Blank/ }).click();
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('button', { name: 'Version history…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Version history' });
  await expect(dialog).toContainText('There are no earlier versions yet');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'File', exact: true })).toBeFocused();
});
