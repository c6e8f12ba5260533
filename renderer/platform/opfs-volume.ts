/**
 * A StorageVolume over the browser's origin-private file system (OPFS), so the browser build saves
 * workshops with the same engine as the desktop app (shared/storage).
 *
 * How OPFS gives the guarantees the engine asks for (checked in Chromium, see docs/files-browser.md):
 * - `createWritable()` writes into a swap file (`<name>.crswap`) and `close()` swaps it in whole:
 *   until close resolves the old bytes stay, and a tab that dies before it leaves them untouched.
 *   So one close is both "write + fsync" for an append and "rename over" for a replace.
 * - `FileSystemFileHandle.move(newName)` renames within a folder, and REPLACES an existing entry.
 *   A new file is therefore written under a temporary name and moved into place only after a check
 *   that the name is free, both inside one Web Lock, so two tabs cannot create the same name.
 * - Browsers do not promise that a closed file survives a power cut (there is no fsync); what they
 *   promise, and what the engine relies on, is that a closed file survives the tab being killed.
 */
import {
  StorageError,
  type EntryInfo,
  type FileWriter,
  type StorageErrorCode,
  type StorageVolume,
} from '../../shared/storage';

// The parts of the File System API used here, declared structurally: lib.dom lacks `move`, and a
// Node test can hand in an in-memory folder with the same shape.
export type OpfsWriteChunk =
  | { readonly type: 'write'; readonly position: number; readonly data: Uint8Array }
  | { readonly type: 'truncate'; readonly size: number };

export interface OpfsWritable {
  write(chunk: OpfsWriteChunk | Uint8Array): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
}

export interface OpfsFile {
  readonly size: number;
  readonly lastModified: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface OpfsFileHandle {
  readonly kind: 'file';
  readonly name: string;
  getFile(): Promise<OpfsFile>;
  createWritable(options?: { keepExistingData?: boolean }): Promise<OpfsWritable>;
  /** Chromium 110+; absent elsewhere (then new files are written in place, see `publish`). */
  move?: (newName: string) => Promise<void>;
}

export interface OpfsDirectoryHandle {
  readonly kind: 'directory';
  readonly name: string;
  getFileHandle(name: string, options?: { create?: boolean }): Promise<OpfsFileHandle>;
  getDirectoryHandle(name: string, options?: { create?: boolean }): Promise<OpfsDirectoryHandle>;
  removeEntry(name: string, options?: { recursive?: boolean }): Promise<void>;
  entries(): AsyncIterable<[string, OpfsFileHandle | OpfsDirectoryHandle]>;
}

/** navigator.locks, reduced to what is used: run `task` while holding the named lock. */
export interface LockLike {
  request<T>(name: string, task: () => Promise<T>): Promise<T>;
}

export interface DirectoryEntry {
  readonly name: string;
  readonly kind: 'file' | 'directory';
}

const ERROR_CODES: Readonly<Record<string, StorageErrorCode>> = {
  NotFoundError: 'not-found',
  NotAllowedError: 'permission-denied',
  SecurityError: 'permission-denied',
  QuotaExceededError: 'disk-full',
  TypeMismatchError: 'is-directory',
  // Another tab holds the file (a sync access handle) or it cannot be changed now.
  NoModificationAllowedError: 'permission-denied',
  InvalidModificationError: 'io',
};

export function toStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  const message = error instanceof Error ? error.message : String(error);
  return new StorageError(ERROR_CODES[name] ?? 'io', message || name || 'unknown error', error);
}

async function mapErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toStorageError(error);
  }
}

/**
 * Splits "workshops/Plan.dreamboard" into folders and a name. Paths come from our own code, but a
 * name typed by a person ends up in them, so anything that could climb out of the folder is refused.
 */
export function splitPath(path: string): { folders: string[]; name: string } {
  const parts = path.split('/');
  const name = parts.pop() ?? '';
  for (const part of [...parts, name]) {
    if (part === '' || part === '.' || part === '..' || part.includes('\\'))
      throw new StorageError('not-found', `"${path}" is not a valid place in this browser's storage`);
  }
  return { folders: parts, name };
}

/** Temporary names for new files: hidden, and recognisable by removeTemporaries. */
function temporaryName(name: string): string {
  const random = new Uint8Array(6);
  crypto.getRandomValues(random);
  return `.${name}.${[...random].map((b) => b.toString(16).padStart(2, '0')).join('')}.tmp`;
}

export function isTemporaryOf(name: string, entry: string): boolean {
  const prefix = `.${name}.`;
  if (entry.startsWith(prefix) && /^[0-9a-f]{12}\.tmp$/.test(entry.slice(prefix.length))) return true;
  // Chromium's swap files: "<name>.crswap", then "<name>.1.crswap" when that one is taken.
  return entry.startsWith(`${name}.`) && /^(\d+\.)?crswap$/.test(entry.slice(name.length + 1));
}

const NO_LOCKS: LockLike = { request: (_name, task) => task() };

export class OpfsVolume implements StorageVolume {
  constructor(
    private readonly getRoot: () => Promise<OpfsDirectoryHandle>,
    private readonly locks: LockLike = NO_LOCKS,
  ) {}

  stat(path: string): Promise<EntryInfo> {
    return mapErrors(async () => {
      const { folders, name } = splitPath(path);
      const dir = await this.folder(folders, false);
      try {
        const file = await (await dir.getFileHandle(name)).getFile();
        return { size: file.size, isFile: true, isDirectory: false, modifiedAt: file.lastModified };
      } catch (error) {
        if ((error as { name?: string }).name !== 'TypeMismatchError') throw error;
        await dir.getDirectoryHandle(name);
        return { size: 0, isFile: false, isDirectory: true, modifiedAt: 0 };
      }
    });
  }

  readFile(path: string): Promise<Uint8Array> {
    return mapErrors(async () => {
      const handle = await this.fileHandle(path);
      return new Uint8Array(await (await handle.getFile()).arrayBuffer());
    });
  }

  /**
   * Writes are gathered and applied by `sync` in one writable stream: OPFS has no in-place write
   * that is durable on its own, and a stream commits all of its writes at once or none of them.
   * A failed sync therefore leaves the file exactly as it was, which the engine treats as torn
   * bytes past the durable end and overwrites on its retry.
   */
  openWriter(path: string): Promise<FileWriter> {
    return mapErrors(async () => {
      const handle = await this.fileHandle(path);
      let queued: OpfsWriteChunk[] = [];
      return {
        write: (bytes, position) => {
          queued.push({ type: 'write', position, data: bytes });
          return Promise.resolve();
        },
        truncate: (size) => {
          queued.push({ type: 'truncate', size });
          return Promise.resolve();
        },
        sync: () =>
          mapErrors(async () => {
            const chunks = queued;
            queued = [];
            if (chunks.length === 0) return;
            const stream = await handle.createWritable({ keepExistingData: true });
            try {
              for (const chunk of chunks) await stream.write(chunk);
            } catch (error) {
              await stream.abort().catch(() => {});
              throw error;
            }
            await stream.close();
          }),
        // Writes not yet synced were never promised to anyone; dropping them is the contract.
        close: () => {
          queued = [];
          return Promise.resolve();
        },
      };
    });
  }

  replaceAtomically(path: string, bytes: Uint8Array): Promise<void> {
    return mapErrors(() => this.publish(path, bytes, false));
  }

  createExclusive(path: string, bytes: Uint8Array): Promise<void> {
    return mapErrors(() => this.publish(path, bytes, true));
  }

  removeTemporaries(path: string): Promise<number> {
    return mapErrors(async () => {
      const { folders, name } = splitPath(path);
      const dir = await this.folder(folders, false);
      let removed = 0;
      for (const entry of await listEntries(dir)) {
        if (entry.kind !== 'file' || !isTemporaryOf(name, entry.name)) continue;
        await dir.removeEntry(entry.name);
        removed++;
      }
      return removed;
    });
  }

  // ----- beyond StorageVolume: what the browser's file list and version history need -----------

  /** Entries of a folder; an absent folder is empty (nothing has been saved there yet). */
  list(folderPath: string): Promise<DirectoryEntry[]> {
    return mapErrors(async () => {
      let dir: OpfsDirectoryHandle;
      try {
        dir = await this.folder(folderPath === '' ? [] : folderPath.split('/'), false);
      } catch (error) {
        if ((error as { name?: string }).name === 'NotFoundError') return [];
        throw error;
      }
      return listEntries(dir);
    });
  }

  /** Deletes a file or a whole folder; absent is fine (the goal is that it is gone). */
  remove(path: string): Promise<void> {
    return mapErrors(async () => {
      const { folders, name } = splitPath(path);
      try {
        const dir = await this.folder(folders, false);
        await dir.removeEntry(name, { recursive: true });
      } catch (error) {
        if ((error as { name?: string }).name !== 'NotFoundError') throw error;
      }
    });
  }

  /**
   * Renames a file, refusing to replace another one (OPFS `move` would replace it silently).
   * Without `move` the bytes are copied and the old file removed, after the copy is whole.
   */
  rename(from: string, to: string): Promise<void> {
    return mapErrors(async () => {
      const target = splitPath(to);
      const handle = await this.fileHandle(from);
      await this.locks.request(lockName(to), async () => {
        const dir = await this.folder(target.folders, true);
        if (await exists(dir, target.name)) throw new StorageError('exists', `"${to}" already exists`);
        if (handle.move && splitPath(from).folders.join('/') === target.folders.join('/')) {
          await handle.move(target.name);
          return;
        }
        const bytes = new Uint8Array(await (await handle.getFile()).arrayBuffer());
        await this.writeWhole(await dir.getFileHandle(target.name, { create: true }), bytes);
        await this.remove(from);
      });
    });
  }

  /** Runs `task` holding a lock named after `path`, shared with other tabs of this origin. */
  withLock<T>(path: string, task: () => Promise<T>): Promise<T> {
    return this.locks.request(lockName(path), task);
  }

  private async publish(path: string, bytes: Uint8Array, exclusive: boolean): Promise<void> {
    const { folders, name } = splitPath(path);
    const dir = await this.folder(folders, true);
    await this.locks.request(lockName(path), async () => {
      const present = await exists(dir, name);
      if (present && exclusive) throw new StorageError('exists', `"${path}" already exists`);
      if (present) {
        // The stream's close swaps the whole new content in: the atomic replace.
        await this.writeWhole(await dir.getFileHandle(name), bytes);
        return;
      }
      const temporary = await dir.getFileHandle(temporaryName(name), { create: true });
      if (!temporary.move) {
        // No move (older browsers): write in place. A tab killed between creating the name and
        // closing the stream leaves an empty file, which opens as "not a Dreamboard workshop"; it
        // never held work, because nothing was saved to this name before.
        await dir.removeEntry(temporary.name);
        await this.writeWhole(await dir.getFileHandle(name, { create: true }), bytes);
        return;
      }
      try {
        await this.writeWhole(temporary, bytes);
        await temporary.move(name);
      } catch (error) {
        await dir.removeEntry(temporary.name).catch(() => {});
        throw error;
      }
    });
  }

  private async writeWhole(handle: OpfsFileHandle, bytes: Uint8Array): Promise<void> {
    const stream = await handle.createWritable();
    try {
      await stream.write(bytes);
    } catch (error) {
      await stream.abort().catch(() => {});
      throw error;
    }
    await stream.close();
  }

  private async fileHandle(path: string): Promise<OpfsFileHandle> {
    const { folders, name } = splitPath(path);
    return (await this.folder(folders, false)).getFileHandle(name);
  }

  private async folder(folders: readonly string[], create: boolean): Promise<OpfsDirectoryHandle> {
    let dir = await this.getRoot();
    for (const part of folders) dir = await dir.getDirectoryHandle(part, { create });
    return dir;
  }
}

function lockName(path: string): string {
  return `dreamboard-opfs:${path}`;
}

async function exists(dir: OpfsDirectoryHandle, name: string): Promise<boolean> {
  try {
    await dir.getFileHandle(name);
    return true;
  } catch (error) {
    const kind = (error as { name?: string }).name;
    if (kind === 'NotFoundError') return false;
    if (kind === 'TypeMismatchError') return true;
    throw error;
  }
}

async function listEntries(dir: OpfsDirectoryHandle): Promise<DirectoryEntry[]> {
  const out: DirectoryEntry[] = [];
  for await (const [name, handle] of dir.entries()) out.push({ name, kind: handle.kind });
  return out;
}

/** LockManager's typing wraps a promise-returning callback's result once more; it resolves to T. */
async function requestLock<T>(locks: LockManager, name: string, task: () => Promise<T>): Promise<T> {
  return (await locks.request(name, task)) as T;
}

/** The real origin-private file system and Web Locks of this page. */
export function createOpfsVolume(): OpfsVolume {
  const locks = navigator.locks as LockManager | undefined;
  return new OpfsVolume(
    // The DOM's handle types match these shapes (plus `move`, which lib.dom does not declare yet).
    () => navigator.storage.getDirectory() as unknown as Promise<OpfsDirectoryHandle>,
    locks
      ? { request: <T>(name: string, task: () => Promise<T>) => requestLock(locks, name, task) }
      : NO_LOCKS,
  );
}
