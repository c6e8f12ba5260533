/**
 * Version history in the browser: the same rules as the desktop's history store
 * (electron/storage/history-store.ts, shared/storage/history.ts) over the origin-private file
 * system. Snapshots live in `history/<key>/<id>.dreamboard` with `<id>.json` beside it, where the
 * key is a hash of the workshop's file name; renaming a workshop carries its history along.
 */
import { cardIds, docFacts, type Doc } from '../../shared/doc/updates';
import {
  compareCardSets,
  DEFAULT_HISTORY_POLICY,
  encodeWorkshopFile,
  parseSnapshotInfo,
  readWorkshopBytes,
  snapshotsToPrune,
  type HistoryPolicy,
  type OpenProblem,
  type SnapshotInfo,
} from '../../shared/storage';
import type { OpfsVolume } from './opfs-volume';

const ID = /^[0-9a-z-]{1,64}$/;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export type LoadedSnapshot = { ok: true; doc: Doc } | { ok: false; problem: OpenProblem };

async function hashOf(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
  return [...digest.slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function randomHex(bytes: number): string {
  return [...crypto.getRandomValues(new Uint8Array(bytes))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');
}

export class OpfsHistoryStore {
  /** Card ids of the newest snapshot per workshop, so each snapshot compares without reading the last back. */
  private readonly lastCards = new Map<string, Set<string>>();

  constructor(
    private readonly volume: OpfsVolume,
    private readonly root = 'history',
    private readonly policy: HistoryPolicy = DEFAULT_HISTORY_POLICY,
  ) {}

  async folderFor(fileName: string): Promise<string> {
    return `${this.root}/${await hashOf(fileName)}`;
  }

  /** Saves a snapshot of `doc`, then deletes snapshots past the policy. Returns what the list shows. */
  async save(fileName: string, doc: Doc, now: number): Promise<SnapshotInfo> {
    const folder = await this.folderFor(fileName);
    const current = cardIds(doc);
    const previous = this.lastCards.get(folder) ?? (await this.newestCardIds(fileName));
    const { added, removed } = compareCardSets(previous, current);
    const bytes = encodeWorkshopFile(doc, now);
    const id = `${String(now).padStart(15, '0')}-${randomHex(3)}`;
    const info: SnapshotInfo = {
      id,
      takenAt: now,
      title: docFacts(doc).title,
      cards: current.size,
      cardsAdded: added,
      cardsRemoved: removed,
      bytes: bytes.length,
    };
    // The snapshot first, its description second: a description never points at a missing file.
    await this.volume.createExclusive(`${folder}/${id}.dreamboard`, bytes);
    await this.volume.createExclusive(`${folder}/${id}.json`, encoder.encode(JSON.stringify(info)));
    this.lastCards.set(folder, current);
    await this.prune(fileName, now);
    return info;
  }

  /** Snapshots newest first. Damaged or foreign entries are left out, not fatal. */
  async list(fileName: string): Promise<SnapshotInfo[]> {
    const folder = await this.folderFor(fileName);
    const entries = await this.volume.list(folder);
    const infos = await Promise.all(
      entries
        .filter((e) => e.kind === 'file' && e.name.endsWith('.json') && !e.name.startsWith('.'))
        .map(async (e) => {
          try {
            const info = parseSnapshotInfo(
              JSON.parse(decoder.decode(await this.volume.readFile(`${folder}/${e.name}`))),
            );
            return info && `${info.id}.json` === e.name ? info : null;
          } catch {
            return null;
          }
        }),
    );
    return infos.filter((i): i is SnapshotInfo => i !== null).sort((a, b) => b.takenAt - a.takenAt);
  }

  /** The snapshot's document, for preview and for restoring. */
  async load(fileName: string, id: string): Promise<LoadedSnapshot> {
    const missing: LoadedSnapshot = {
      ok: false,
      problem: { kind: 'storage', code: 'not-found', detail: 'no such version' },
    };
    if (!ID.test(id)) return missing;
    let bytes: Uint8Array;
    try {
      bytes = await this.volume.readFile(`${await this.folderFor(fileName)}/${id}.dreamboard`);
    } catch {
      return missing;
    }
    const read = readWorkshopBytes(bytes);
    return read.ok ? { ok: true, doc: read.doc } : read;
  }

  async prune(fileName: string, now: number): Promise<number> {
    const folder = await this.folderFor(fileName);
    const doomed = snapshotsToPrune(await this.list(fileName), now, this.policy);
    for (const entry of await this.volume.list(folder)) {
      // Temporary files from a snapshot that a closed tab interrupted.
      if (entry.name.startsWith('.') && entry.name.endsWith('.tmp'))
        await this.volume.remove(`${folder}/${entry.name}`);
    }
    for (const id of doomed) {
      // Description first: a snapshot without one is invisible, never a broken list entry.
      await this.volume.remove(`${folder}/${id}.json`);
      await this.volume.remove(`${folder}/${id}.dreamboard`);
    }
    return doomed.length;
  }

  /** A renamed workshop keeps its history: each snapshot is copied under the new key, then the old key goes. */
  async rename(fromFile: string, toFile: string): Promise<void> {
    const from = await this.folderFor(fromFile);
    const to = await this.folderFor(toFile);
    for (const entry of await this.volume.list(from)) {
      if (entry.kind !== 'file' || entry.name.startsWith('.')) continue;
      const bytes = await this.volume.readFile(`${from}/${entry.name}`);
      await this.volume.replaceAtomically(`${to}/${entry.name}`, bytes);
    }
    await this.volume.remove(from);
    const cards = this.lastCards.get(from);
    this.lastCards.delete(from);
    if (cards) this.lastCards.set(to, cards);
  }

  /** Deletes a workshop's whole history (when the workshop itself is deleted). */
  async forget(fileName: string): Promise<void> {
    const folder = await this.folderFor(fileName);
    this.lastCards.delete(folder);
    await this.volume.remove(folder);
  }

  private async newestCardIds(fileName: string): Promise<Set<string> | null> {
    const [newest] = await this.list(fileName);
    if (!newest) return null;
    const loaded = await this.load(fileName, newest.id);
    return loaded.ok ? cardIds(loaded.doc) : null;
  }
}
