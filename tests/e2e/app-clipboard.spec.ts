import { expect, test } from '@playwright/test';
import { docSummary, startWorkshop, treeItem } from './helpers';

test('copy and paste on the board go through the DOM clipboard events, text fields stay native', async ({
  page,
}) => {
  await startWorkshop(page, 'Blank');
  await page.getByRole('button', { name: 'Add a need card' }).click();
  await page.keyboard.type('Somewhere to wash');
  await page.keyboard.press('Escape');
  const board = page.getByRole('application', { name: 'Workshop board' });
  await expect(board).toBeFocused();
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(treeItem(page, /Need: Somewhere to wash/)).toHaveCount(2);
  await page.keyboard.press('Control+x');
  await expect(treeItem(page, /Need: Somewhere to wash/)).toHaveCount(1);

  // In a text field, Ctrl+A / Ctrl+C / Ctrl+V act on its text, not on cards.
  const title = page.getByRole('banner').getByRole('textbox', { name: 'Workshop title' });
  await title.fill('Bathing and laundry');
  await title.press('Control+a');
  await title.press('Control+c');
  await title.press('End');
  await title.press('Control+v');
  await expect(title).toHaveValue('Bathing and laundryBathing and laundry');
  await title.press('Control+z');
  await expect(title).toHaveValue('Bathing and laundry');
  expect((await docSummary(page)).cards).toHaveLength(1);
});
