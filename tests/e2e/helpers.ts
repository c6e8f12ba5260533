import { expect, type Page } from '@playwright/test';
import type { OpenWorkshop } from '../../renderer/app/workshop';

/** Where screenshots for people (and docs/screenshots) are written. */
export const ARTIFACTS = 'tests/e2e/artifacts';

declare global {
  interface Window {
    dreamboardDebug?: OpenWorkshop | undefined;
  }
}

/** Opens the app with the test hook on; each test gets a fresh page, so a fresh in-memory workshop. */
export async function openApp(page: Page): Promise<void> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    // CSP violations are reported on the console; any of them is a bug.
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) errors.push(m.text());
  });
  await page.goto('/?debug=1');
  await expect(page.getByRole('heading', { name: 'Dreamboard', level: 1 })).toBeVisible();
  (page as Page & { __errors?: string[] }).__errors = errors;
}

export function pageErrors(page: Page): string[] {
  return (page as Page & { __errors?: string[] }).__errors ?? [];
}

/** Opens the app and starts a workshop from a template by clicking its start-screen button. */
export async function startWorkshop(
  page: Page,
  template: 'Dream service model' | 'Blank' = 'Dream service model',
): Promise<void> {
  await openApp(page);
  await page.getByRole('button', { name: new RegExp(`^${template}`) }).click();
  await expect(
    page.getByRole('tree', { name: 'Everything on the board' }).or(page.getByText('The board is empty')),
  ).toBeVisible();
  await page.waitForFunction(() => !!window.dreamboardDebug);
}

export interface DocSummary {
  cards: {
    id: string;
    kind: string;
    text: string;
    frame: string | null;
    fields: Record<string, string | boolean>;
  }[];
  frames: { id: string; title: string }[];
  connectors: { id: string; from: string; to: string; kind: string; label: string }[];
  quarantine: number;
  title: string;
  context: string;
}

/** The validated snapshot as plain data, read through the debug hook. */
export async function docSummary(page: Page): Promise<DocSummary> {
  return page.evaluate(() => {
    const snap = window.dreamboardDebug!.session.snapshot();
    return {
      cards: [...snap.cards.values()].map((c) => ({
        id: c.id,
        kind: c.kind,
        text: c.text,
        frame: c.frame,
        fields: { ...c.fields },
      })),
      frames: [...snap.frames.values()].map((f) => ({ id: f.id, title: f.title })),
      connectors: [...snap.connectors.values()].map((c) => ({
        id: c.id,
        from: c.from,
        to: c.to,
        kind: c.kind,
        label: c.label,
      })),
      quarantine: snap.quarantine.length,
      title: snap.meta.title,
      context: snap.meta.context,
    };
  });
}

export const tree = (page: Page) => page.getByRole('tree', { name: 'Everything on the board' });

/** The outline row whose accessible name contains `text`. */
export const treeItem = (page: Page, text: string | RegExp) =>
  tree(page).getByRole('treeitem', { name: text });

/** The polite live region's current text. */
export async function announcement(page: Page): Promise<string> {
  return ((await page.getByTestId('announcer').textContent()) ?? '').replace(/\u200b/g, '');
}

/** Moves keyboard focus with Tab until `predicate` holds for the focused element (no mouse involved). */
export async function tabUntil(page: Page, predicate: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const ok = await page.evaluate((src) => {
      const el = document.activeElement;
      return !!el && el.matches(src);
    }, predicate);
    if (ok) return;
  }
  throw new Error(`Tab never reached ${predicate}`);
}

/** A raw record for seeding: written as-is into the Y.Doc, bypassing commands (and validation). */
export type RawRecord = Record<string, unknown>;

/**
 * Writes raw records straight into the document with the doc's own Yjs types (taken from the
 * session, so the page's single copy of Yjs is used). `asMaps` stores each record as a Y.Map like
 * the app does, so commands can edit them later; otherwise as plain values, as a hostile peer might.
 */
export async function seedRaw(
  page: Page,
  records: { cards?: RawRecord[]; frames?: RawRecord[]; connectors?: RawRecord[] },
  asMaps = true,
): Promise<void> {
  await page.evaluate(
    ({ records, asMaps }) => {
      const { session } = window.dreamboardDebug!;
      const doc = session.doc;
      type AnyMap = { set(k: string, v: unknown): void };
      const MapType = doc.getMap('cards').constructor as unknown as new () => AnyMap;
      doc.transact(() => {
        for (const collection of ['frames', 'cards', 'connectors'] as const) {
          const target = doc.getMap(collection) as unknown as AnyMap;
          for (const rec of records[collection] ?? []) {
            if (!asMaps) {
              target.set(String(rec.id), rec);
              continue;
            }
            const m = new MapType();
            target.set(String(rec.id), m);
            for (const [k, v] of Object.entries(rec)) m.set(k, v);
          }
        }
      }, 'dreamboard:load');
    },
    { records, asMaps },
  );
}

/** The colour the content layer drew at a world point, as #RRGGBB. */
export async function pixelAt(page: Page, p: { x: number; y: number }): Promise<string> {
  const cam = await page.evaluate(() => window.dreamboardDebug!.editor.state.camera);
  return page.evaluate(
    ({ x, y }) => {
      const canvas = document.querySelector<HTMLCanvasElement>('.db-board canvas')!;
      const ratio = canvas.width / canvas.clientWidth;
      const [r, g, b] = canvas
        .getContext('2d')!
        .getImageData(Math.round(x * ratio), Math.round(y * ratio), 1, 1).data;
      return `#${[r, g, b]
        .map((v) => v!.toString(16).padStart(2, '0'))
        .join('')
        .toUpperCase()}`;
    },
    { x: cam.x + p.x * cam.zoom, y: cam.y + p.y * cam.zoom },
  );
}
