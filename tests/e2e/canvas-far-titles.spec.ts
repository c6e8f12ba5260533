import { expect, test } from '@playwright/test';
import { ARTIFACTS, pageErrors, pixelAt, startWorkshop } from './helpers';

test('zoomed far out, a frame’s title bar is drawn over the cards at its top, so its name stays readable', async ({
  page,
}) => {
  await startWorkshop(page, 'Dream service model');
  // The template puts a prompt note at the top-left of each frame, just under the title bar.
  const note = await page.evaluate(() => {
    const { editor } = window.dreamboardDebug!;
    const card = [...editor.snapshot.cards.values()].find((c) => c.kind === 'note' && c.frame)!;
    editor.setCamera({ x: 200 - card.x * 0.1, y: 200 - card.y * 0.1, zoom: 0.1 });
    return { x: card.x, y: card.y, w: card.w };
  });
  // Near the note's top-right corner: inside the grown title bar, away from the title's text.
  const point = { x: note.x + note.w - 8, y: note.y + 8 };
  await expect.poll(() => pixelAt(page, point)).toBe('#E4E9EE');
  await page.screenshot({ path: `${ARTIFACTS}/canvas-far-titles.png` });
  expect(pageErrors(page)).toEqual([]);
});
