import { expect, type Page } from '@playwright/test';
import * as Y from 'yjs';
import { createCard, ORIGIN, updateMeta } from '../../shared/doc';
import {
  encodeCompacted,
  encodeHeader,
  encodeRecord,
  RecordType,
  summariseForFile,
} from '../../shared/storage';

declare global {
  interface Window {
    /** renderer/App.tsx, ?debug=1 only: take a version-history snapshot now. */
    dreamboardSnapshotNow?: () => Promise<boolean>;
  }
}

/** Adds a note card from the palette and types its words, as a person would. */
export async function addNote(page: Page, text: string): Promise<void> {
  await page
    .getByRole('toolbar', { name: 'Tools and cards' })
    .getByRole('button', { name: 'Add a note card' })
    .click();
  await expect(page.getByRole('textbox', { name: 'Words on the Note card' })).toBeFocused();
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
}

/** Waits until every change so far is on disk (the save state went through "Not saved yet" to "Saved"). */
export async function waitUntilSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('save-status')).toContainText(/Saved/);
  await expect(page.getByTestId('save-status')).not.toContainText(/Not saved|Saving/);
}

export async function cardTexts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...window.dreamboardDebug!.session.snapshot().cards.values()].map((c) => c.text).sort(),
  );
}

/** Names of the files this page's origin keeps in OPFS `workshops/` (to check nothing was stored). */
export async function storedFiles(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    let dir: FileSystemDirectoryHandle;
    try {
      dir = await root.getDirectoryHandle('workshops');
    } catch {
      return [];
    }
    const names: string[] = [];
    for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
    return names.sort();
  });
}

/**
 * Workshop file bytes built here, in the test, from the documented format: a compacted file with
 * `texts[0]` cards, then one appended update per further group. `header` overrides the versions.
 */
export function workshopBytes(
  title: string,
  groups: string[][],
  header?: { format: number; minReader: number },
): Buffer {
  const doc = new Y.Doc();
  updateMeta(
    doc,
    { schemaVersion: 1, title, context: '', createdAt: 1_700_000_000_000, template: 'blank' },
    ORIGIN.load,
  );
  const add = (texts: string[]) =>
    texts.forEach((text, i) =>
      createCard(doc, { kind: 'need', x: i * 220, y: 0, text }, { participantId: 'test', role: null }),
    );
  add(groups[0] ?? []);
  let bytes = encodeCompacted(Y.encodeStateAsUpdate(doc), summariseForFile(doc, 1_700_000_000_000));
  if (header)
    bytes = new Uint8Array([...encodeHeader(header.format, header.minReader), ...bytes.subarray(16)]);
  for (const group of groups.slice(1)) {
    const before = Y.encodeStateVector(doc);
    add(group);
    bytes = new Uint8Array([
      ...bytes,
      ...encodeRecord(RecordType.update, Y.encodeStateAsUpdate(doc, before)),
    ]);
  }
  return Buffer.from(bytes);
}

/** Chooses a file in the page's file picker (the "Import a .dreamboard file…" button opens it). */
export async function importFile(page: Page, button: string, name: string, buffer: Buffer): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/octet-stream', buffer });
}
