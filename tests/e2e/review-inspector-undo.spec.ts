import { expect, test, type Page } from '@playwright/test';
import { docSummary, pageErrors, startWorkshop } from './helpers';

const details = (page: Page) => page.getByRole('region', { name: 'Details' });

test('undo while a date field still has focus shows the undone value and is not written back on leaving it', async ({
  page,
}) => {
  await startWorkshop(page, 'Blank');
  await page.getByRole('button', { name: 'Add a next step card' }).click();
  await page.keyboard.type('Write to landlords');
  await page.keyboard.press('Escape');
  const due = details(page).getByRole('textbox', { name: 'By when' });
  await due.fill('2027-01-15');
  await due.press('Enter');
  await expect.poll(async () => (await docSummary(page)).cards[0]?.fields.due).toBe('2027-01-15');

  // Ctrl+Z in a date field is the board's undo (a date field has no text undo of its own).
  await due.press('Control+z');
  await expect.poll(async () => (await docSummary(page)).cards[0]?.fields.due).toBeUndefined();
  await expect(due).toHaveValue('');

  // Leaving the field must not bring the undone date back.
  await details(page).getByRole('textbox', { name: 'What the card says' }).focus();
  await page.waitForTimeout(200);
  expect((await docSummary(page)).cards[0]?.fields.due).toBeUndefined();
  expect(pageErrors(page)).toEqual([]);
});
