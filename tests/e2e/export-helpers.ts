import { readFile } from 'node:fs/promises';
import { expect, type Download, type Page } from '@playwright/test';
import { docSummary, seedRaw, startWorkshop, type RawRecord } from './helpers';

const base = {
  w: 240,
  h: 140,
  frame: null,
  fields: {},
  createdBy: 'workshop',
  createdRole: null,
  createdAt: 1_760_000_000_000,
};

/** Cards every export spec looks for; the outcome has nothing contributing to it, so the plan flags it. */
export const CARDS = {
  outcome: { id: 'cardOutcome', kind: 'outcome', text: 'Fewer evictions', x: 4000, y: 0, z: 'x0' },
  need: { id: 'cardNeed', kind: 'need', text: 'Somewhere safe to sleep tonight', x: 4300, y: 0, z: 'x1' },
  service: {
    id: 'cardService',
    kind: 'service',
    text: 'Early help from the housing team',
    x: 4000,
    y: 200,
    z: 'x2',
  },
  outcome2: {
    id: 'cardOutcome2',
    kind: 'outcome',
    text: 'People stay in their homes',
    x: 4300,
    y: 200,
    z: 'x3',
  },
} as const;

/** A workshop from the template plus four loose cards and one link (the service contributes to the second outcome). */
export async function startExportWorkshop(page: Page): Promise<void> {
  await startWorkshop(page, 'Dream service model');
  const cards: RawRecord[] = Object.values(CARDS).map((c) => ({ ...base, ...c }));
  await seedRaw(page, {
    cards,
    connectors: [
      { id: 'linkHelp', from: CARDS.service.id, to: CARDS.outcome2.id, kind: 'contributes-to', label: '' },
    ],
  });
  await expect
    .poll(async () => (await docSummary(page)).cards.some((c) => c.id === CARDS.outcome.id))
    .toBe(true);
}

/** Opens File → Export… (the File button's list, as in the browser build). */
export async function openExportDialog(page: Page) {
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog).toBeVisible();
  return dialog;
}

export async function downloadedBytes(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFile(path);
}
