import { expect, test, type Page } from '@playwright/test';
import { ARTIFACTS, docSummary, pageErrors, pixelAt, startWorkshop } from './helpers';

/**
 * The board driven by a real mouse and keyboard in Chromium: gestures go through the DOM events,
 * the InputController, the tools and the commands, and the document is read back via the debug hook.
 */

interface World {
  x: number;
  y: number;
}

/** A blank workshop with the camera at zoom 1 and world (0, 0) at the board's top-left corner. */
async function blankBoard(page: Page): Promise<void> {
  await startWorkshop(page, 'Blank');
  await page.evaluate(() => window.dreamboardDebug!.editor.setCamera({ x: 0, y: 0, zoom: 1 }));
}

/** Page coordinates of a world point under the current camera. */
async function at(page: Page, p: World): Promise<World> {
  const box = (await page.getByRole('application', { name: 'Workshop board' }).boundingBox())!;
  const cam = await page.evaluate(() => window.dreamboardDebug!.editor.state.camera);
  return { x: box.x + cam.x + p.x * cam.zoom, y: box.y + cam.y + p.y * cam.zoom };
}

async function drag(page: Page, from: World, to: World): Promise<void> {
  const a = await at(page, from);
  const b = await at(page, to);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(b.x, b.y, { steps: 8 });
  await page.mouse.up();
}

/** Double-clicks empty canvas to add a card centred there, types its words and finishes with Escape. */
async function addCardAt(page: Page, centre: World, text: string): Promise<string> {
  const p = await at(page, centre);
  await page.mouse.dblclick(p.x, p.y);
  const field = page.getByRole('textbox', { name: /Words on the .* card/ });
  await expect(field).toBeFocused();
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
  await expect(field).toHaveCount(0);
  const summary = await docSummary(page);
  return summary.cards.find((c) => c.text === text)!.id;
}

const cardBox = (page: Page, id: string) =>
  page.evaluate((id) => {
    const c = window.dreamboardDebug!.editor.card(id)!;
    return { x: c.x, y: c.y, w: c.w, h: c.h, frame: c.frame };
  }, id);

test.afterEach(async ({ page }) => {
  expect(pageErrors(page)).toEqual([]);
});

test('a card typed in place and dragged into a frame joins it, and one undo puts it back', async ({
  page,
}) => {
  await blankBoard(page);
  await page.getByRole('button', { name: /^Frame/ }).click();
  await drag(page, { x: 500, y: 60 }, { x: 1000, y: 460 });
  const title = page.getByRole('textbox', { name: 'Frame title' });
  await expect(title).toBeFocused();
  await page.keyboard.type('The dream');
  await page.keyboard.press('Enter');
  const frame = (await docSummary(page)).frames[0]!;
  expect(frame.title).toBe('The dream');

  const id = await addCardAt(page, { x: 200, y: 200 }, 'A safe place to stay');
  expect(await cardBox(page, id)).toMatchObject({ x: 100, y: 140, frame: null });

  await drag(page, { x: 200, y: 200 }, { x: 700, y: 260 });
  expect(await cardBox(page, id)).toMatchObject({ x: 600, y: 200, frame: frame.id });
  await page.screenshot({ path: `${ARTIFACTS}/canvas-board.png` });

  await page.keyboard.press('Control+z');
  expect(await cardBox(page, id)).toMatchObject({ x: 100, y: 140, frame: null });
  expect((await docSummary(page)).cards[0]!.text).toBe('A safe place to stay');
});

test('a marquee from empty canvas selects the cards it touches', async ({ page }) => {
  await blankBoard(page);
  const a = await addCardAt(page, { x: 200, y: 200 }, 'one');
  const b = await addCardAt(page, { x: 450, y: 200 }, 'two');
  await addCardAt(page, { x: 200, y: 500 }, 'three');
  await drag(page, { x: 50, y: 100 }, { x: 500, y: 250 });
  const selected = await page.evaluate(() => [...window.dreamboardDebug!.editor.state.selection].sort());
  expect(selected).toEqual([a, b].sort());
});

test('a selected card is resized by its corner handle', async ({ page }) => {
  await blankBoard(page);
  const id = await addCardAt(page, { x: 300, y: 300 }, 'grow me');
  const before = await cardBox(page, id);
  const corner = { x: before.x + before.w, y: before.y + before.h };
  await drag(page, corner, { x: corner.x + 120, y: corner.y + 80 });
  expect(await cardBox(page, id)).toMatchObject({
    x: before.x,
    y: before.y,
    w: before.w + 120,
    h: before.h + 80,
  });
});

test('dragging from a card’s connection handle to another card connects them', async ({ page }) => {
  await blankBoard(page);
  const a = await addCardAt(page, { x: 200, y: 300 }, 'Need');
  const b = await addCardAt(page, { x: 700, y: 300 }, 'Outcome');
  const p = await at(page, { x: 200, y: 300 });
  await page.mouse.click(p.x, p.y);
  const box = await cardBox(page, a);
  // The right-hand connection handle sits 22 px outside the middle of the right edge.
  await drag(page, { x: box.x + box.w + 22, y: box.y + box.h / 2 }, { x: 700, y: 300 });
  const { connectors } = await docSummary(page);
  expect(connectors).toMatchObject([{ from: a, to: b, kind: 'contributes-to' }]);
});

test('space-drag pans the view and Ctrl+wheel zooms around the cursor', async ({ page }) => {
  await blankBoard(page);
  await addCardAt(page, { x: 300, y: 300 }, 'anchor');
  await page.getByRole('application', { name: 'Workshop board' }).focus();
  await page.keyboard.down(' ');
  await drag(page, { x: 400, y: 400 }, { x: 500, y: 450 });
  await page.keyboard.up(' ');
  const panned = await page.evaluate(() => window.dreamboardDebug!.editor.state);
  expect(panned.camera).toEqual({ x: 100, y: 50, zoom: 1 });
  expect(panned.toolPath).toBe('select.idle');

  const cursor = await at(page, { x: 300, y: 300 });
  await page.mouse.move(cursor.x, cursor.y);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -100);
  await page.keyboard.up('Control');
  await expect
    .poll(() => page.evaluate(() => window.dreamboardDebug!.editor.state.camera.zoom))
    .toBeGreaterThan(1.3);
  // The world point under the cursor stays under the cursor.
  const after = await at(page, { x: 300, y: 300 });
  expect(after.x).toBeCloseTo(cursor.x, 0);
  expect(after.y).toBeCloseTo(cursor.y, 0);

  await page.mouse.wheel(0, 200);
  const cam = await page.evaluate(() => window.dreamboardDebug!.editor.state.camera);
  expect(cam.y).toBeLessThan(panned.camera.y);
});

test('cards are drawn in their kind’s colours at every level of detail', async ({ page }) => {
  await blankBoard(page);
  const a = await addCardAt(page, { x: 300, y: 300 }, 'kind colours');
  const b = await addCardAt(page, { x: 800, y: 300 }, 'linked');
  const box = await cardBox(page, a);
  await page.evaluate(
    ([from, to]) => {
      const { editor } = window.dreamboardDebug!;
      editor.select([from!, to!]);
    },
    [a, b],
  );
  await page.keyboard.press('l');
  await page.keyboard.press('Escape');
  expect((await docSummary(page)).connectors).toHaveLength(1);
  // A point in the card's empty lower-right corner: fill at zoom 1 and 0.3, accent when far out.
  const inside = { x: box.x + box.w - 12, y: box.y + box.h - 12 };
  const zoomTo = (zoom: number) =>
    page.evaluate((zoom) => {
      window.dreamboardDebug!.editor.setCamera({ x: 100, y: 100, zoom });
    }, zoom);
  for (const [zoom, colour] of [
    [1, '#FDE2E4'],
    [0.3, '#FDE2E4'],
    [0.1, '#B3261E'],
  ] as const) {
    await zoomTo(zoom);
    await expect.poll(() => pixelAt(page, inside)).toBe(colour);
    await page.screenshot({ path: `${ARTIFACTS}/canvas-zoom-${zoom}.png` });
  }
});

test('typing in place is kept when the person clicks away, and Enter makes a new line in a card', async ({
  page,
}) => {
  await blankBoard(page);
  const p = await at(page, { x: 300, y: 300 });
  await page.mouse.dblclick(p.x, p.y);
  await page.keyboard.type('first line');
  await page.keyboard.press('Enter');
  await page.keyboard.type('second');
  const away = await at(page, { x: 700, y: 600 });
  await page.mouse.click(away.x, away.y);
  await expect(page.getByRole('textbox', { name: /Words on the/ })).toHaveCount(0);
  const { cards } = await docSummary(page);
  expect(cards.map((c) => c.text)).toEqual(['first line\nsecond']);
  // Typing and committing was one step: undo removes the text, not the card.
  await page.keyboard.press('Control+z');
  expect((await docSummary(page)).cards.map((c) => c.text)).toEqual(['']);
});
