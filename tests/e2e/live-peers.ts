import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import type { LiveController, LiveIdentity } from '../../renderer/live/types';
import { openApp, pageErrors, startWorkshop } from './helpers';

/**
 * Live-session peers for end-to-end tests: each peer is its own Chromium PROCESS (same-context
 * tabs would sync over BroadcastChannel and never touch WebRTC), loading the web build from the
 * test server, whose "In this room" signaling server runs on 127.0.0.1 (vite-plugins/room-server.ts).
 */

declare global {
  interface Window {
    dreamboardLiveController?: LiveController;
  }
}

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface Peer {
  readonly name: string;
  readonly browser: Browser;
  readonly page: Page;
}

export async function launchPeer(name: string): Promise<Peer> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ARGS,
  });
  const baseURL = test.info().project.use.baseURL;
  const page = await browser.newPage({ baseURL, viewport: { width: 1280, height: 800 } });
  // Any free port for "In this room": tests (and other programs) may hold the default 4444.
  await page.addInitScript(() => {
    if (localStorage.getItem('dreamboard.live.settings.v1') === null)
      localStorage.setItem(
        'dreamboard.live.settings.v1',
        JSON.stringify({ signalingUrls: [], iceServers: [], roomPort: 0, relayOnly: false }),
      );
  });
  page.on('console', (m) => {
    if (m.type() === 'error' || /\[live\]/.test(m.text())) console.log(`[${name}] ${m.text()}`);
  });
  return { name, browser, page };
}

export async function closePeers(peers: readonly Peer[]): Promise<void> {
  await Promise.all(peers.map((p) => p.browser.close().catch(() => {})));
}

export const identity = (name: string, role: LiveIdentity['role'] = 'frontline'): LiveIdentity => ({
  name,
  role,
});

/** Starts a workshop and hosts it "In this room"; answers the join code. */
export async function hostSession(
  peer: Peer,
  template: 'Dream service model' | 'Blank' = 'Blank',
): Promise<string> {
  await startWorkshop(peer.page, template);
  await peer.page.evaluate(
    (id) => window.dreamboardLiveController!.host({ inRoom: true, online: false }, id),
    identity(peer.name, 'commissioner'),
  );
  const code = await peer.page.evaluate(
    () => window.dreamboardLiveController!.store.get().session?.code ?? null,
  );
  expect(code, (await liveProblem(peer.page)) ?? undefined).not.toBeNull();
  return code!;
}

/** Opens the app and joins with the code; resolves once the workshop has arrived and is open. */
export async function joinSession(peer: Peer, code: string, open = true): Promise<void> {
  if (open) await openApp(peer.page);
  await peer.page.evaluate(
    ({ code, id }) => void window.dreamboardLiveController!.join({ input: code, identity: id }),
    { code, id: identity(peer.name) },
  );
  await expect
    .poll(() => liveStatus(peer.page), { timeout: 30_000, message: `${peer.name} joins` })
    .toBe('connected');
  await peer.page.waitForFunction(() => !!window.dreamboardDebug);
}

export function liveStatus(page: Page): Promise<string> {
  return page.evaluate(() => window.dreamboardLiveController!.store.get().status);
}

export function liveProblem(page: Page): Promise<string | null> {
  return page.evaluate(() => window.dreamboardLiveController!.store.get().problem);
}

/** Names of the other people this peer sees, sorted. */
export function participantNames(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    window
      .dreamboardLiveController!.store.get()
      .participants.map((p) => p.presence?.name ?? 'Someone')
      .sort(),
  );
}

/** The document as canonical JSON (sorted records with every field), to compare peers. */
export function canonicalDoc(page: Page): Promise<string> {
  return page.evaluate(() => {
    const doc = window.dreamboardDebug!.session.doc;
    const sorted = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(sorted);
      if (value && typeof value === 'object')
        return Object.fromEntries(
          Object.entries(value as Record<string, unknown>)
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([k, v]) => [k, sorted(v)]),
        );
      return value;
    };
    return JSON.stringify(sorted(doc.toJSON()));
  });
}

export function expectNoPageErrors(peers: readonly Peer[]): void {
  for (const peer of peers) expect(pageErrors(peer.page), peer.name).toEqual([]);
}

/**
 * Adds `count` valid note cards in one transaction (one update, as a big paste or import would
 * be) on a grid of `perRow`; answers the update's size in bytes.
 */
export function seedCards(page: Page, count: number, prefix = 'c', perRow = 100): Promise<number> {
  return page.evaluate(
    ({ count, prefix, perRow }) => {
      const doc = window.dreamboardDebug!.session.doc;
      type AnyMap = { set(k: string, v: unknown): void };
      const MapType = doc.getMap('cards').constructor as unknown as new () => AnyMap;
      const cards = doc.getMap('cards') as unknown as AnyMap;
      let size = 0;
      doc.once('update', (update: Uint8Array) => (size = update.byteLength));
      doc.transact(() => {
        for (let i = 0; i < count; i++) {
          const id = `${prefix}${i}`;
          const m = new MapType();
          cards.set(id, m);
          const fields: Record<string, unknown> = {
            id,
            kind: 'note',
            x: (i % perRow) * 220,
            y: Math.floor(i / perRow) * 140,
            w: 200,
            h: 120,
            z: `a${i}`,
            text: `Card ${i}: what matters to people here, in their own words`,
            frame: null,
            fields: {},
            createdBy: 'e2e',
            createdRole: null,
            createdAt: 1,
          };
          for (const [k, v] of Object.entries(fields)) m.set(k, v);
        }
      }, 'e2e-edit');
      return size;
    },
    { count, prefix, perRow },
  );
}

/** One valid need card, written straight on the page's document as the editor's commands would. */
export async function addCard(page: Page, id: string, text: string, x = 0, y = 0): Promise<void> {
  await page.evaluate(
    ({ id, text, x, y }) => {
      const doc = window.dreamboardDebug!.session.doc;
      type AnyMap = { set(k: string, v: unknown): void };
      const MapType = doc.getMap('cards').constructor as unknown as new () => AnyMap;
      doc.transact(() => {
        const m = new MapType();
        (doc.getMap('cards') as unknown as AnyMap).set(id, m);
        const fields: Record<string, unknown> = {
          id,
          kind: 'need',
          x,
          y,
          w: 200,
          h: 120,
          z: 'a0',
          text,
          frame: null,
          fields: {},
          createdBy: 'e2e',
          createdRole: null,
          createdAt: 1,
        };
        for (const [k, v] of Object.entries(fields)) m.set(k, v);
      }, 'e2e-edit');
    },
    { id, text, x, y },
  );
}
