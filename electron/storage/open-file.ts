/**
 * One workshop file open in the app: its autosave session, its lock, its version history, and the
 * moves (Save As, Rename) that carry the session to another path without losing an update.
 * Plain Node: no 'electron' import, tested with temporary folders.
 */
import * as fs from 'node:fs/promises';
import { basename } from 'node:path';
import { encodeState, loadDoc, type Doc } from '../../shared/doc/updates';
import { problemFromOpen, problemFromStorage } from '../../shared/ipc/file-problems';
import { workshopNameOf } from '../../shared/ipc/workshop-names';
import type { FileProblem, HistoryEntry, SaveStateView } from '../../shared/ipc/workshop-schemas';
import {
  describeRecovery,
  encodeWorkshopFile,
  NEWER_VERSION_READ_ONLY,
  openForEditing,
  readWorkshopFile,
  SnapshotTimer,
  StorageError,
  type AutosaveSession,
  type HistoryPolicy,
  type SaveState,
  type Scheduler,
} from '../../shared/storage';
import type { HistoryStore } from './history-store';
import type { NodeVolume } from './node-volume';
import { acquireLock, describeHeldLock, type HeldLock, type LockEnvironment } from './workshop-lock';

export interface OpenFileDeps {
  readonly volume: NodeVolume;
  readonly scheduler: Scheduler;
  readonly now: () => number;
  readonly history: HistoryStore;
  readonly historyPolicy: HistoryPolicy;
  readonly lockEnv: LockEnvironment;
  readonly log: (message: string) => void;
}

export const NO_PERMISSION_READ_ONLY =
  'Dreamboard is not allowed to save changes to this workshop where it is. You can look at it; use Save as… to keep working on a copy.';

type ReadOnlyKind = 'newer-format' | 'locked' | 'no-permission' | null;

export interface OpenFacts {
  readonly recoveryMessage: string | null;
  readonly removedTemporaries: number;
}

export type OpenFileResult =
  | { readonly ok: true; readonly file: OpenFile; readonly facts: OpenFacts }
  | { readonly ok: false; readonly problem: FileProblem };

const isPermissionProblem = (code: string) => code === 'permission-denied' || code === 'read-only-volume';

export class OpenFile {
  private session: AutosaveSession | null = null;
  private readOnlyDoc: Doc | null = null;
  private lock: HeldLock | null = null;
  private readOnlyKind: ReadOnlyKind = null;
  private readOnlyText: string | null = null;
  /** Updates that arrive while the session moves to another path; replayed into the new session. */
  private moving: Uint8Array[] | null = null;
  private readonly snapshotTimer: SnapshotTimer;
  private snapshotOfOpenedState = false;
  private snapshots: Promise<void> = Promise.resolve();

  private constructor(
    readonly handle: string,
    public windowId: number,
    private filePath: string,
    private readonly deps: OpenFileDeps,
    private readonly onSaveState: (file: OpenFile, state: SaveStateView) => void,
  ) {
    this.snapshotTimer = new SnapshotTimer(deps.historyPolicy, deps.now());
  }

  /** Opens for editing when the lock can be had, read-only when not; never writes an unreadable file. */
  static async open(
    path: string,
    handle: string,
    windowId: number,
    deps: OpenFileDeps,
    onSaveState: (file: OpenFile, state: SaveStateView) => void,
  ): Promise<OpenFileResult> {
    const file = new OpenFile(handle, windowId, path, deps, onSaveState);
    const name = basename(path);
    // Temporaries beside the file are removed on opening: only safe while we hold the lock, or we
    // could delete another editor's compaction in progress.
    const attempt = await acquireLock(path, deps.lockEnv);
    if (attempt.kind === 'acquired') {
      const opened = await file.startSession(path);
      if (opened.ok) {
        file.lock = attempt.lock;
        if (file.session?.isReadOnly) {
          file.readOnlyKind = 'newer-format';
          file.readOnlyText = NEWER_VERSION_READ_ONLY;
          await attempt.lock.release();
          file.lock = null;
        }
        return { ok: true, file, facts: opened.facts };
      }
      await attempt.lock.release();
      if (!(opened.problem.kind === 'storage' && isPermissionProblem(opened.problem.code)))
        return { ok: false, problem: problemFromOpen(opened.problem, name) };
      return file.openReadOnly('no-permission', NO_PERMISSION_READ_ONLY);
    }
    if (attempt.kind === 'held')
      return file.openReadOnly('locked', describeHeldLock(attempt.owner, deps.lockEnv.hostname));
    return file.openReadOnly('no-permission', NO_PERMISSION_READ_ONLY);
  }

  get path(): string {
    return this.filePath;
  }

  /** The file name without its extension. */
  get name(): string {
    return workshopNameOf(basename(this.filePath));
  }

  get readOnlyReason(): string | null {
    return this.readOnlyText;
  }

  get saveState(): SaveStateView {
    if (this.readOnlyText !== null) return { kind: 'read-only', reason: this.readOnlyText };
    return this.session?.saveState ?? { kind: 'saving' };
  }

  encodeState(): Uint8Array {
    if (this.session) return this.session.encodeState();
    return this.readOnlyDoc ? encodeState(this.readOnlyDoc) : new Uint8Array();
  }

  /** Throws for a read-only workshop (the IPC answers invalid-request): the renderer must not edit it. */
  record(update: Uint8Array): void {
    if (this.readOnlyText !== null) throw new StorageError('read-only-volume', this.readOnlyText);
    if (this.moving !== null) {
      this.moving.push(update);
      return;
    }
    if (!this.session) throw new StorageError('io', 'This workshop is closed.');
    // The first change of a visit keeps the workshop as it was opened, so it can always be got back.
    if (!this.snapshotOfOpenedState) {
      this.snapshotOfOpenedState = true;
      this.snapshot(this.session.encodeState());
    }
    this.session.record(update);
    this.snapshotTimer.noteChange();
    if (this.snapshotTimer.isDue(this.deps.now())) this.snapshot(this.session.encodeState());
  }

  /** Writes a copy to `target` and carries on there; the old file keeps everything saved before. */
  async saveAs(target: string): Promise<FileProblem | null> {
    const targetName = basename(target);
    if (this.readOnlyKind === 'newer-format')
      return { code: 'newer-format', message: NEWER_VERSION_READ_ONLY };
    const lock = await this.lockFor(target);
    if ('problem' in lock) return lock.problem;
    this.moving = [];
    const copy = loadDoc([this.encodeState()]);
    try {
      const now = this.deps.now();
      // The person confirmed replacing an existing file in the save dialog; the replace is atomic.
      await this.deps.volume.replaceAtomically(target, encodeWorkshopFile(copy, now));
    } catch (error) {
      this.replayMoving();
      await lock.held.release();
      return problemFromStorage(error instanceof StorageError ? error.code : 'io', targetName, 'create');
    } finally {
      copy.destroy();
    }
    const previous = { session: this.session, lock: this.lock };
    const opened = await this.startSession(target);
    if (!opened.ok) {
      this.replayMoving();
      await lock.held.release();
      return problemFromOpen(opened.problem, targetName);
    }
    this.filePath = target;
    this.lock = lock.held;
    this.readOnlyKind = null;
    this.readOnlyText = null;
    this.readOnlyDoc = null;
    this.snapshotOfOpenedState = false;
    this.replayMoving();
    // Everything recorded into the old session is in the copy; its own final save is a courtesy.
    await previous.session
      ?.close()
      .catch((error: unknown) => this.deps.log(`closing the previous file after Save As: ${String(error)}`));
    await previous.lock?.release();
    this.emitSaveState();
    return null;
  }

  /** Renames the file in its folder; never replaces another file. */
  async rename(target: string): Promise<FileProblem | null> {
    const targetName = basename(target);
    if (this.readOnlyText !== null || !this.session)
      return { code: 'read-only', message: 'A workshop open read-only cannot be renamed here.' };
    if (target === this.filePath) return null;
    if (await exists(target)) return problemFromStorage('exists', targetName, 'save');
    const lock = await this.lockFor(target);
    if ('problem' in lock) return lock.problem;
    const from = this.filePath;
    this.moving = [];
    try {
      // Closed first: some systems refuse to rename a file that is open.
      await this.session.close();
    } catch (error) {
      this.moving = null;
      await lock.held.release();
      return this.saveFailed(error);
    }
    this.session = null;
    let renamed = true;
    try {
      await renameWithoutReplacing(from, target);
    } catch (error) {
      renamed = false;
      this.deps.log(`rename failed: ${String(error)}`);
    }
    const now = renamed ? target : from;
    const opened = await this.startSession(now);
    if (!opened.ok) {
      // Updates stay in `moving` (in memory, still accepted) and the person is told; this only
      // happens when the file vanished or lost its permissions in the instant after closing.
      this.deps.log(`could not reopen ${now} after renaming`);
      return {
        code: 'io',
        message: `"${basename(now)}" could not be opened again after renaming. Keep this window open and use Save as… to keep your work.`,
      };
    }
    this.replayMoving();
    const [keep, drop] = renamed ? [lock.held, this.lock] : [this.lock, lock.held];
    await drop?.release();
    this.lock = keep;
    this.filePath = now;
    this.emitSaveState();
    if (!renamed) return problemFromStorage('io', targetName, 'save');
    await this.moveHistory(from, target);
    return null;
  }

  /** Final save and release. A problem means the save failed: the file stays open and retrying. */
  async close(): Promise<FileProblem | null> {
    await this.snapshots;
    try {
      await this.session?.close();
    } catch (error) {
      return this.saveFailed(error);
    }
    this.session = null;
    await this.lock?.release();
    this.lock = null;
    return null;
  }

  history(): Promise<HistoryEntry[]> {
    return this.deps.history.list(this.filePath);
  }

  async loadHistory(
    id: string,
  ): Promise<{ ok: true; state: Uint8Array } | { ok: false; problem: FileProblem }> {
    const loaded = await this.deps.history.load(this.filePath, id);
    if (!loaded.ok) return { ok: false, problem: problemFromOpen(loaded.problem, 'That version') };
    const state = encodeState(loaded.doc);
    loaded.doc.destroy();
    return { ok: true, state };
  }

  private async startSession(path: string) {
    let session: AutosaveSession | null = null;
    const opened = await openForEditing({
      volume: this.deps.volume,
      path,
      name: basename(path),
      scheduler: this.deps.scheduler,
      now: this.deps.now,
      // A session left behind by Save As still reports while it closes; only the current one speaks.
      onStateChange: (state: SaveState) => {
        if (session !== null && this.session === session) this.onSaveState(this, state);
      },
    });
    if (!opened.ok) return opened;
    session = opened.session;
    this.session = session;
    const facts: OpenFacts = {
      recoveryMessage: opened.read.recovery ? describeRecovery(opened.read.recovery) : null,
      removedTemporaries: opened.removedTemporaries,
    };
    return { ok: true as const, facts };
  }

  private async openReadOnly(kind: Exclude<ReadOnlyKind, null>, reason: string): Promise<OpenFileResult> {
    const read = await readWorkshopFile(this.deps.volume, this.filePath);
    if (!read.ok) return { ok: false, problem: problemFromOpen(read.problem, basename(this.filePath)) };
    this.readOnlyDoc = read.doc;
    this.readOnlyKind = kind;
    this.readOnlyText = reason;
    return {
      ok: true,
      file: this,
      facts: {
        recoveryMessage: read.recovery ? describeRecovery(read.recovery) : null,
        removedTemporaries: 0,
      },
    };
  }

  private async lockFor(target: string): Promise<{ held: HeldLock } | { problem: FileProblem }> {
    const attempt = await acquireLock(target, this.deps.lockEnv);
    if (attempt.kind === 'acquired') return { held: attempt.lock };
    if (attempt.kind === 'held')
      return {
        problem: { code: 'exists', message: describeHeldLock(attempt.owner, this.deps.lockEnv.hostname) },
      };
    return { problem: problemFromStorage('permission-denied', basename(target), 'create') };
  }

  private replayMoving(): void {
    const updates = this.moving ?? [];
    this.moving = null;
    for (const update of updates) this.session?.record(update);
  }

  private snapshot(state: Uint8Array): void {
    const now = this.deps.now();
    this.snapshotTimer.noteSnapshot(now);
    const path = this.filePath;
    // One at a time, off the editing path; a failed snapshot is logged, never fatal.
    this.snapshots = this.snapshots
      .then(() => this.deps.history.save(path, loadDoc([state]), now))
      .then(
        () => undefined,
        (error: unknown) => this.deps.log(`version history snapshot failed: ${String(error)}`),
      );
  }

  private async moveHistory(from: string, to: string): Promise<void> {
    await this.snapshots;
    const source = this.deps.history.folderFor(from);
    const destination = this.deps.history.folderFor(to);
    if (await exists(destination)) return;
    await fs.rename(source, destination).catch(() => undefined); // No history yet: nothing to move.
  }

  private saveFailed(error: unknown): FileProblem {
    const code = error instanceof StorageError ? error.code : 'io';
    return {
      code: 'save-failed',
      message: problemFromStorage(code, basename(this.filePath), 'save').message,
    };
  }

  private emitSaveState(): void {
    this.onSaveState(this, this.saveState);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await fs.lstat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Node has no rename that refuses to replace, so: hard-link to the new name (fails if it exists),
 * then remove the old name. Where links are not supported (FAT drives, some shares) fall back to a
 * checked rename. A change of letter case only is a plain rename (the names are the same file on
 * case-insensitive disks, so the link would fail).
 */
export async function renameWithoutReplacing(from: string, to: string): Promise<void> {
  if (from.toLowerCase() === to.toLowerCase()) return fs.rename(from, to);
  try {
    await fs.link(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw error;
    if (await exists(to)) throw new StorageError('exists', `${to} exists`);
    return fs.rename(from, to);
  }
  await fs.unlink(from);
}
