import { expect, test, type Page } from '@playwright/test';
import { announcement, docSummary, startWorkshop, tree, treeItem } from './helpers';

/** Adds a card through the outline's "Add a card here" on the focused row, by keyboard. */
async function addHere(page: Page, kindKey: string, text: string) {
  await page.keyboard.press('a');
  await expect(page.getByRole('dialog', { name: /Add a card to/ })).toBeVisible();
  await page.keyboard.press(kindKey);
  await page.keyboard.press('Tab');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

async function focusRow(page: Page, name: RegExp) {
  await treeItem(page, name).click();
  await expect(treeItem(page, name)).toBeFocused();
}

test('the outline is a tree with levels, expansion and a roving tab stop', async ({ page }) => {
  await startWorkshop(page, 'Dream service model');
  const items = tree(page).getByRole('treeitem');
  await expect(tree(page).locator('[tabindex="0"]')).toHaveCount(1);
  const first = items.first();
  await expect(first).toHaveAttribute('aria-level', '1');
  await expect(first).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Control+2');
  await page.keyboard.press('Home');
  await expect(first).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(first).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('ArrowDown');
  await expect(treeItem(page, /^Strengths we already have/)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(2)).toHaveAttribute('aria-level', '2');
  // Moving in the tree selects on the board.
  const selected = await page.evaluate(() => [...window.dreamboardDebug!.editor.state.selection]);
  expect(selected).toHaveLength(1);
  await expect(items.nth(2)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('End');
  await expect(items.last()).toBeFocused();
});

test('board selection highlights the outline row and opens the way to it', async ({ page }) => {
  await startWorkshop(page, 'Dream service model');
  await treeItem(page, /^Learning/).click();
  await page.keyboard.press('ArrowLeft'); // close the Learning frame
  const id = await page.evaluate(() => {
    const snap = window.dreamboardDebug!.session.snapshot();
    const frame = [...snap.frames.values()].find((f) => f.title === 'Learning')!;
    const card = [...snap.cards.values()].find((c) => c.frame === frame.id)!;
    window.dreamboardDebug!.editor.select([card.id]);
    return card.id;
  });
  const row = tree(page).locator(`[data-key="${id}"]`);
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await expect(row).toBeInViewport();
});

test('a card is connected, moved, renamed, re-kinded and deleted from the outline by keyboard', async ({
  page,
}) => {
  await startWorkshop(page, 'Dream service model');
  await focusRow(page, /^The dream/);
  await addHere(page, '6', 'Fewer evictions');
  await focusRow(page, /^Today: what happens now/);
  await addHere(page, '5', 'Tenancy sustainment');
  expect(await announcement(page)).toContain('Service card added in Today: what happens now');
  await expect(treeItem(page, /Service: Tenancy sustainment/)).toBeFocused();

  // Connect to…: search, choose, pick the kind.
  await page.keyboard.press('k');
  const connect = page.getByRole('dialog', { name: 'Connect to another card' });
  await expect(connect.getByRole('searchbox', { name: 'Find the other card' })).toBeFocused();
  await page.keyboard.type('evictions');
  await connect.getByRole('radio', { name: /Fewer evictions/ }).check();
  await connect.getByRole('combobox', { name: 'How are they connected?' }).selectOption('contributes-to');
  await connect.getByRole('button', { name: 'Connect' }).click();
  await expect(connect).toHaveCount(0);
  expect(await announcement(page)).toBe('Connected: Tenancy sustainment contributes to Fewer evictions');
  let doc = await docSummary(page);
  const service = doc.cards.find((c) => c.text === 'Tenancy sustainment')!;
  const outcome = doc.cards.find((c) => c.text === 'Fewer evictions')!;
  expect(doc.connectors).toMatchObject([{ from: service.id, to: outcome.id, kind: 'contributes-to' }]);
  await expect(treeItem(page, /Service: Tenancy sustainment, 1 connection/)).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(treeItem(page, 'contributes to: Fewer evictions')).toBeVisible();
  await expect(treeItem(page, 'Tenancy sustainment contributes to this')).toHaveCount(0); // The dream: Fewer evictions is closed

  // Move to…
  await page.keyboard.press('m');
  const move = page.getByRole('dialog', { name: 'Move this card to…' });
  await move.getByRole('radio', { name: 'Partners' }).check();
  await move.getByRole('button', { name: 'Move' }).click();
  doc = await docSummary(page);
  expect(doc.cards.find((c) => c.id === service.id)!.frame).toBe(
    doc.frames.find((f) => f.title === 'Partners')!.id,
  );
  expect(await announcement(page)).toBe('Card moved to Partners');
  await expect(treeItem(page, /^Partners, 2 cards/)).toBeVisible();

  // Enter edits the text in place.
  await expect(treeItem(page, /Service: Tenancy sustainment/)).toBeFocused();
  await page.keyboard.press('Enter');
  const edit = tree(page).getByRole('textbox');
  await expect(edit).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Tenancy support');
  await page.keyboard.press('Enter');
  await expect(treeItem(page, /Service: Tenancy support/)).toBeFocused();

  // T changes the kind.
  await page.keyboard.press('t');
  await page
    .getByRole('dialog', { name: 'Change the kind of card' })
    .getByRole('button', { name: /Partner/ })
    .click();
  await expect(treeItem(page, /Partner: Tenancy support/)).toBeFocused();

  // Delete, announced, and undone.
  await page.keyboard.press('Delete');
  expect(await announcement(page)).toBe('Deleted Partner card “Tenancy support”. Press Ctrl+Z to undo.');
  doc = await docSummary(page);
  expect(doc.cards.find((c) => c.id === service.id)).toBeUndefined();
  expect(doc.connectors).toEqual([]);
  await page.keyboard.press('Control+z');
  doc = await docSummary(page);
  expect(doc.cards.find((c) => c.id === service.id)).toMatchObject({
    kind: 'partner',
    text: 'Tenancy support',
  });
  expect(doc.connectors).toHaveLength(1);
});

test('a connection row can change kind and words, and be deleted', async ({ page }) => {
  await startWorkshop(page, 'Dream service model');
  await focusRow(page, /^Resources/);
  await addHere(page, '7', 'Housing budget');
  await addHere(page, '5', 'Floating support');
  await focusRow(page, /Resource: Housing budget/);
  await page.keyboard.press('k');
  const connect = page.getByRole('dialog', { name: 'Connect to another card' });
  await page.keyboard.type('floating');
  await connect.getByRole('radio', { name: /Floating support/ }).check();
  await connect.getByRole('combobox', { name: 'How are they connected?' }).selectOption('funds');
  await connect.getByRole('button', { name: 'Connect' }).click();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  const link = treeItem(page, 'funds: Floating support');
  await expect(link).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Change connection' });
  await dialog.getByRole('combobox', { name: 'Kind of connection' }).selectOption('depends-on');
  await dialog.getByRole('textbox', { name: /Words on the line/ }).fill('from April');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(treeItem(page, 'depends on: Floating support (from April)')).toBeFocused();
  expect((await docSummary(page)).connectors).toMatchObject([{ kind: 'depends-on', label: 'from April' }]);
  // One undo step for the whole dialog.
  await page.keyboard.press('Control+z');
  expect((await docSummary(page)).connectors).toMatchObject([{ kind: 'funds', label: '' }]);
  await page.keyboard.press('Control+Shift+z');
  await treeItem(page, /depends on: Floating support/).click();
  await page.keyboard.press('Delete');
  expect((await docSummary(page)).connectors).toEqual([]);
});

test('a frame is renamed from the outline with Enter', async ({ page }) => {
  await startWorkshop(page, 'Dream service model');
  await focusRow(page, /^Partners/);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Partners and allies');
  await page.keyboard.press('Enter');
  await expect(treeItem(page, /^Partners and allies/)).toBeFocused();
  expect((await docSummary(page)).frames.map((f) => f.title)).toContain('Partners and allies');
});
