import { expect, test } from '@playwright/test';
import { openApp, pageErrors } from './helpers';

test('starting and closing a workshop from the keyboard keeps focus on something, never the page itself', async ({
  page,
}) => {
  await openApp(page);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !!window.dreamboardDebug);
  await expect(page.locator('[aria-roledescription="board"]')).toBeFocused();
  // From the board, the kind keys work straight away.
  await page.keyboard.press('1');
  await page.keyboard.type('Somewhere warm');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'File' }).press('Enter');
  await page.getByRole('button', { name: 'Close workshop' }).press('Enter');
  await expect(page.getByRole('heading', { name: 'Carry on with a workshop' })).toBeVisible();
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('BUTTON');
  expect(pageErrors(page)).toEqual([]);
});
