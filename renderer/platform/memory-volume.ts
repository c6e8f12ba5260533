/**
 * A StorageVolume in memory: what the browser build saves into until the origin-private file
 * system volume (opfs-volume.ts) takes its place, and a real volume for tests. Writes behave like a
 * disk's (positional, truncate, exclusive create), so the autosave engine runs unchanged on it.
 */
import { StorageError, type EntryInfo, type FileWriter, type StorageVolume } from '../../shared/storage';

interface MemoryFile {
  bytes: Uint8Array;
  modifiedAt: number;
}

/** What the browser storage needs beyond the engine's volume: a flat folder of workshops. */
export interface BrowserVolume extends StorageVolume {
  exists(path: string): Promise<boolean>;
  rename(from: string, to: string): Promise<void>;
}

export class MemoryVolume implements BrowserVolume {
  private readonly files = new Map<string, MemoryFile>();

  constructor(private readonly now: () => number = () => Date.now()) {}

  exists(path: string): Promise<boolean> {
    return Promise.resolve(this.files.has(path));
  }

  /** Refuses to replace an existing file, like the desktop's rename. */
  rename(from: string, to: string): Promise<void> {
    try {
      const file = this.file(from);
      if (this.files.has(to)) throw new StorageError('exists', `${to} exists`);
      this.files.delete(from);
      this.files.set(to, file);
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  stat(path: string): Promise<EntryInfo> {
    const file = this.files.get(path);
    if (!file) return Promise.reject(new StorageError('not-found', `${path} not found`));
    return Promise.resolve({ size: file.bytes.length, isFile: true, isDirectory: false, modifiedAt: file.modifiedAt });
  }

  readFile(path: string): Promise<Uint8Array> {
    try {
      return Promise.resolve(this.file(path).bytes.slice());
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  openWriter(path: string): Promise<FileWriter> {
    if (!this.files.has(path)) this.files.set(path, { bytes: new Uint8Array(0), modifiedAt: this.now() });
    let closed = false;
    const target = () => {
      if (closed) throw new StorageError('io', 'writer is closed');
      return this.file(path);
    };
    return Promise.resolve({
      write: (bytes, position) => {
        const file = target();
        const end = position + bytes.length;
        if (end > file.bytes.length) {
          const grown = new Uint8Array(end);
          grown.set(file.bytes);
          file.bytes = grown;
        }
        file.bytes.set(bytes, position);
        file.modifiedAt = this.now();
        return Promise.resolve();
      },
      truncate: (length) => {
        const file = target();
        file.bytes = file.bytes.slice(0, length);
        return Promise.resolve();
      },
      sync: () => Promise.resolve(),
      close: () => {
        closed = true;
        return Promise.resolve();
      },
    });
  }

  replaceAtomically(path: string, bytes: Uint8Array): Promise<void> {
    this.files.set(path, { bytes: bytes.slice(), modifiedAt: this.now() });
    return Promise.resolve();
  }

  createExclusive(path: string, bytes: Uint8Array): Promise<void> {
    if (this.files.has(path)) return Promise.reject(new StorageError('exists', `${path} exists`));
    return this.replaceAtomically(path, bytes);
  }

  /** Memory holds no half-written temporaries. */
  removeTemporaries(): Promise<number> {
    return Promise.resolve(0);
  }

  private file(path: string): MemoryFile {
    const file = this.files.get(path);
    if (!file) throw new StorageError('not-found', `${path} not found`);
    return file;
  }
}
