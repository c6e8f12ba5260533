import { expect, test, type Page } from '@playwright/test';
import { ARTIFACTS, announcement, docSummary, pageErrors } from './helpers';
import { downloadedBytes, openExportDialog, startExportWorkshop } from './export-helpers';

async function importCanvas(page: Page, name: string, bytes: Buffer): Promise<void> {
  await page.getByRole('button', { name: 'File', exact: true }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import JSON Canvas…' }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: bytes });
}

test('a JSON Canvas export imported again adds the same cards, selected, in one undo step', async ({
  page,
}) => {
  await startExportWorkshop(page);
  const before = await docSummary(page);
  const dialog = await openExportDialog(page);
  await dialog.getByRole('radio', { name: /JSON Canvas/ }).check();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('dream-service-model.canvas');
  const canvas = await downloadedBytes(file);
  await dialog.getByRole('button', { name: 'Close' }).last().click();

  await importCanvas(page, 'dream-service-model.canvas', canvas);
  await expect.poll(async () => (await docSummary(page)).cards.length).toBe(before.cards.length * 2);
  const after = await docSummary(page);
  expect(after.frames.length).toBe(before.frames.length * 2);
  expect(after.connectors.length).toBe(before.connectors.length * 2);
  // The same words, twice over.
  const texts = (s: typeof before) => s.cards.map((c) => c.text).sort();
  expect(texts(after)).toEqual([...texts(before), ...texts(before)].sort());
  // What was added is selected (and zoomed to), and placed to the right of what was there.
  const placed = await page.evaluate(
    (oldIds) => {
      const { editor } = window.dreamboardDebug!;
      const snap = editor.snapshot;
      const selected = [...editor.state.selection];
      const oldRight = Math.max(
        ...oldIds.map((id) => {
          const r = snap.cards.get(id as never) ?? snap.frames.get(id as never);
          return r ? r.x + r.w : -Infinity;
        }),
      );
      const newLeft = Math.min(
        ...selected.map((id) => (snap.cards.get(id as never) ?? snap.frames.get(id as never))?.x ?? Infinity),
      );
      return {
        selected: selected.length,
        oldRight,
        newLeft,
        anyOld: selected.some((id) => oldIds.includes(id)),
      };
    },
    [...before.cards.map((c) => c.id), ...before.frames.map((f) => f.id)],
  );
  expect(placed.selected).toBe(before.cards.length + before.frames.length);
  expect(placed.anyOld).toBe(false);
  expect(placed.newLeft).toBeGreaterThan(placed.oldRight);
  await expect.poll(() => announcement(page)).toContain(`Added ${before.cards.length} cards`);
  await page.screenshot({ path: `${ARTIFACTS}/export-canvas-imported.png` });

  // One undo takes the whole import away.
  await page.evaluate(() => window.dreamboardDebug!.editor.undo());
  expect((await docSummary(page)).cards.length).toBe(before.cards.length);
  expect(pageErrors(page)).toEqual([]);
});

test('a hostile canvas file is refused whole with the importer’s message, and nothing changes', async ({
  page,
}) => {
  await startExportWorkshop(page);
  const before = await docSummary(page);
  const hostile = Buffer.from(
    '{"nodes":[{"id":"a","type":"text","text":"ok","x":0,"y":0,"width":100,"height":50},' +
      '{"id":"b","type":"text","text":"hi","x":0,"y":0,"width":100,"height":50,"__proto__":{"polluted":true}}],"edges":[]}',
  );
  await importCanvas(page, 'evil.canvas', hostile);
  const dialog = page.getByRole('dialog', { name: 'That file could not be imported' });
  await expect(dialog.getByRole('alert')).toContainText(/__proto__/);
  await expect(dialog).toContainText('Nothing was added to the board.');
  await page.screenshot({ path: `${ARTIFACTS}/export-canvas-refused.png` });
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(dialog).toHaveCount(0);
  expect(await docSummary(page)).toEqual(before);
  expect(await page.evaluate(() => (({}) as Record<string, unknown>)['polluted'])).toBeUndefined();

  // Not JSON at all: the same, with its own sentence.
  await importCanvas(page, 'notes.canvas', Buffer.from('These are my notes'));
  await expect(
    page.getByRole('dialog', { name: 'That file could not be imported' }).getByRole('alert'),
  ).toContainText(/not JSON|could not be read|JSON/i);
  expect(await docSummary(page)).toEqual(before);
});
