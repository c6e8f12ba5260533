import { expect, test, type Page } from '@playwright/test';
import { CARD_KINDS, CARD_KIND_INFO } from '../../shared/model';
import { announcement, docSummary, startWorkshop, tabUntil, tree, treeItem } from './helpers';

const palette = (page: Page) => page.getByRole('toolbar', { name: 'Tools and cards' });

test('every kind of card can be added with the mouse from the palette, then typed into', async ({ page }) => {
  await startWorkshop(page, 'Blank');
  for (const kind of CARD_KINDS) {
    const label = CARD_KIND_INFO[kind].label;
    await palette(page)
      .getByRole('button', { name: `Add a ${label.toLowerCase()} card` })
      .click();
    // The new card opens for typing straight away.
    await expect(page.getByRole('textbox', { name: `Words on the ${label} card` })).toBeFocused();
    await page.keyboard.type(`${label} by mouse`);
    await page.keyboard.press('Escape');
  }
  const doc = await docSummary(page);
  expect(doc.cards.map((c) => [c.kind, c.text]).sort()).toEqual(
    CARD_KINDS.map((k) => [k, `${CARD_KIND_INFO[k].label} by mouse`]).sort(),
  );
  await expect(treeItem(page, /Next step: Next step by mouse/)).toBeVisible();
});

test('every kind of card can be added with the keyboard alone: palette, number keys and the outline', async ({
  page,
}) => {
  await startWorkshop(page, 'Dream service model');
  // Palette: one tab stop, arrows move within it, Enter adds.
  await tabUntil(page, '.palette-button');
  await page.keyboard.press('End');
  await expect(page.getByRole('button', { name: 'Add a note card' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('button', { name: 'Add a next step card' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.type('Agree the pilot');
  await page.keyboard.press('Escape');
  // Escape hands focus to the board, where the kind keys add cards.
  await expect(page.getByRole('application', { name: 'Workshop board' })).toBeFocused();
  for (const kind of CARD_KINDS.filter((k) => k !== 'action' && k !== 'note')) {
    await page.keyboard.press(CARD_KIND_INFO[kind].key);
    await page.keyboard.type(`${CARD_KIND_INFO[kind].label} by key`);
    await page.keyboard.press('Escape');
  }
  // The outline: Ctrl+2 goes there; A on a frame adds a card to it.
  await page.keyboard.press('Control+2');
  await expect(tree(page).locator('[role="treeitem"]:focus')).toHaveCount(1);
  await page.keyboard.press('Home');
  await expect(treeItem(page, /^People and what matters/)).toBeFocused();
  await page.keyboard.press('a');
  const dialog = page.getByRole('dialog', { name: /Add a card to People and what matters/ });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('n'); // each kind's key picks it, as on the board
  await page.keyboard.press('Tab');
  await page.keyboard.type('Ask people at the drop-in');
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  expect(await announcement(page)).toContain('Note card added in People and what matters');

  const doc = await docSummary(page);
  const texts = doc.cards.map((c) => c.text);
  expect(texts).toContain('Agree the pilot');
  for (const kind of CARD_KINDS.filter((k) => k !== 'action' && k !== 'note'))
    expect(texts).toContain(`${CARD_KIND_INFO[kind].label} by key`);
  const added = doc.cards.find((c) => c.text === 'Ask people at the drop-in')!;
  expect(added.kind).toBe('note');
  expect(added.frame).toBe(doc.frames.find((f) => f.title === 'People and what matters')!.id);
  // Focus came back to the outline.
  await expect(tree(page).locator('[tabindex="0"]')).toBeFocused();
});

test('the card chooser (C) picks a kind by number key and adds the card', async ({ page }) => {
  await startWorkshop(page, 'Blank');
  await page.getByRole('application', { name: 'Workshop board' }).focus();
  await page.keyboard.press('c');
  const chooser = page.getByRole('dialog', { name: 'Add a card' });
  await expect(chooser).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(chooser.getByRole('button', { name: /Strength/ })).toBeFocused();
  await page.keyboard.press('6');
  await expect(chooser).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Words on the Outcome card' })).toBeFocused();
  await page.keyboard.type('Fewer evictions');
  await page.keyboard.press('Escape');
  expect((await docSummary(page)).cards).toMatchObject([{ kind: 'outcome', text: 'Fewer evictions' }]);
});

test('the shortcut sheet opens with ?, lists the catalog and closes with Escape, returning focus', async ({
  page,
}) => {
  await startWorkshop(page, 'Blank');
  const board = page.getByRole('application', { name: 'Workshop board' });
  await board.focus();
  await page.keyboard.press('Shift+?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole('rowheader', { name: 'Undo', exact: true }).first()).toBeVisible();
  await expect(sheet.getByRole('rowheader', { name: 'Add a need card' })).toBeVisible();
  await expect(sheet.getByRole('rowheader', { name: 'Connect a card to another card' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);
  await expect(board).toBeFocused();
});
