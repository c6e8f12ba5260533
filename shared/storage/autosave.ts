import { applyUpdates, docFacts, encodeState, mergeUpdates, type Doc } from '../doc/updates';
import { encodeRecord, RecordType } from './container';
import { readWorkshopFile, toOpenProblem, type OpenedWorkshop } from './open';
import { describeStorageFailure, type OpenProblem } from './problems';
import { encodeSummary } from './summary';
import { StorageError, type FileWriter, type StorageErrorCode, type StorageVolume } from './volume';
import { encodeWorkshopFile, summariseForFile } from './workshop-file';

/** Timers come from outside: shared/ has no setTimeout of its own, and tests drive time themselves. */
export interface Scheduler {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export type SaveState =
  | { readonly kind: 'saved'; readonly savedAt: number }
  /** Changes are waiting for the next write (at most `delayMs` away). */
  | { readonly kind: 'unsaved' }
  | { readonly kind: 'saving' }
  /** The last write failed; changes are kept in memory and the write is retried. */
  | {
      readonly kind: 'failing';
      readonly code: StorageErrorCode;
      readonly message: string;
      readonly retryInMs: number;
    }
  | { readonly kind: 'read-only'; readonly reason: string };

export interface CompactionStats {
  readonly fileBytes: number;
  readonly recordsSinceCompaction: number;
  readonly bytesAfterLastCompaction: number;
}

export interface AutosaveOptions {
  readonly volume: StorageVolume;
  readonly path: string;
  /** How people know the file, for messages; defaults to the path. */
  readonly name?: string;
  readonly scheduler: Scheduler;
  readonly now?: () => number;
  /** Changes are batched for this long before a write (keeps a burst of typing to one fsync). */
  readonly delayMs?: number;
  /** Waits between retries after a failed write; the last one repeats. */
  readonly retryDelaysMs?: readonly number[];
  readonly shouldCompact?: (stats: CompactionStats) => boolean;
  readonly onStateChange?: (state: SaveState) => void;
}

/** Compact after many appends, or once the appended history outweighs the state itself. */
export function defaultShouldCompact(stats: CompactionStats): boolean {
  return (
    stats.recordsSinceCompaction >= 500 ||
    (stats.fileBytes > 1024 * 1024 && stats.fileBytes > 3 * stats.bytesAfterLastCompaction)
  );
}

export type OpenForEditingResult =
  | { readonly ok: false; readonly problem: OpenProblem }
  | {
      readonly ok: true;
      readonly session: AutosaveSession;
      readonly read: OpenedWorkshop;
      readonly removedTemporaries: number;
    };

/**
 * Opens a workshop to work on: removes temporary files a crash left behind, reads the file
 * (recovering a damaged tail), and returns a session that saves every recorded change.
 * A file that cannot be read is not touched. A file from a newer version opens read-only.
 */
export async function openForEditing(options: AutosaveOptions): Promise<OpenForEditingResult> {
  let removedTemporaries = 0;
  try {
    removedTemporaries = await options.volume.removeTemporaries(options.path);
  } catch {
    // Leftover temporaries waste space but never hide work: opening goes on.
  }
  const read = await readWorkshopFile(options.volume, options.path);
  if (!read.ok) return read;
  let writer: FileWriter | null = null;
  if (read.readOnlyReason === null) {
    try {
      writer = await options.volume.openWriter(options.path);
    } catch (error) {
      return { ok: false, problem: toOpenProblem(error) };
    }
  }
  const session = new AutosaveSession(options, read, writer);
  return { ok: true, session, read, removedTemporaries };
}

/**
 * Saves a document by appending each batch of Yjs updates as a checksummed record, and now and
 * then compacting the file into one record with an atomic replace. Every write goes at the end
 * of the last durable record, so a failed or torn write is overwritten by the retry and never
 * sits between good records; until then the checksum makes readers drop it.
 */
export class AutosaveSession {
  /** The saved document as this session knows it (what a compaction writes). */
  readonly doc: Doc;
  private readonly options: Required<Omit<AutosaveOptions, 'name' | 'onStateChange'>> &
    Pick<AutosaveOptions, 'onStateChange'>;
  private readonly name: string;
  private pending: Uint8Array[] = [];
  private recorded = 0;
  private durable = 0;
  private durableLength: number;
  /** Bytes past `durableLength` may hold a failed write (or a recovered file's damaged tail). */
  private tailMayHoldGarbage: boolean;
  private mustCompact: boolean;
  private skipVoluntaryCompactions = 0;
  private recordsSinceCompaction = 0;
  private bytesAfterLastCompaction: number;
  /** The facts the file's last summary record holds; a new one is appended when they change. */
  private summarised: string;
  private inFlight: Promise<void> | null = null;
  private timer: unknown = null;
  private failures = 0;
  private closed = false;
  private state: SaveState;

  constructor(
    options: AutosaveOptions,
    read: OpenedWorkshop,
    private writer: FileWriter | null,
  ) {
    this.options = {
      now: () => Date.now(),
      delayMs: 250,
      retryDelaysMs: [250, 1000, 2000, 5000, 10_000],
      shouldCompact: defaultShouldCompact,
      ...options,
    };
    this.name = options.name ?? options.path;
    this.doc = read.doc;
    this.durableLength = read.validBytes;
    this.bytesAfterLastCompaction = read.validBytes;
    // A recovered file is rewritten whole on its first save, so new records never follow damage.
    this.mustCompact = read.recovery !== null;
    this.tailMayHoldGarbage = read.recovery !== null;
    const facts = docFacts(this.doc);
    this.summarised = read.summary ? summaryKey(read.summary) : summaryKey(facts);
    this.state =
      read.readOnlyReason !== null
        ? { kind: 'read-only', reason: read.readOnlyReason }
        : { kind: 'saved', savedAt: read.entry?.modifiedAt ?? 0 };
  }

  get saveState(): SaveState {
    return this.state;
  }

  get isReadOnly(): boolean {
    return this.state.kind === 'read-only';
  }

  /** How many recorded updates are durable on disk (for "saved N" reporting). */
  get savedCount(): number {
    return this.durable;
  }

  get recordedCount(): number {
    return this.recorded;
  }

  /** The whole saved state as one update: what the renderer loads, what history snapshots. */
  encodeState(): Uint8Array {
    return encodeState(this.doc);
  }

  /**
   * Takes one update from the live document (subscribe after loading the initial state, or
   * that state is written again). Throws for a read-only workshop: the caller must not allow
   * edits there, and silently dropping them would lose work.
   */
  record(update: Uint8Array): void {
    if (this.state.kind === 'read-only') throw new Error(this.state.reason);
    if (this.closed) throw new Error('This workshop is closed; its changes can no longer be saved.');
    applyUpdates(this.doc, [update]);
    this.pending.push(update);
    this.recorded++;
    if (this.state.kind !== 'failing') this.setState({ kind: 'unsaved' });
    if (this.timer === null && this.state.kind !== 'failing') this.schedule(this.options.delayMs);
  }

  /** Writes everything recorded so far and resolves once it is durable; throws the StorageError if the write fails (a retry is scheduled). */
  async flush(): Promise<void> {
    const target = this.recorded;
    while (this.durable < target) {
      if (this.inFlight) {
        await this.inFlight.catch(() => {});
        continue;
      }
      this.inFlight = this.writeOnce();
      try {
        await this.inFlight;
      } finally {
        this.inFlight = null;
      }
    }
  }

  /** Saves what is pending and releases the file. Throws (and stays open) if the last save fails. */
  async close(): Promise<void> {
    if (this.closed) return;
    if (this.state.kind !== 'read-only') await this.flush();
    this.cancelTimer();
    this.closed = true;
    await this.writer?.close();
    this.writer = null;
  }

  private schedule(ms: number): void {
    this.cancelTimer();
    this.timer = this.options.scheduler.set(() => {
      this.timer = null;
      this.flush().catch(() => {
        // The failure is in saveState and a retry is scheduled; nothing to do here.
      });
    }, ms);
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.options.scheduler.clear(this.timer);
    this.timer = null;
  }

  private async writeOnce(): Promise<void> {
    const batch = this.pending;
    const upTo = this.recorded;
    if (batch.length === 0 && !this.mustCompact) return;
    this.pending = [];
    this.setState({ kind: 'saving' });
    let compacting = false;
    try {
      compacting =
        this.mustCompact || (this.skipVoluntaryCompactions === 0 && this.options.shouldCompact(this.stats()));
      if (compacting) await this.compact();
      else await this.append(batch);
      this.durable = Math.max(this.durable, upTo);
      this.failures = 0;
      if (this.skipVoluntaryCompactions > 0) this.skipVoluntaryCompactions--;
      this.setState(
        this.pending.length > 0 ? { kind: 'unsaved' } : { kind: 'saved', savedAt: this.options.now() },
      );
    } catch (error) {
      this.pending = batch.concat(this.pending);
      this.tailMayHoldGarbage = true;
      // A compaction needs room for a whole copy; on a full disk a small append may still fit.
      if (compacting && !this.mustCompact) this.skipVoluntaryCompactions = 20;
      const failure = toStorageError(error);
      const retryInMs =
        this.options.retryDelaysMs[Math.min(this.failures, this.options.retryDelaysMs.length - 1)] ?? 1000;
      this.failures++;
      this.setState({
        kind: 'failing',
        code: failure.code,
        message: describeStorageFailure(failure.code, this.name, 'save'),
        retryInMs,
      });
      if (!this.closed) this.schedule(retryInMs);
      throw failure;
    }
  }

  private async append(batch: readonly Uint8Array[]): Promise<void> {
    this.writer ??= await this.options.volume.openWriter(this.options.path);
    const facts = docFacts(this.doc);
    const parts = [encodeRecord(RecordType.update, mergeUpdates(batch))];
    // Keeping the summary current lets file lists show the right title and counts without
    // replaying the document; it costs ~100 bytes, and only when the facts changed.
    const factsChanged = summaryKey(facts) !== this.summarised;
    if (factsChanged)
      parts.push(encodeRecord(RecordType.summary, encodeSummary({ ...facts, savedAt: this.options.now() })));
    const bytes = concat(parts);
    await this.writer.write(bytes, this.durableLength);
    if (this.tailMayHoldGarbage) await this.writer.truncate(this.durableLength + bytes.length);
    await this.writer.sync();
    this.durableLength += bytes.length;
    this.tailMayHoldGarbage = false;
    this.recordsSinceCompaction++;
    if (factsChanged) this.summarised = summaryKey(facts);
  }

  private async compact(): Promise<void> {
    const bytes = encodeWorkshopFile(this.doc, this.options.now());
    // Close first: some systems refuse to rename over an open file.
    const old = this.writer;
    this.writer = null;
    await old?.close();
    await this.options.volume.replaceAtomically(this.options.path, bytes);
    // The new file is in place: from here on, positions refer to it. The writer is reopened by the
    // next append, so a failure to open it cannot leave a stale length behind.
    this.durableLength = bytes.length;
    this.bytesAfterLastCompaction = bytes.length;
    this.recordsSinceCompaction = 0;
    this.tailMayHoldGarbage = false;
    this.mustCompact = false;
    this.summarised = summaryKey(summariseForFile(this.doc, 0));
  }

  private stats(): CompactionStats {
    return {
      fileBytes: this.durableLength,
      recordsSinceCompaction: this.recordsSinceCompaction,
      bytesAfterLastCompaction: this.bytesAfterLastCompaction,
    };
  }

  private setState(state: SaveState): void {
    this.state = state;
    this.options.onStateChange?.(state);
  }
}

function toStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  return new StorageError('io', error instanceof Error ? error.message : String(error), error);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function summaryKey(f: {
  title: string;
  schemaVersion: number;
  cards: number;
  frames: number;
  connectors: number;
}): string {
  return JSON.stringify([f.title, f.schemaVersion, f.cards, f.frames, f.connectors]);
}
