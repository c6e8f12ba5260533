import { expect, test } from '@playwright/test';
import { CARD_KINDS, CONNECTOR_KINDS } from '../../shared/model';
import { ARTIFACTS, docSummary, seedRaw, startWorkshop, treeItem, type RawRecord } from './helpers';
import { BUSY_FRAMES, BUSY_LINKS } from './busy-board';

const B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

test('a busy board of every kind of card with connections renders and lists everything', async ({ page }) => {
  await startWorkshop(page, 'Dream service model');
  const frames = (await page.evaluate(() =>
    [...window.dreamboardDebug!.session.snapshot().frames.values()].map((f) => ({ id: f.id, title: f.title, x: f.x, y: f.y })),
  )) as { id: string; title: string; x: number; y: number }[];
  const ids = new Map<string, string>();
  const cards: RawRecord[] = [];
  let n = 0;
  for (const frame of frames) {
    for (const [i, c] of (BUSY_FRAMES[frame.title] ?? []).entries()) {
      const id = `busy${String(n).padStart(3, '0')}`;
      ids.set(c.key, id);
      // Two rows of cards under the template's prompt note.
      const col = i < 3 ? i : i - 3;
      const row = i < 3 ? 0 : 1;
      cards.push({
        id,
        kind: c.kind,
        x: frame.x + 40 + col * 340 + (row === 1 ? 170 : 0),
        y: frame.y + 280 + row * 200,
        w: 300,
        h: 160,
        z: `b${B62[Math.floor(n / 62)]}${B62[n % 62]}`,
        text: c.text,
        frame: frame.id,
        fields: c.fields ?? {},
        createdBy: 'workshop',
        createdRole: null,
        createdAt: 1_760_000_000_000,
      });
      n++;
    }
  }
  const connectors = BUSY_LINKS.map(([from, to, kind, label], i) => ({ id: `link${i}`, from: ids.get(from)!, to: ids.get(to)!, kind, label: label ?? '' }));
  await seedRaw(page, { cards, connectors });
  await page.evaluate(() => {
    const editor = window.dreamboardDebug!.editor;
    editor.store.set({ selection: new Set() });
    editor.zoomToFit();
  });

  const doc = await docSummary(page);
  expect(await page.evaluate(() => window.dreamboardDebug!.session.snapshot().quarantine)).toEqual([]);
  expect(doc.cards.length).toBeGreaterThanOrEqual(40 + 9);
  expect(new Set(doc.cards.map((c) => c.kind))).toEqual(new Set(CARD_KINDS));
  expect(new Set(doc.connectors.map((c) => c.kind))).toEqual(new Set(CONNECTOR_KINDS));
  await expect(treeItem(page, /Outcome: One conversation, not five, 2 connections/)).toBeVisible();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${ARTIFACTS}/busy-canvas.png` });

  // Closer in, with a card selected, so the details panel and the card faces can be checked by eye.
  await treeItem(page, /Barrier: Local connection rule/).click();
  await page.evaluate(() => {
    const editor = window.dreamboardDebug!.editor;
    editor.zoomTo(0.6);
    editor.reveal([...editor.state.selection][0]!);
  });
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${ARTIFACTS}/busy-canvas-close.png` });
});
