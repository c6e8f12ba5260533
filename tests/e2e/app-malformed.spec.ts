import { expect, test } from '@playwright/test';
import { docSummary, seedRaw, startWorkshop, treeItem } from './helpers';

test('a document with malformed records shows the rest and says how many could not be shown', async ({
  page,
}) => {
  await startWorkshop(page, 'Dream service model');
  const before = await docSummary(page);
  const good = before.cards[0]!;
  const base = {
    w: 200,
    h: 120,
    z: 'a0',
    frame: null,
    fields: {},
    createdBy: 'peer',
    createdRole: null,
    createdAt: 1,
  };
  await seedRaw(
    page,
    {
      cards: [
        { ...base, id: 'okCard', kind: 'need', x: 5000, y: 0, text: 'A good card from a peer' },
        { ...base, id: 'badKind', kind: 'wizard', x: 0, y: 0, text: 'unknown kind' },
        { ...base, id: 'badCoords', kind: 'need', x: Number.NaN, y: 1e300, text: 'nowhere' },
        { ...base, id: 'badTypes', kind: 'note', x: 0, y: 0, text: 42, fields: { whose: { nested: true } } },
        { ...base, id: 'hugeText', kind: 'note', x: 0, y: 0, text: 'x'.repeat(1_000_000) },
      ],
      connectors: [
        { id: 'danglingLink', from: good.id, to: 'missingCard', kind: 'contributes-to', label: '' },
      ],
    },
    false,
  );
  const notice = page.getByRole('note').filter({ hasText: 'could not be shown' });
  await expect(notice).toContainText('5 items could not be shown');
  await notice.getByText('5 items could not be shown').click();
  await expect(notice.getByRole('listitem')).toHaveText([
    '4 cards: have information Dreamboard cannot read',
    '1 connection: links to something that is missing',
  ]);
  // Never the raw content.
  await expect(notice).not.toContainText('wizard');
  await expect(notice).not.toContainText('xxxx');
  // Everything else still shows and works.
  await expect(treeItem(page, /Need: A good card from a peer/)).toBeVisible();
  await expect(treeItem(page, /^People and what matters/)).toBeVisible();
  const after = await docSummary(page);
  expect(after.cards.length).toBe(before.cards.length + 1);
  expect(after.quarantine).toBe(5);
  await page.getByRole('button', { name: 'Add a note card' }).click();
  await page.keyboard.type('Still editable');
  await page.keyboard.press('Escape');
  expect((await docSummary(page)).cards.map((c) => c.text)).toContain('Still editable');
});

test('a workshop from a newer Dreamboard opens read-only with a plain message', async ({ page }) => {
  await startWorkshop(page, 'Dream service model');
  await page.evaluate(() => {
    const doc = window.dreamboardDebug!.session.doc;
    doc.transact(() => doc.getMap('meta').set('schemaVersion', 999), 'dreamboard:load');
  });
  await expect(page.getByRole('note').filter({ hasText: 'Read only' })).toContainText(
    'This workshop was made with a newer version of Dreamboard. Update Dreamboard to edit it.',
  );
  const before = await docSummary(page);
  await page.getByRole('application', { name: 'Workshop board' }).focus();
  await page.keyboard.press('1');
  expect(await docSummary(page)).toEqual(before);
  await expect(
    page.getByRole('region', { name: 'Details' }).getByRole('textbox', { name: 'Workshop title' }),
  ).toBeDisabled();
});
