import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import { join, resolve } from 'node:path';
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
import { NodeVolume } from './node-volume';

/**
 * Snapshots on disk: `<root>/<workshop key>/<id>.dreamboard` with `<id>.json` beside it.
 * The key is a hash of the workshop's absolute path: history follows the file's name, so a
 * moved or renamed workshop starts a fresh history (its old snapshots age out after a week).
 */
export class HistoryStore {
  private readonly volume = new NodeVolume();
  /** Card ids of the newest snapshot per workshop, so each save compares without reading it back. */
  private readonly lastCards = new Map<string, Set<string>>();

  constructor(
    private readonly root: string,
    private readonly policy: HistoryPolicy = DEFAULT_HISTORY_POLICY,
  ) {}

  folderFor(workshopPath: string): string {
    return join(this.root, createHash('sha256').update(resolve(workshopPath)).digest('hex').slice(0, 32));
  }

  /** Saves a snapshot of `doc`, then deletes snapshots past the policy. Returns what the list shows. */
  async save(workshopPath: string, doc: Doc, now: number): Promise<SnapshotInfo> {
    const folder = this.folderFor(workshopPath);
    await fs.mkdir(folder, { recursive: true });
    const current = cardIds(doc);
    const previous = this.lastCards.get(folder) ?? (await this.newestCardIds(workshopPath));
    const { added, removed } = compareCardSets(previous, current);
    const bytes = encodeWorkshopFile(doc, now);
    const id = `${String(now).padStart(15, '0')}-${randomBytes(3).toString('hex')}`;
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
    await this.volume.replaceAtomically(join(folder, `${id}.dreamboard`), bytes);
    await this.volume.replaceAtomically(
      join(folder, `${id}.json`),
      new TextEncoder().encode(JSON.stringify(info)),
    );
    this.lastCards.set(folder, current);
    await this.prune(workshopPath, now);
    return info;
  }

  /** Snapshots newest first. Damaged or foreign entries are left out, not fatal. */
  async list(workshopPath: string): Promise<SnapshotInfo[]> {
    const folder = this.folderFor(workshopPath);
    let names: string[];
    try {
      names = await fs.readdir(folder);
    } catch {
      return [];
    }
    const infos = await Promise.all(
      names
        .filter((n) => n.endsWith('.json'))
        .map(async (n) => {
          try {
            const info = parseSnapshotInfo(JSON.parse(await fs.readFile(join(folder, n), 'utf8')));
            return info && `${info.id}.json` === n ? info : null;
          } catch {
            return null;
          }
        }),
    );
    return infos.filter((i): i is SnapshotInfo => i !== null).sort((a, b) => b.takenAt - a.takenAt);
  }

  /** The snapshot's document, for preview and for `restoreContentFrom`. */
  async load(
    workshopPath: string,
    id: string,
  ): Promise<{ ok: true; doc: Doc } | { ok: false; problem: OpenProblem }> {
    if (!/^[0-9a-z-]{1,64}$/.test(id))
      return { ok: false, problem: { kind: 'storage', code: 'not-found', detail: 'no such snapshot' } };
    let bytes: Uint8Array;
    try {
      bytes = await this.volume.readFile(join(this.folderFor(workshopPath), `${id}.dreamboard`));
    } catch {
      return { ok: false, problem: { kind: 'storage', code: 'not-found', detail: 'no such snapshot' } };
    }
    const read = readWorkshopBytes(bytes);
    return read.ok ? { ok: true, doc: read.doc } : read;
  }

  async prune(workshopPath: string, now: number): Promise<number> {
    const folder = this.folderFor(workshopPath);
    const doomed = snapshotsToPrune(await this.list(workshopPath), now, this.policy);
    // Temporary files from a save that a crash interrupted.
    for (const name of await fs.readdir(folder).catch(() => [] as string[])) {
      if (name.startsWith('.') && name.endsWith('.tmp')) await fs.rm(join(folder, name), { force: true });
    }
    for (const id of doomed) {
      // Description first: a snapshot without one is invisible, never a broken list entry.
      await fs.rm(join(folder, `${id}.json`), { force: true });
      await fs.rm(join(folder, `${id}.dreamboard`), { force: true });
    }
    return doomed.length;
  }

  private async newestCardIds(workshopPath: string): Promise<Set<string> | null> {
    const [newest] = await this.list(workshopPath);
    if (!newest) return null;
    const loaded = await this.load(workshopPath, newest.id);
    return loaded.ok ? cardIds(loaded.doc) : null;
  }
}
