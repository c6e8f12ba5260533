import { expect, test, type Page } from '@playwright/test';
import { decodeBudgetMs } from '../../renderer/live/watchdog-gate';
import { serveFixture, type FixtureServer } from './fixture-server';
import type { CheckResult, UpdateName } from './fixtures/watchdog/main';

/**
 * The watchdog gate (renderer/live/watchdog-gate.ts) with its real Worker in Chromium. The app
 * does not use the gate yet, and a test hook in the app would ship to users, so this spec builds
 * its own small page (tests/e2e/fixtures/watchdog) with the app's Vite configuration into a
 * temporary folder and serves it itself (tests/e2e/fixture-server.ts); the app build that
 * playwright.config.ts serves is unused.
 */

let fixture: FixtureServer | undefined;
let origin = '';

test.beforeAll(async () => {
  test.setTimeout(180_000);
  fixture = await serveFixture('watchdog');
  origin = fixture.origin;
});

test.afterAll(async () => {
  await fixture?.close();
});

async function openHarness(page: Page): Promise<void> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${origin}/index.html`);
  await page.waitForFunction(() => !!window.watchdogHarness);
  (page as Page & { __errors?: string[] }).__errors = errors;
}

const makeGate = (page: Page, name: string, options: Record<string, unknown> = {}) =>
  page.evaluate(([n, o]) => window.watchdogHarness!.makeGate(n, o), [name, options] as const);
const check = (page: Page, gate: string, update: UpdateName): Promise<CheckResult> =>
  page.evaluate(([g, u]) => window.watchdogHarness!.check(g, u), [gate, update] as const);

test('a valid update passes, and a 10,000-card workshop fits the default budget', async ({ page }) => {
  test.setTimeout(120_000);
  await openHarness(page);
  await makeGate(page, 'default');
  const first = await check(page, 'default', 'valid');
  expect(first.verdict).toEqual({ ok: true });
  expect(first.stats.decodedInWorker).toBe(1);
  expect(first.stats.inlineOnly).toBe(false);

  const trip = await page.evaluate(() => window.watchdogHarness!.roundTrip('default', 200));
  await page.evaluate(() => window.watchdogHarness!.prepare('tenThousandCards'));
  const big = await check(page, 'default', 'tenThousandCards');
  const bigAgain = await check(page, 'default', 'tenThousandCards');
  const inline = await page.evaluate(() => window.watchdogHarness!.inlineMs('tenThousandCards'));
  const budget = decodeBudgetMs(big.bytes);
  console.log(
    `Chromium: small update round trip ${trip.workerMs.toFixed(3)} ms via worker (${trip.callMs.toFixed(3)} ms of it in the gate call) vs ${trip.inlineMs.toFixed(3)} ms inline; ` +
      `10k cards (${(big.bytes / 1e6).toFixed(2)} MB) through the worker ${big.ms.toFixed(0)}/${bigAgain.ms.toFixed(0)} ms ` +
      `(inline decode ${inline.toFixed(0)} ms), budget ${budget.toFixed(0)} ms; longest frame gap meanwhile ${big.maxFrameGapMs.toFixed(0)} ms`,
  );
  expect(big.verdict).toEqual({ ok: true });
  expect(bigAgain.verdict).toEqual({ ok: true });
  expect(Math.min(big.ms, bigAgain.ms) * 3).toBeLessThan(budget);
  expect(big.stats.timedOut).toBe(0);
  expect(pageErrors(page)).toEqual([]);
});

test('a decoder that hangs is refused within the budget, the page keeps drawing, and the next update passes', async ({
  page,
}) => {
  await openHarness(page);
  await makeGate(page, 'hanging', { hanging: true });
  expect((await check(page, 'hanging', 'valid')).verdict).toEqual({ ok: true });

  const hung = await check(page, 'hanging', 'hang');
  console.log(
    `hanging decode refused after ${hung.ms.toFixed(0)} ms; ${hung.frames} frames drawn meanwhile, longest gap ${hung.maxFrameGapMs.toFixed(0)} ms`,
  );
  expect(hung.verdict).toEqual({ ok: false, reason: 'took too long' });
  expect(hung.ms).toBeGreaterThanOrEqual(990);
  expect(hung.ms).toBeLessThan(1_500);
  // About 60 frames a second if nothing blocks; a hang on the page's thread would draw none.
  expect(hung.frames).toBeGreaterThan(20);
  expect(hung.maxFrameGapMs).toBeLessThan(400);

  const after = await check(page, 'hanging', 'valid');
  expect(after.verdict).toEqual({ ok: true });
  expect(after.stats.timedOut).toBe(1);
  expect(after.stats.workersStarted).toBe(2);
  expect(pageErrors(page)).toEqual([]);
});

test('a real decode over its budget is cut off, and the fresh worker decodes the next update', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openHarness(page);
  await page.evaluate(() => window.watchdogHarness!.prepare('gcBomb'));
  await makeGate(page, 'tight', { baseBudgetMs: 50, budgetMsPerMiB: 0 });
  expect((await check(page, 'tight', 'valid')).verdict).toEqual({ ok: true });

  const bomb = await check(page, 'tight', 'gcBomb');
  const inline = await page.evaluate(() => window.watchdogHarness!.inlineMs('gcBomb'));
  console.log(
    `2,000,000-struct update (${(bomb.bytes / 1e6).toFixed(1)} MB): refused after ${bomb.ms.toFixed(0)} ms with a 50 ms budget ` +
      `(decoding it on the page blocks ${inline.toFixed(0)} ms); longest frame gap ${bomb.maxFrameGapMs.toFixed(0)} ms`,
  );
  expect(bomb.verdict).toEqual({ ok: false, reason: 'took too long' });
  expect(bomb.ms).toBeLessThan(inline);
  expect(bomb.stats.timedOut).toBe(1);

  const after = await check(page, 'tight', 'valid');
  expect(after.verdict).toEqual({ ok: true });
  expect(after.stats.workersStarted).toBe(2);
  expect(pageErrors(page)).toEqual([]);
});

function pageErrors(page: Page): string[] {
  return (page as Page & { __errors?: string[] }).__errors ?? [];
}
