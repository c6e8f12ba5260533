import * as nodeFs from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import {
  StorageError,
  type EntryInfo,
  type FileWriter,
  type StorageErrorCode,
  type StorageVolume,
} from '../../shared/storage';

/** The parts of node:fs/promises the volume uses; tests pass a wrapper that fails on purpose. */
export type NodeFs = Pick<
  typeof nodeFs,
  'open' | 'stat' | 'readFile' | 'rename' | 'unlink' | 'readdir' | 'link'
>;

/** Temporary files sit beside the workshop, hidden, named so that cleanup can find exactly them. */
export function temporaryName(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
}

function isTemporaryOf(path: string, entry: string): boolean {
  const prefix = `.${basename(path)}.`;
  return entry.startsWith(prefix) && /^[0-9a-f]{12}\.tmp$/.test(entry.slice(prefix.length));
}

const CODES: Readonly<Record<string, StorageErrorCode>> = {
  ENOENT: 'not-found',
  ENOTDIR: 'not-found',
  EACCES: 'permission-denied',
  EPERM: 'permission-denied',
  ENOSPC: 'disk-full',
  EDQUOT: 'disk-full',
  EFBIG: 'disk-full',
  EISDIR: 'is-directory',
  EEXIST: 'exists',
  EROFS: 'read-only-volume',
};

export function toStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const mapped = typeof code === 'string' ? CODES[code] : undefined;
  return new StorageError(mapped ?? 'io', error instanceof Error ? error.message : String(error), error);
}

async function mapErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Workshop files on a local disk, with the fsync and rename discipline the format relies on. */
export class NodeVolume implements StorageVolume {
  constructor(private readonly fs: NodeFs = nodeFs) {}

  stat(path: string): Promise<EntryInfo> {
    return mapErrors(async () => {
      const s = await this.fs.stat(path);
      return { size: s.size, isFile: s.isFile(), isDirectory: s.isDirectory(), modifiedAt: s.mtimeMs };
    });
  }

  readFile(path: string): Promise<Uint8Array> {
    return mapErrors(async () => new Uint8Array(await this.fs.readFile(path)));
  }

  openWriter(path: string): Promise<FileWriter> {
    return mapErrors(async () => {
      const handle = await this.fs.open(path, 'r+');
      return {
        write: (bytes, position) =>
          mapErrors(async () => {
            // write() may write less than asked (a nearly full disk); keep going or fail.
            let done = 0;
            while (done < bytes.length) {
              const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, position + done);
              if (bytesWritten <= 0) throw new StorageError('io', 'the disk accepted no bytes');
              done += bytesWritten;
            }
          }),
        truncate: (length) => mapErrors(() => handle.truncate(length)),
        // Data plus the metadata needed to read it back (the new length): what an append needs.
        sync: () => mapErrors(() => handle.datasync()),
        close: () => mapErrors(() => handle.close()),
      };
    });
  }

  replaceAtomically(path: string, bytes: Uint8Array): Promise<void> {
    return mapErrors(async () => {
      const mode = await this.fs.stat(path).then(
        (s) => s.mode & 0o777,
        () => 0o666,
      );
      const temporary = await this.writeTemporary(path, bytes, mode);
      try {
        await this.fs.rename(temporary, path);
      } catch (error) {
        await this.fs.unlink(temporary).catch(() => {});
        throw error;
      }
      await this.syncDirectory(dirname(path));
    });
  }

  createExclusive(path: string, bytes: Uint8Array): Promise<void> {
    return mapErrors(async () => {
      const temporary = await this.writeTemporary(path, bytes, 0o666);
      try {
        // link() fails if the name exists, atomically: no window where a check and a write race.
        await this.fs.link(temporary, path);
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === 'EEXIST' || code === 'ENOENT' || code === 'EACCES') throw error;
        // File systems without hard links (FAT, some network shares): exclusive create instead.
        await this.writeExclusive(path, bytes);
      } finally {
        await this.fs.unlink(temporary).catch(() => {});
      }
      await this.syncDirectory(dirname(path));
    });
  }

  removeTemporaries(path: string): Promise<number> {
    return mapErrors(async () => {
      const entries = await this.fs.readdir(dirname(path));
      let removed = 0;
      for (const entry of entries) {
        if (!isTemporaryOf(path, entry)) continue;
        await this.fs.unlink(join(dirname(path), entry));
        removed++;
      }
      return removed;
    });
  }

  private async writeTemporary(path: string, bytes: Uint8Array, mode: number): Promise<string> {
    const temporary = temporaryName(path);
    try {
      await this.writeExclusive(temporary, bytes, mode);
    } catch (error) {
      await this.fs.unlink(temporary).catch(() => {});
      throw error;
    }
    return temporary;
  }

  private async writeExclusive(path: string, bytes: Uint8Array, mode = 0o666): Promise<void> {
    const handle = await this.fs.open(path, 'wx', mode);
    try {
      let done = 0;
      while (done < bytes.length) {
        const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, done);
        if (bytesWritten <= 0) throw new StorageError('io', 'the disk accepted no bytes');
        done += bytesWritten;
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  /** Makes a rename durable. Windows cannot open a directory; there the rename is already durable. */
  private async syncDirectory(directory: string): Promise<void> {
    let handle: nodeFs.FileHandle | undefined;
    try {
      handle = await this.fs.open(directory, 'r');
      await handle.sync();
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EACCES' && code !== 'EINVAL') throw error;
    } finally {
      await handle?.close();
    }
  }
}

/** A Scheduler over Node's timers. */
export const nodeScheduler = {
  set: (run: () => void, ms: number): unknown => setTimeout(run, ms),
  clear: (handle: unknown): void => clearTimeout(handle as NodeJS.Timeout),
};
