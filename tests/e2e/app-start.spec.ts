import { expect, test } from '@playwright/test';
import { ARTIFACTS, docSummary, openApp, pageErrors, startWorkshop, tree, treeItem } from './helpers';

test('the start screen explains Dreamboard and offers the templates with descriptions', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('button', { name: /^Dream service model/ })).toContainText('Recommended');
  await expect(page.getByRole('button', { name: /^Blank/ })).toBeVisible();
  await expect(page.getByText('Design a public service together')).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}/start-screen.png` });
  expect(pageErrors(page)).toEqual([]);
});

test('choosing the dream service model opens its frames in the outline under the CSP', async ({ page }) => {
  await startWorkshop(page, 'Dream service model');
  const doc = await docSummary(page);
  expect(doc.frames.length).toBeGreaterThan(3);
  await expect(treeItem(page, /People and what matters/)).toBeVisible();
  await expect(page.getByRole('banner').getByRole('textbox', { name: 'Workshop title' })).toHaveValue(
    'Dream service model',
  );
  // The template fits in the first view.
  const zoom = await page.evaluate(() => window.dreamboardDebug!.editor.state.camera.zoom);
  expect(zoom).toBeLessThan(1);
  await page.screenshot({ path: `${ARTIFACTS}/template.png` });
  expect(pageErrors(page)).toEqual([]);
});

test('choosing blank opens an empty workshop with a hint', async ({ page }) => {
  await startWorkshop(page, 'Blank');
  await expect(page.getByText('The board is empty')).toBeVisible();
  await expect(tree(page)).toHaveCount(0);
});

test('the About dialog opens from the top bar, traps focus and gives it back on Escape', async ({ page }) => {
  await startWorkshop(page, 'Blank');
  const about = page.getByRole('banner').getByRole('button', { name: 'About Dreamboard' });
  await about.click();
  const dialog = page.getByRole('dialog', { name: 'About Dreamboard' });
  await expect(dialog).toContainText('Version');
  await expect(dialog.getByRole('button', { name: 'Close' }).last()).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(dialog.locator(':focus')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(about).toBeFocused();
});
