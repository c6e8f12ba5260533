import { expect, test, type Page } from '@playwright/test';
import { docSummary, startWorkshop, treeItem } from './helpers';

const details = (page: Page) => page.getByRole('region', { name: 'Details' });

async function addOutcome(page: Page, text: string) {
  await page.getByRole('button', { name: 'Add a outcome card' }).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
}

test('the inspector edits text, kind and fields, one undo step per committed edit', async ({ page }) => {
  await startWorkshop(page, 'Blank');
  await addOutcome(page, 'Fewer evictions');
  const d = details(page);
  const text = d.getByRole('textbox', { name: 'What the card says' });
  await expect(text).toHaveValue('Fewer evictions');

  // Typing is one edit, committed when leaving the field.
  await text.fill('Fewer families evicted');
  await text.press('Tab');
  await d
    .getByRole('combobox', { name: 'When we expect it' })
    .selectOption({ label: 'Medium term (1–3 years)' });
  const indicator = d.getByRole('textbox', { name: /How we will know/ });
  await indicator.fill('Evictions per quarter');
  await indicator.press('Enter');
  await d.getByRole('combobox', { name: 'Where this comes from' }).selectOption('data');

  let doc = await docSummary(page);
  expect(doc.cards[0]).toMatchObject({
    kind: 'outcome',
    text: 'Fewer families evicted',
    fields: { horizon: 'medium', indicator: 'Evictions per quarter', evidence: 'data' },
  });

  // Changing kind keeps the fields; the new kind's fields appear.
  await d.getByRole('combobox', { name: /Kind of card/ }).selectOption({ label: 'Barrier' });
  await d.getByRole('checkbox', { name: 'This is an eligibility rule (a threshold)' }).check();
  await d.getByRole('combobox', { name: 'What we propose' }).selectOption('test-removing');
  doc = await docSummary(page);
  expect(doc.cards[0]).toMatchObject({
    kind: 'barrier',
    fields: { horizon: 'medium', isThreshold: true, proposal: 'test-removing' },
  });

  // Each committed edit is exactly one undo step.
  await page.getByRole('button', { name: 'Undo' }).click(); // proposal
  expect((await docSummary(page)).cards[0]!.fields.proposal).toBeUndefined();
  await page.getByRole('button', { name: 'Undo' }).click(); // threshold
  await page.getByRole('button', { name: 'Undo' }).click(); // kind
  expect((await docSummary(page)).cards[0]).toMatchObject({ kind: 'outcome', fields: { evidence: 'data' } });
  await page.getByRole('button', { name: 'Undo' }).click(); // evidence
  await page.getByRole('button', { name: 'Undo' }).click(); // indicator
  await page.getByRole('button', { name: 'Undo' }).click(); // horizon
  await page.getByRole('button', { name: 'Undo' }).click(); // text
  expect((await docSummary(page)).cards[0]).toMatchObject({ text: 'Fewer evictions', fields: {} });
});

test('dates, long text and the frame a card is in are edited with labelled controls', async ({ page }) => {
  await startWorkshop(page, 'Dream service model');
  await page.getByRole('button', { name: 'Add a learning card' }).click();
  await page.keyboard.type('Drop the local connection rule for 6 months');
  await page.keyboard.press('Escape');
  const d = details(page);
  await d.getByRole('textbox', { name: 'Review date' }).fill('2026-03-31');
  await d.getByRole('textbox', { name: 'Review date' }).press('Tab');
  await d.getByRole('textbox', { name: 'What we will watch' }).fill('How many people are turned away');
  await d.getByRole('textbox', { name: 'What we will watch' }).press('Tab');
  await d.getByRole('combobox', { name: 'Frame it is in' }).selectOption({ label: 'Learning' });
  const doc = await docSummary(page);
  const card = doc.cards.find((c) => c.kind === 'learning')!;
  expect(card.fields).toMatchObject({ reviewDate: '2026-03-31', watch: 'How many people are turned away' });
  expect(card.frame).toBe(doc.frames.find((f) => f.title === 'Learning')!.id);
  await expect(treeItem(page, /^Learning, 2 cards/)).toBeVisible();
  await expect(d.getByText(/Added by you on/)).toBeVisible();
});

test('undo and redo restore the document exactly', async ({ page }) => {
  await startWorkshop(page, 'Dream service model');
  const before = await docSummary(page);
  await addOutcome(page, 'People stay housed');
  await page.getByRole('button', { name: 'Add a need card' }).click();
  await page.keyboard.type('Somewhere safe tonight');
  await page.keyboard.press('Escape');
  await details(page).getByRole('combobox', { name: 'Whose need' }).selectOption('lived-experience');
  await page.getByRole('application', { name: 'Workshop board' }).focus();
  await page.keyboard.press('Delete');
  const after = await docSummary(page);
  expect(after.cards.length).toBe(before.cards.length + 1);

  const steps = 6; // outcome add + text, need add + text, field, delete
  for (let i = 0; i < steps; i++) await page.keyboard.press('Control+z');
  expect(await docSummary(page)).toEqual(before);
  for (let i = 0; i < steps; i++) await page.keyboard.press('Control+Shift+z');
  expect(await docSummary(page)).toEqual(after);
});

test('several selected cards can change kind together, be lined up and deleted', async ({ page }) => {
  await startWorkshop(page, 'Blank');
  await addOutcome(page, 'One');
  await addOutcome(page, 'Two');
  await page.getByRole('application', { name: 'Workshop board' }).focus();
  await page.keyboard.press('Control+a');
  const d = details(page);
  await expect(d.getByText('2 items selected')).toBeVisible();
  await d
    .getByRole('combobox', { name: 'Change the kind of all selected cards' })
    .selectOption({ label: 'Need' });
  expect((await docSummary(page)).cards.map((c) => c.kind)).toEqual(['need', 'need']);
  await d.getByRole('button', { name: 'Top edges' }).click();
  const ys = await page.evaluate(() =>
    [...window.dreamboardDebug!.session.snapshot().cards.values()].map((c) => c.y),
  );
  expect(ys[0]).toBe(ys[1]);
  await d.getByRole('button', { name: 'Delete 2 items' }).click();
  expect((await docSummary(page)).cards).toEqual([]);
});
