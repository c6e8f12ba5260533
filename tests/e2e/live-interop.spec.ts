import { expect, test, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { LIVE_SETTINGS_KEY } from '../../renderer/live/live-settings';
import type { LiveSettings } from '../../renderer/live/types';
import { serveFixture, type FixtureServer } from './fixture-server';
import { docSummary, startWorkshop } from './helpers';
import {
  addCard,
  canonicalDoc,
  closePeers,
  expectNoPageErrors,
  hostSession,
  identity,
  joinSession,
  launchPeer,
  liveProblem,
  participantNames,
  seedCards,
  type Peer,
} from './live-peers';
import type {} from './fixtures/stock-ywebrtc/main';

/**
 * Interop (issue #4): the STOCK y-webrtc client (tests/e2e/fixtures/stock-ywebrtc: the package's
 * own WebrtcProvider, room name and password derived from a Dreamboard join code) and our client,
 * through our signaling server (the app's "In this room") and through the stock one
 * (node_modules/y-webrtc/bin/server.js). Every peer is its own Chromium process; WebRTC runs over
 * loopback with no ICE servers.
 */

test.describe.configure({ timeout: 180_000 });

let fixture: FixtureServer | undefined;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  fixture = await serveFixture('stock-ywebrtc');
});

test.afterAll(async () => {
  await fixture?.close();
});

// ---------------------------------------------------------------- helpers

/** An app peer whose Settings → Live sessions are `settings` before the app starts. */
async function launchApp(name: string, settings: Partial<LiveSettings> = {}): Promise<Peer> {
  const peer = await launchPeer(name);
  // Port 0: the in-room server takes any free port, so other test runs on this machine cannot clash.
  const stored: LiveSettings = {
    signalingUrls: [],
    iceServers: [],
    roomPort: 0,
    relayOnly: false,
    ...settings,
  };
  await peer.page.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [
    LIVE_SETTINGS_KEY,
    JSON.stringify(stored),
  ] as const);
  return peer;
}

interface StockPage extends Peer {
  readonly errors: string[];
}

async function launchStock(name = 'Stock'): Promise<StockPage> {
  const peer = await launchPeer(name);
  const errors: string[] = [];
  peer.page.on('pageerror', (e) => errors.push(e.message));
  await peer.page.goto(`${fixture!.origin}/index.html`);
  await peer.page.waitForFunction(() => !!window.stockPeer);
  return { ...peer, errors };
}

const stockCards = (page: Page) => page.evaluate(() => window.stockPeer!.cards());
const stockCanonical = (page: Page) => page.evaluate(() => window.stockPeer!.canonical());
const stockPeers = (page: Page) => page.evaluate(() => window.stockPeer!.peers());

async function appSetText(page: Page, id: string, text: string): Promise<void> {
  await page.evaluate(
    ({ id, text }) => {
      const doc = window.dreamboardDebug!.session.doc;
      const card = doc.getMap('cards').get(id) as { set(k: string, v: unknown): void } | undefined;
      if (!card) throw new Error(`no card ${id}`);
      doc.transact(() => card.set('text', text), 'e2e-edit');
    },
    { id, text },
  );
}

/** Card texts as the app's validated snapshot shows them (what people see). */
async function appTexts(page: Page): Promise<Record<string, string>> {
  const summary = await docSummary(page);
  return Object.fromEntries(summary.cards.map((c) => [c.id, c.text]));
}

/**
 * A document's canonical JSON without empty root maps: Y.Doc.toJSON() lists a root only where it
 * was defined locally, and the app defines some roots (votes, session) only when it uses them.
 */
function withoutEmptyRoots(canonical: string): string {
  const roots = JSON.parse(canonical) as Record<string, unknown>;
  for (const [key, value] of Object.entries(roots))
    if (value && typeof value === 'object' && Object.keys(value).length === 0) delete roots[key];
  return JSON.stringify(roots);
}

/** Every app peer and every stock page hold the same document (empty roots aside). */
async function expectConverged(apps: readonly Peer[], stocks: readonly Peer[]): Promise<void> {
  let docs: string[] = [];
  try {
    await expect
      .poll(
        async () => {
          docs = [
            ...(await Promise.all(apps.map((p) => canonicalDoc(p.page)))),
            ...(await Promise.all(stocks.map((p) => stockCanonical(p.page)))),
          ].map(withoutEmptyRoots);
          return docs.every((d) => d === docs[0]);
        },
        { timeout: 45_000, message: 'every app peer and stock client has the same document' },
      )
      .toBe(true);
  } catch (error) {
    // Say where they differ: the documents are too long to read whole.
    const names = [...apps, ...stocks].map((p) => p.name);
    for (let k = 1; k < docs.length; k++) {
      const a = docs[0]!;
      const b = docs[k]!;
      let at = 0;
      while (at < a.length && a[at] === b[at]) at++;
      if (at < Math.max(a.length, b.length))
        console.log(
          `${names[0]} vs ${names[k]} differ at ${at}:\n  ${a.slice(at - 80, at + 160)}\n  ${b.slice(at - 80, at + 160)}`,
        );
    }
    throw error;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface StockServer {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * node_modules/y-webrtc/bin/server.js, unmodified, on a free port. It calls `server.listen(port)`
 * (every interface); the preload only adds the host 127.0.0.1 to that call, so the test opens
 * nothing beyond loopback.
 */
async function startStockServer(): Promise<StockServer> {
  const port = await freePort();
  const loopbackOnly =
    "import http from 'node:http'; const listen = http.Server.prototype.listen;" +
    "http.Server.prototype.listen = function (port, ...rest) { return listen.call(this, port, '127.0.0.1', ...rest); };";
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', `data:text/javascript,${loopbackOnly}`, 'node_modules/y-webrtc/bin/server.js'],
    { env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`stock server did not start: ${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/Signaling server running/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`stock server exited with ${code}: ${output}`));
    });
  });
  return {
    url: `ws://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

// ---------------------------------------------------------------- tests

test('through OUR signaling server: a stock y-webrtc client joins an in-room session; cards and edits go both ways', async () => {
  const host = await launchApp('Fran');
  const stock = await launchStock();
  try {
    const code = await hostSession(host);
    expect(code.replace(/-/g, '')).toHaveLength(32); // in-room: the code carries 127.0.0.1 and the port
    const joined = await stock.page.evaluate((c) => window.stockPeer!.start(c), code);
    expect(joined.signaling).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);

    await expect.poll(() => stockPeers(stock.page), { timeout: 30_000 }).toBe(1);

    // App → stock.
    await addCard(host.page, 'appCard', 'Made in Dreamboard', 0, 0);
    await expect
      .poll(async () => (await stockCards(stock.page)).appCard?.text, { timeout: 15_000 })
      .toBe('Made in Dreamboard');

    // Stock → app, shown in the app's validated snapshot (not quarantined).
    await stock.page.evaluate(() => window.stockPeer!.addCard('stockCard', 'Made in stock y-webrtc', 300, 0));
    await expect
      .poll(async () => (await appTexts(host.page)).stockCard, { timeout: 15_000 })
      .toBe('Made in stock y-webrtc');
    expect((await docSummary(host.page)).quarantine).toBe(0);

    // Each edits the other's card at the same time; both converge on the same document.
    await Promise.all([
      appSetText(host.page, 'stockCard', 'Edited in Dreamboard'),
      stock.page.evaluate(() => window.stockPeer!.setText('appCard', 'Edited in stock y-webrtc')),
    ]);
    await expectConverged([host], [stock]);
    expect(await appTexts(host.page)).toMatchObject({
      appCard: 'Edited in stock y-webrtc',
      stockCard: 'Edited in Dreamboard',
    });

    expectNoPageErrors([host]);
    expect(await liveProblem(host.page)).toBeNull();
    expect(stock.errors).toEqual([]);
  } finally {
    await closePeers([host, stock]);
  }
});

test('through the STOCK signaling server: two apps (online) and a stock client converge', async () => {
  const server = await startStockServer();
  const settings = { signalingUrls: [server.url] };
  const host = await launchApp('Fran', settings);
  const sam = await launchApp('Sam', settings);
  const stock = await launchStock();
  try {
    // Host "Online" only: the code carries no address; everyone meets on the stock server.
    await startWorkshop(host.page, 'Blank');
    await host.page.evaluate(
      (id) => window.dreamboardLiveController!.host({ inRoom: false, online: true }, id),
      identity('Fran', 'commissioner'),
    );
    const session = await host.page.evaluate(() => window.dreamboardLiveController!.store.get().session);
    expect(session, (await liveProblem(host.page)) ?? undefined).not.toBeNull();
    expect(session!.inRoomUrls).toBeNull();
    expect(session!.onlineUrls).toEqual([server.url]);
    const code = session!.code;
    expect(code.replace(/-/g, '')).toHaveLength(22); // online: no address in it

    await addCard(host.page, 'hostCard', 'From the host', 0, 0);
    await stock.page.evaluate(({ c, url }) => window.stockPeer!.start(c, url), { c: code, url: server.url });
    await expect
      .poll(async () => (await stockCards(stock.page)).hostCard?.text, { timeout: 30_000 })
      .toBe('From the host');

    await joinSession(sam, code);
    await expect.poll(() => stockPeers(stock.page), { timeout: 30_000 }).toBe(2);
    // Presence between the apps works with a stock client in the room (its empty default
    // awareness state is not a valid presence; the apps do not list it).
    await expect.poll(() => participantNames(host.page), { timeout: 15_000 }).toContain('Sam');
    await expect.poll(() => participantNames(sam.page), { timeout: 15_000 }).toContain('Fran');

    // All three edit at once.
    await Promise.all([
      addCard(host.page, 'hostCard2', 'Host again', 0, 300),
      addCard(sam.page, 'samCard', 'From Sam', 300, 0),
      stock.page.evaluate(() => window.stockPeer!.addCard('stockCard', 'From the stock client', 600, 0)),
    ]);
    // Then each edits a card another one made, once everyone has every card.
    await expectConverged([host, sam], [stock]);
    await Promise.all([
      appSetText(sam.page, 'hostCard', 'From the host, edited by Sam'),
      stock.page.evaluate(() => window.stockPeer!.setText('samCard', 'From Sam, edited by the stock client')),
      appSetText(host.page, 'stockCard', 'From the stock client, edited by the host'),
    ]);
    await expectConverged([host, sam], [stock]);
    expect(await appTexts(sam.page)).toEqual({
      hostCard: 'From the host, edited by Sam',
      hostCard2: 'Host again',
      samCard: 'From Sam, edited by the stock client',
      stockCard: 'From the stock client, edited by the host',
    });
    expect((await docSummary(host.page)).quarantine).toBe(0);
    expect((await docSummary(sam.page)).quarantine).toBe(0);

    expectNoPageErrors([host, sam]);
    expect(await liveProblem(host.page)).toBeNull();
    expect(await liveProblem(sam.page)).toBeNull();
    expect(stock.errors).toEqual([]);
  } finally {
    await closePeers([host, sam, stock]);
    await server.stop();
  }
});

test('a workshop above the chunking threshold reaches another app peer while a stock client is in the room', async () => {
  const host = await launchApp('Fran');
  const lee = await launchApp('Lee');
  const stock = await launchStock();
  try {
    const code = await hostSession(host);
    await stock.page.evaluate((c) => window.stockPeer!.start(c), code);
    await expect.poll(() => stockPeers(stock.page), { timeout: 30_000 }).toBe(1);

    // 1,500 cards in one transaction: one update of several hundred KiB, which our side sends in
    // chunks (type 100). The stock client cannot read those (documented limit: nothing over 256 KiB
    // reaches it); it answers each with an empty message, which must be harmless.
    const bytes = await seedCards(host.page, 1_500, 'big', 50);
    console.log(`1,500-card update: ${bytes} bytes`);
    expect(bytes).toBeGreaterThan(261_120);
    // The chunks reached the stock client, which could not read them (and said so on its console).
    await expect.poll(() => stock.page.evaluate(() => window.stockPeer!.unreadable())).toBeGreaterThan(0);

    // Lee joins late: the workshop arrives in chunks from the host, the stock peer present throughout.
    await joinSession(lee, code);
    await expect
      .poll(() => lee.page.evaluate(() => window.dreamboardDebug!.session.snapshot().cards.size), {
        timeout: 60_000,
      })
      .toBe(1_500);
    await expect.poll(() => stockPeers(stock.page), { timeout: 30_000 }).toBe(2);

    // The session keeps working for everyone: a small card from the stock client reaches both apps
    // (it does not depend on the big update), and the two app peers hold the same document.
    await stock.page.evaluate(() => window.stockPeer!.addCard('stockAfter', 'Still here', 0, -300));
    for (const app of [host, lee])
      await expect
        .poll(async () => (await appTexts(app.page)).stockAfter, { timeout: 30_000, message: app.name })
        .toBe('Still here');
    await addCard(lee.page, 'leeAfter', 'Lee after the big paste', 300, -300);
    await expect
      .poll(async () => (await appTexts(host.page)).leeAfter, { timeout: 30_000 })
      .toBe('Lee after the big paste');
    await expect
      .poll(async () => (await canonicalDoc(host.page)) === (await canonicalDoc(lee.page)), {
        timeout: 30_000,
        message: 'the app peers converge',
      })
      .toBe(true);

    expectNoPageErrors([host, lee]);
    expect(await liveProblem(host.page)).toBeNull();
    expect(await liveProblem(lee.page)).toBeNull();
    expect(stock.errors).toEqual([]);
  } finally {
    await closePeers([host, lee, stock]);
  }
});
