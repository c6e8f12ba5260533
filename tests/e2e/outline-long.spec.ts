import { expect, test } from '@playwright/test';
import { zKeysBetween } from '../../shared/doc';
import { seedRaw, startWorkshop, tree, type RawRecord } from './helpers';

const CARDS = 2000;

/** 2,000 notes in no frame, named in z order ("Card 0001" is first in the outline). */
function longBoard(): RawRecord[] {
  const zs = zKeysBetween(null, null, CARDS);
  return zs.map((z, i) => ({
    id: `long${i}`,
    kind: 'note',
    x: (i % 50) * 240,
    y: Math.floor(i / 50) * 160,
    w: 200,
    h: 120,
    z,
    text: `Card ${String(i + 1).padStart(4, '0')}`,
    frame: null,
    fields: {},
    createdBy: 'workshop',
    createdRole: null,
    createdAt: 1_760_000_000_000,
  }));
}

test('a long outline mounts only the rows near its viewport, and the arrow keys still reach every card', async ({
  page,
}) => {
  await startWorkshop(page, 'Blank');
  await seedRaw(page, { cards: longBoard() });
  const items = tree(page).getByRole('treeitem');
  const group = items.filter({ hasText: `Not in a frame, ${CARDS} cards` });
  await expect(group).toHaveAttribute('aria-expanded', 'true');
  const mounted = await items.count();
  expect(mounted).toBeGreaterThan(5);
  expect(mounted).toBeLessThan(CARDS / 10);

  // Keyboard only, from the group row: down through the list, well past the first screenful.
  await group.click();
  await expect(group).toBeFocused();
  const steps = 150;
  for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowDown');
  const focused = tree(page).locator('[role="treeitem"]:focus');
  await expect(focused).toHaveText(/Card 0150/);
  await expect(focused).toHaveAttribute('aria-posinset', '150');
  await expect(focused).toHaveAttribute('aria-setsize', String(CARDS));
  await expect(focused).toHaveAttribute('aria-level', '2');
  await expect(focused).toHaveAttribute('tabindex', '0');
  await expect(focused).toBeInViewport();
  // Moving in the tree selects on the board, as on short boards.
  expect(await page.evaluate(() => [...window.dreamboardDebug!.editor.state.selection])).toEqual(['long149']);
  // The rows that scrolled away were let go; the ones now in view were mounted.
  await expect(items.filter({ hasText: /^Card 0001$/ })).toHaveCount(0);
  expect(await items.count()).toBeLessThan(CARDS / 10);

  // End reaches the last card; a single tab stop throughout.
  await page.keyboard.press('End');
  await expect(focused).toHaveText(/Card 2000/);
  await expect(focused).toBeInViewport();
  await expect(tree(page).locator('[tabindex="0"]')).toHaveCount(1);
  await page.keyboard.press('Home');
  await expect(group).toBeFocused();
});
