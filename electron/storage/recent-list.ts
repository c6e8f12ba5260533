/**
 * The recent workshops, kept as JSON in the app's data folder. Paths stay in main: the renderer
 * sees names, folders for people to recognise, and ids to open by. A damaged or foreign file is
 * ignored (logged) and replaced on the next change; it never stops the app.
 */
import { randomBytes } from 'node:crypto';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, sep } from 'node:path';
import { z } from 'zod';
import { workshopNameOf } from '../../shared/ipc/workshop-names';
import type { RecentEntry } from '../../shared/ipc/workshop-schemas';
import { describeOpenProblem, readWorkshopSummary, toOpenProblem } from '../../shared/storage';
import { NodeVolume } from './node-volume';

export const MAX_RECENT = 20;
const MAX_FILE_BYTES = 256 * 1024;
/** Bigger workshops are listed without title and count rather than read whole for a list. */
const MAX_SUMMARY_READ_BYTES = 16 * 1024 * 1024;

const StoredEntrySchema = z.object({
  id: z.string().regex(/^[0-9a-f]{16}$/),
  path: z.string().min(1).max(4096).refine(isAbsolute),
  openedAt: z.number().finite().nonnegative(),
});
const StoredListSchema = z.object({ version: z.literal(1), entries: z.array(StoredEntrySchema).max(100) });
type StoredEntry = z.infer<typeof StoredEntrySchema>;

/** "~/Documents/Dreamboard" rather than the whole home path: shorter, and says less on a projector. */
export function folderForPeople(path: string, home: string = homedir()): string {
  const folder = dirname(path);
  if (home !== '' && (folder === home || folder.startsWith(home + sep)))
    return `~${folder.slice(home.length)}`;
  return folder;
}

export class RecentList {
  private entries: StoredEntry[] | null = null;
  private readonly volume = new NodeVolume();
  private readonly file: string;

  constructor(
    folder: string,
    private readonly log: (message: string) => void = (m) => console.warn(`[recent] ${m}`),
  ) {
    this.file = join(folder, 'recent-workshops.json');
  }

  /** What the renderer and the menu show, newest first. */
  async list(): Promise<RecentEntry[]> {
    return (await this.load()).map(({ id, path, openedAt }) => ({
      id,
      name: workshopNameOf(basename(path)),
      folder: folderForPeople(path),
      openedAt,
    }));
  }

  /**
   * The list with what the start screen shows about each file: title and cards from its summary
   * record, when it last changed, or why it cannot be opened. Files are only read, never written.
   */
  async listWithDetails(): Promise<RecentEntry[]> {
    const entries = await this.load();
    const plain = await this.list();
    return Promise.all(
      plain.map(async (entry, index) => {
        const path = entries[index]!.path;
        try {
          const info = await this.volume.stat(path);
          if (!info.isFile)
            return {
              ...entry,
              problem: describeOpenProblem(
                { kind: 'not-dreamboard', detail: 'it is not a regular file' },
                basename(path),
              ),
            };
          if (info.size > MAX_SUMMARY_READ_BYTES) return { ...entry, changedAt: info.modifiedAt };
          const summary = readWorkshopSummary(await this.volume.readFile(path));
          return {
            ...entry,
            changedAt: info.modifiedAt,
            ...(summary ? { title: summary.title, cards: summary.cards } : {}),
          };
        } catch (error) {
          return { ...entry, problem: describeOpenProblem(toOpenProblem(error), basename(path)) };
        }
      }),
    );
  }

  async pathOf(id: string): Promise<string | null> {
    return (await this.load()).find((e) => e.id === id)?.path ?? null;
  }

  /** Moves the workshop to the top (adding it if new), keeping its id so menus stay valid. */
  async touch(path: string, openedAt: number): Promise<void> {
    const entries = await this.load();
    const existing = entries.find((e) => e.path === path);
    const next = [
      { id: existing?.id ?? randomBytes(8).toString('hex'), path, openedAt },
      ...entries.filter((e) => e.path !== path),
    ];
    await this.save(next.slice(0, MAX_RECENT));
  }

  /** After a rename or Save As, the entry follows the file. */
  async replacePath(from: string, to: string, openedAt: number): Promise<void> {
    const entries = (await this.load()).filter((e) => e.path !== to);
    const at = entries.findIndex((e) => e.path === from);
    if (at >= 0) entries.splice(at, 1);
    await this.save(
      [{ id: randomBytes(8).toString('hex'), path: to, openedAt }, ...entries].slice(0, MAX_RECENT),
    );
  }

  async forget(id: string): Promise<void> {
    await this.save((await this.load()).filter((e) => e.id !== id));
  }

  private async load(): Promise<StoredEntry[]> {
    if (this.entries !== null) return this.entries;
    this.entries = await this.read();
    return this.entries;
  }

  private async read(): Promise<StoredEntry[]> {
    let text: string;
    try {
      const bytes = await this.volume.readFile(this.file);
      if (bytes.length > MAX_FILE_BYTES) {
        this.log('the recent list is too large to be ours; starting a new one');
        return [];
      }
      text = new TextDecoder().decode(bytes);
    } catch {
      return []; // No list yet.
    }
    try {
      const parsed = StoredListSchema.safeParse(JSON.parse(text));
      if (parsed.success) return dedupe(parsed.data.entries).slice(0, MAX_RECENT);
      this.log('the recent list is not in the expected shape; starting a new one');
    } catch {
      this.log('the recent list is not valid JSON; starting a new one');
    }
    return [];
  }

  private async save(entries: StoredEntry[]): Promise<void> {
    this.entries = entries;
    try {
      await this.volume.replaceAtomically(
        this.file,
        new TextEncoder().encode(JSON.stringify({ version: 1, entries })),
      );
    } catch (error) {
      // The list is a convenience: failing to save it must not fail opening a workshop.
      this.log(`could not save the recent list: ${String(error)}`);
    }
  }
}

function dedupe(entries: readonly StoredEntry[]): StoredEntry[] {
  const seenPaths = new Set<string>();
  const seenIds = new Set<string>();
  return entries.filter((e) => {
    if (seenPaths.has(e.path) || seenIds.has(e.id)) return false;
    seenPaths.add(e.path);
    seenIds.add(e.id);
    return true;
  });
}
