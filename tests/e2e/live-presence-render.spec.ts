import { expect, test, type Page } from '@playwright/test';
// For its `window.dreamboardLive` declaration.
import type {} from '../../renderer/canvas/presence-source';
import type { LiveState, Participant } from '../../renderer/live/types';
import type { PresenceState } from '../../shared/live/presence';
import { pageErrors, seedRaw, startWorkshop, type RawRecord } from './helpers';

/**
 * Other people's presence on the board, without real peers: the `?debug=1` hook
 * (`window.dreamboardLive`, renderer/canvas/presence-source.ts) sets the live controller's state
 * as the controller would after validating peers' awareness, and records what the board publishes.
 * The two-peer end-to-end test comes with the controller.
 */

declare global {
  interface Window {
    snapshotBeforePresence?: { snapshot: unknown; undo: number };
  }
}

const BOARD = '.db-board';

function person(clientId: number, presence: Partial<PresenceState> | null): Participant {
  return {
    clientId,
    direct: true,
    presence: presence && {
      name: `Person ${clientId}`,
      colour: '#2E7D32',
      role: 'frontline',
      cursor: null,
      selection: [],
      viewport: null,
      connection: 'connected',
      ...presence,
    },
  };
}

async function setLive(page: Page, state: Partial<LiveState>): Promise<void> {
  await page.evaluate((s) => window.dreamboardLive!.store.set(s), state);
}

const canvasCount = (page: Page) => page.locator(`${BOARD} canvas`).count();

/** The colour of the presence layer (the board's second canvas) at a screen point of the board. */
async function presencePixel(page: Page, p: { x: number; y: number }): Promise<string> {
  return page.evaluate(({ x, y }) => {
    const canvas = document.querySelectorAll<HTMLCanvasElement>('.db-board canvas')[1]!;
    const ratio = canvas.width / canvas.clientWidth;
    const [r, g, b, a] = canvas
      .getContext('2d')!
      .getImageData(Math.round(x * ratio), Math.round(y * ratio), 1, 1).data;
    if (a === 0) return 'transparent';
    return `#${[r, g, b]
      .map((v) => v!.toString(16).padStart(2, '0'))
      .join('')
      .toUpperCase()}`;
  }, p);
}

type CardBox = { id: string; x: number; y: number; w: number; h: number };

/**
 * The template's first frame with five more cards in it (seeded like app-busy.spec.ts), viewed at
 * zoom 0.8 with the frame's corner near the board's top-left. Returns the frame's cards, top row
 * first, left to right.
 */
async function smallBoard(page: Page): Promise<CardBox[]> {
  const frame = await page.evaluate(() => {
    const f = [...window.dreamboardDebug!.session.snapshot().frames.values()].sort(
      (a, b) => a.y - b.y || a.x - b.x,
    )[0]!;
    return { id: f.id, x: f.x, y: f.y };
  });
  const texts = [
    ['need', 'Somewhere safe to sleep tonight'],
    ['person', '“I had to tell my story five times to five people.”'],
    ['need', 'Help that comes to me, not the other way round'],
    ['need', 'Keep my dog with me'],
    ['strength', 'Peer mentors with lived experience'],
  ] as const;
  const cards: RawRecord[] = texts.map(([kind, text], i) => ({
    id: `seen${i}`,
    kind,
    x: frame.x + 40 + (i % 3) * 340,
    y: frame.y + 300 + Math.floor(i / 3) * 220,
    w: 300,
    h: 160,
    z: `c${i}`,
    text,
    frame: frame.id,
    fields: {},
    createdBy: 'workshop',
    createdRole: null,
    createdAt: 1_760_000_000_000,
  }));
  await seedRaw(page, { cards });
  return page.evaluate((f) => {
    const editor = window.dreamboardDebug!.editor;
    editor.setCamera({ zoom: 0.8, x: 40 - f.x * 0.8, y: 30 - f.y * 0.8 });
    return [...editor.snapshot.cards.values()]
      .filter((c) => c.frame === f.id)
      .sort((a, b) => a.y - b.y || a.x - b.x)
      .map((c) => ({ id: c.id, x: c.x, y: c.y, w: c.w, h: c.h }));
  }, frame);
}

test.afterEach(async ({ page }) => {
  expect(pageErrors(page)).toEqual([]);
});

test('others’ cursors and selections are drawn in their colours, in a layer that exists only while they are there', async ({
  page,
}) => {
  await startWorkshop(page);
  await page.waitForFunction(() => !!window.dreamboardLive);
  const cards = await smallBoard(page);
  const cam = await page.evaluate(() => window.dreamboardDebug!.editor.state.camera);
  const screen = (x: number, y: number) => ({ x: x * cam.zoom + cam.x, y: y * cam.zoom + cam.y });
  expect(await canvasCount(page)).toBe(1);

  // The template's prompt note, then the seeded cards row by row.
  const [prompt, safe, story, comes, dog] = cards as [CardBox, CardBox, CardBox, CardBox, CardBox];
  await page.evaluate(() => {
    const { session } = window.dreamboardDebug!;
    window.snapshotBeforePresence = {
      snapshot: session.snapshot(),
      undo: session.undoManager.undoStack.length,
    };
  });
  // Ours: solid blue. Theirs: dashed rings in their colours, a name tag on their first item.
  await page.evaluate((id) => window.dreamboardDebug!.editor.select([id]), dog.id);
  const ana = { x: safe.x + safe.w - 60, y: safe.y + safe.h + 30 };
  await setLive(page, {
    status: 'connected',
    participants: [
      person(1, { name: 'Ana', colour: '#B3261E', cursor: ana, selection: ['no-such-card', prompt.id] }),
      person(2, {
        name: 'Bo',
        colour: '#00796B',
        cursor: { x: comes.x + 120, y: comes.y + 70 },
        selection: [story.id, comes.id, dog.id],
      }),
      person(3, {
        name: 'Chidinma Okonkwo-Abernathy from Housing',
        colour: '#6A1B9A',
        cursor: { x: prompt.x + prompt.w + 80, y: prompt.y + 40 },
        selection: [prompt.id],
      }),
      person(4, null),
      person(5, { name: 'Far away', cursor: { x: 1e6, y: 1e6 } }),
    ],
  });
  await expect.poll(() => canvasCount(page)).toBe(2);
  // The arrow's body, just below its tip, is Ana's red.
  await expect
    .poll(() => presencePixel(page, { x: screen(ana.x, ana.y).x + 2, y: screen(ana.x, ana.y).y + 9 }))
    .toBe('#B3261E');
  // Nothing at all is drawn in an empty stretch of the layer.
  expect(await presencePixel(page, { x: 2, y: 2 })).toBe('transparent');

  await page.screenshot({ path: 'docs/screenshots/live-presence.png' });

  // A cursor update glides there and lands exactly.
  const moved = { x: ana.x + 80, y: ana.y };
  await page.evaluate((p) => {
    const s = window.dreamboardLive!.store.get();
    const [first, ...rest] = s.participants;
    window.dreamboardLive!.store.set({
      participants: [{ ...first!, presence: { ...first!.presence!, cursor: p } }, ...rest],
    });
  }, moved);
  await expect
    .poll(() => presencePixel(page, { x: screen(moved.x, moved.y).x + 2, y: screen(moved.x, moved.y).y + 9 }))
    .toBe('#B3261E');

  // Presence is not in the document: the snapshot (a new object on any document change) is the
  // one from before anyone appeared, and there is nothing to undo.
  expect(
    await page.evaluate(() => {
      const { session } = window.dreamboardDebug!;
      const before = window.snapshotBeforePresence!;
      return session.snapshot() === before.snapshot && session.undoManager.undoStack.length === before.undo;
    }),
  ).toBe(true);

  // The session ends: the layer goes, and the board is back to one canvas.
  await setLive(page, { status: 'off', participants: [] });
  await expect.poll(() => canvasCount(page)).toBe(1);
});

test('our cursor, selection and view are published in world coordinates, only during a session', async ({
  page,
}) => {
  await startWorkshop(page);
  await page.waitForFunction(() => !!window.dreamboardLive);
  const cards = await smallBoard(page);
  const box = (await page.locator(BOARD).boundingBox())!;
  const cam = await page.evaluate(() => window.dreamboardDebug!.editor.state.camera);
  const published = () => page.evaluate(() => window.dreamboardLive!.published.slice());

  await page.mouse.move(box.x + 300, box.y + 300);
  await page.mouse.move(box.x + 320, box.y + 310);
  await page.waitForTimeout(100);
  expect(await published()).toEqual([]);

  await setLive(page, { status: 'connected', participants: [] });
  await expect.poll(async () => (await published()).some((p) => p.viewport)).toBe(true);
  const start = await published();
  expect(start.find((p) => p.selection)?.selection).toEqual([]);
  expect(start.find((p) => p.viewport)?.viewport).toMatchObject({
    x: -cam.x / cam.zoom,
    y: -cam.y / cam.zoom,
  });

  await page.mouse.move(box.x + 400, box.y + 250);
  await expect
    .poll(async () => (await published()).filter((p) => p.cursor).at(-1)?.cursor)
    .toEqual({ x: (400 - cam.x) / cam.zoom, y: (250 - cam.y) / cam.zoom });

  await page.evaluate((id) => window.dreamboardDebug!.editor.select([id]), cards[0]!.id);
  await expect.poll(async () => (await published()).at(-1)?.selection).toEqual([cards[0]!.id]);

  // Off the board (over the top bar): no cursor.
  await page.mouse.move(box.x + 400, Math.max(1, box.y - 20));
  await expect.poll(async () => (await published()).at(-1)).toEqual({ cursor: null });
});

test('with reduced motion a cursor jumps to its new position instead of gliding', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await startWorkshop(page);
  await page.waitForFunction(() => !!window.dreamboardLive);
  await smallBoard(page);
  const cam = await page.evaluate(() => window.dreamboardDebug!.editor.state.camera);
  const at = (x: number, y: number) => ({ x: (x - cam.x) / cam.zoom, y: (y - cam.y) / cam.zoom });
  await setLive(page, {
    status: 'connected',
    participants: [person(1, { name: 'Ana', colour: '#B3261E', cursor: at(100, 600) })],
  });
  await expect.poll(() => presencePixel(page, { x: 102, y: 609 })).toBe('#B3261E');
  // Two frames after the update (a glide would be about two thirds of the way), it is there.
  const colour = await page.evaluate(
    async (cursor) => {
      const live = window.dreamboardLive!;
      const [first] = live.store.get().participants;
      live.store.set({ participants: [{ ...first!, presence: { ...first!.presence!, cursor } }] });
      for (let i = 0; i < 2; i++) await new Promise((r) => requestAnimationFrame(r));
      const canvas = document.querySelectorAll<HTMLCanvasElement>('.db-board canvas')[1]!;
      const ratio = canvas.width / canvas.clientWidth;
      const [r, g, b] = canvas
        .getContext('2d')!
        .getImageData(Math.round(502 * ratio), Math.round(609 * ratio), 1, 1).data;
      return [r, g, b].join(',');
    },
    at(500, 600),
  );
  expect(colour).toBe('179,38,30');
});
