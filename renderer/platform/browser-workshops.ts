/**
 * The browser's own "folder" of workshops: the OPFS folder `workshops/`. Its listing is the recent
 * list (title, card count and last change of each file), and imported files are
 * checked whole before a copy is stored, so a file that is not a workshop leaves no trace.
 */
import { docFacts } from '../../shared/doc/updates';
import { problemFromOpen } from '../../shared/ipc/file-problems';
import {
  fileBaseFromTitle,
  firstFreeName,
  workshopNameOf,
  WORKSHOP_EXTENSION,
} from '../../shared/ipc/workshop-names';
import {
  decodeSummary,
  describeOpenProblem,
  MAX_WORKSHOP_BYTES,
  readWorkshopBytes,
  RecordType,
  scanContainer,
  StorageError,
  type FileSummary,
  type OpenProblem,
} from '../../shared/storage';
import type { FileProblem, RecentEntry } from './storage-types';
import type { OpfsVolume } from './opfs-volume';

export const WORKSHOPS_FOLDER = 'workshops';
/** What the start screen says for where a browser workshop lives. */
export const BROWSER_FOLDER_LABEL = 'Stored in this browser';

export const pathOf = (fileName: string) => `${WORKSHOPS_FOLDER}/${fileName}`;

const encoder = new TextEncoder();

/** A stable id per file name (RecentId is 16 hex digits), so a list shown earlier still opens. */
export async function recentIdOf(fileName: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(pathOf(fileName))));
  return [...digest.slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export interface ListedWorkshop extends RecentEntry {
  readonly fileName: string;
}

/** Every workshop stored in this browser, most recently changed first. A file that cannot be read is listed with its problem. */
export async function listWorkshops(volume: OpfsVolume): Promise<ListedWorkshop[]> {
  const entries = await volume.list(WORKSHOPS_FOLDER);
  const names = entries
    .filter(
      (e) =>
        e.kind === 'file' && !e.name.startsWith('.') && e.name.toLowerCase().endsWith(WORKSHOP_EXTENSION),
    )
    .map((e) => e.name);
  const listed = await Promise.all(names.map((fileName) => describeStored(volume, fileName)));
  return listed.sort((a, b) => b.openedAt - a.openedAt || a.name.localeCompare(b.name));
}

async function describeStored(volume: OpfsVolume, fileName: string): Promise<ListedWorkshop> {
  const base = {
    id: await recentIdOf(fileName),
    fileName,
    name: workshopNameOf(fileName),
    folder: BROWSER_FOLDER_LABEL,
  };
  const withProblem = (problem: OpenProblem, changedAt = 0): ListedWorkshop => ({
    ...base,
    openedAt: changedAt,
    problem: describeOpenProblem(problem, base.name),
  });
  try {
    const entry = await volume.stat(pathOf(fileName));
    if (entry.size > MAX_WORKSHOP_BYTES)
      return withProblem({ kind: 'too-large', size: entry.size }, entry.modifiedAt);
    const bytes = await volume.readFile(pathOf(fileName));
    const facts = entry.size <= REPLAY_LIMIT ? currentFacts(bytes) : summaryFacts(bytes);
    if (!facts.ok) return withProblem(facts.problem, entry.modifiedAt);
    return { ...base, openedAt: entry.modifiedAt, changedAt: entry.modifiedAt, ...facts.facts };
  } catch (error) {
    const code = error instanceof StorageError ? error.code : 'io';
    return withProblem({ kind: 'storage', code, detail: '' });
  }
}

/**
 * Files up to this size are replayed for the list: the summary record's counts date from the last
 * compaction, so "0 cards" would be shown for a workshop someone has just filled. Replaying a
 * workshop of this size takes a few milliseconds; larger ones fall back to the summary.
 */
const REPLAY_LIMIT = 4 * 1024 * 1024;

type Facts = { ok: true; facts: { title?: string; cards?: number } } | { ok: false; problem: OpenProblem };

function currentFacts(bytes: Uint8Array): Facts {
  const read = readWorkshopBytes(bytes);
  if (!read.ok) return read;
  const { title, cards } = docFacts(read.doc);
  read.doc.destroy();
  return { ok: true, facts: { title, cards } };
}

/** Framing and checksums only: the last summary record's title and counts, without replaying the document. */
function summaryFacts(bytes: Uint8Array): Facts {
  const scan = scanContainer(bytes);
  if (!scan.ok) return scan;
  let summary: FileSummary | null = null;
  for (const record of scan.records)
    if (record.type === RecordType.summary) summary = decodeSummary(record.payload) ?? summary;
  return { ok: true, facts: summary ? { title: summary.title, cards: summary.cards } : {} };
}

export type CheckedImport =
  | { readonly ok: true; readonly bytes: Uint8Array; readonly baseName: string }
  | { readonly ok: false; readonly problem: FileProblem };

/**
 * Reads a file the person picked or dropped, untrusted: size first, then the whole engine read
 * (framing, checksums, Yjs decoding). Only a file that opens is worth storing.
 */
export async function checkImport(file: File): Promise<CheckedImport> {
  const shownName = file.name.slice(0, 200) || 'The file';
  if (file.size > MAX_WORKSHOP_BYTES)
    return { ok: false, problem: problemFromOpen({ kind: 'too-large', size: file.size }, shownName) };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return {
      ok: false,
      problem: problemFromOpen({ kind: 'storage', code: 'permission-denied', detail: '' }, shownName),
    };
  }
  const read = readWorkshopBytes(bytes);
  if (!read.ok) return { ok: false, problem: problemFromOpen(read.problem, shownName) };
  // The title inside names the stored copy, like a new workshop; the file's own name if it has none.
  const title = read.summary?.title || docFacts(read.doc).title;
  read.doc.destroy();
  const fromFile = workshopNameOf(file.name);
  return {
    ok: true,
    bytes,
    baseName: fileBaseFromTitle(title === 'Untitled workshop' && fromFile ? fromFile : title),
  };
}

/** "Plan.dreamboard", or "Plan 2.dreamboard" when that is taken. Null after a thousand. */
export function freeFileName(volume: OpfsVolume, base: string): Promise<string | null> {
  return firstFreeName(base, async (fileName) => {
    try {
      await volume.stat(pathOf(fileName));
      return true;
    } catch (error) {
      if (error instanceof StorageError && error.code === 'not-found') return false;
      throw error;
    }
  });
}
