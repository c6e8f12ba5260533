import type {
  OpfsDirectoryHandle,
  OpfsFileHandle,
  OpfsWritable,
  OpfsWriteChunk,
} from '../../../../renderer/platform/opfs-volume';

/**
 * An in-memory origin-private file system with the behaviour the volume relies on, as measured in
 * Chromium: a writable stream works on a swap copy ("<name>.crswap", visible in listings while
 * open) that replaces the file only on close; `move` replaces an existing entry; errors are
 * DOMExceptions by name. `failNextClose` simulates a full quota; a stream never closed is a tab killed mid-write.
 */
export class FakeDirectory implements OpfsDirectoryHandle {
  readonly kind = 'directory' as const;
  readonly files = new Map<string, FakeFile>();
  readonly dirs = new Map<string, FakeDirectory>();
  failNextClose: string | null = null;
  moveSupported = true;

  constructor(readonly name = '') {}

  getFileHandle(name: string, options?: { create?: boolean }): Promise<OpfsFileHandle> {
    if (this.dirs.has(name)) return Promise.reject(domError('TypeMismatchError'));
    let file = this.files.get(name);
    if (!file) {
      if (!options?.create) return Promise.reject(domError('NotFoundError'));
      file = new FakeFile(this, name);
      this.files.set(name, file);
    }
    return Promise.resolve(file.handle());
  }

  getDirectoryHandle(name: string, options?: { create?: boolean }): Promise<OpfsDirectoryHandle> {
    if (this.files.has(name)) return Promise.reject(domError('TypeMismatchError'));
    let dir = this.dirs.get(name);
    if (!dir) {
      if (!options?.create) return Promise.reject(domError('NotFoundError'));
      dir = new FakeDirectory(name);
      this.dirs.set(name, dir);
    }
    return Promise.resolve(dir);
  }

  removeEntry(name: string, options?: { recursive?: boolean }): Promise<void> {
    if (this.files.delete(name)) return Promise.resolve();
    const dir = this.dirs.get(name);
    if (!dir) return Promise.reject(domError('NotFoundError'));
    if (!options?.recursive && (dir.files.size > 0 || dir.dirs.size > 0))
      return Promise.reject(domError('InvalidModificationError'));
    this.dirs.delete(name);
    return Promise.resolve();
  }

  async *entries(): AsyncIterable<[string, OpfsFileHandle | OpfsDirectoryHandle]> {
    for (const [name, file] of [...this.files]) yield [name, file.handle()];
    for (const [name, dir] of [...this.dirs]) yield [name, dir];
  }

  /** The folder at a/b/c, created on the way (for tests that look inside). */
  at(path: string): FakeDirectory {
    return path
      .split('/')
      .filter(Boolean)
      .reduce<FakeDirectory>((dir, part) => {
        if (!dir.dirs.has(part)) dir.dirs.set(part, new FakeDirectory(part));
        return dir.dirs.get(part)!;
      }, this);
  }

  names(): string[] {
    return [...this.files.keys(), ...this.dirs.keys()].sort();
  }
}

class FakeFile {
  bytes = new Uint8Array(0);
  lastModified = 1;

  constructor(
    private readonly dir: FakeDirectory,
    public name: string,
  ) {}

  handle(): OpfsFileHandle {
    return new FakeFileHandle(this, this.dir);
  }

  exists(): boolean {
    return this.dir.files.get(this.name) === this;
  }

  writable(keep: boolean): OpfsWritable {
    let swap = keep ? this.bytes.slice() : new Uint8Array(0);
    let position = 0;
    const swapName = `${this.name}.crswap`;
    this.dir.files.set(swapName, Object.assign(new FakeFile(this.dir, swapName), { bytes: swap }));
    const dropSwap = () => void this.dir.files.delete(swapName);
    const put = (data: Uint8Array, at: number) => {
      if (at + data.length > swap.length) {
        const grown = new Uint8Array(at + data.length);
        grown.set(swap);
        swap = grown;
      }
      swap.set(data, at);
      position = at + data.length;
    };
    return {
      write: (chunk: OpfsWriteChunk | Uint8Array) => {
        if (chunk instanceof Uint8Array) put(chunk, position);
        else if (chunk.type === 'write') put(chunk.data, chunk.position);
        else swap = swap.slice(0, chunk.size);
        return Promise.resolve();
      },
      close: () => {
        dropSwap();
        const failure = this.dir.failNextClose;
        if (failure) {
          this.dir.failNextClose = null;
          return Promise.reject(domError(failure));
        }
        this.bytes = swap;
        this.lastModified++;
        return Promise.resolve();
      },
      abort: () => {
        dropSwap();
        return Promise.resolve();
      },
    };
  }
}

class FakeFileHandle implements OpfsFileHandle {
  readonly kind = 'file' as const;
  readonly move?: (newName: string) => Promise<void>;

  constructor(
    private readonly file: FakeFile,
    dir: FakeDirectory,
  ) {
    if (dir.moveSupported)
      this.move = (newName) => {
        if (!file.exists()) return Promise.reject(domError('NotFoundError'));
        dir.files.delete(file.name);
        dir.files.delete(newName);
        file.name = newName;
        dir.files.set(newName, file);
        return Promise.resolve();
      };
  }

  get name(): string {
    return this.file.name;
  }

  getFile() {
    if (!this.file.exists()) return Promise.reject(domError('NotFoundError'));
    const copy = this.file.bytes.slice();
    return Promise.resolve({
      size: copy.length,
      lastModified: this.file.lastModified,
      arrayBuffer: () => Promise.resolve(copy.buffer),
    });
  }

  createWritable(options?: { keepExistingData?: boolean }): Promise<OpfsWritable> {
    return Promise.resolve(this.file.writable(options?.keepExistingData ?? false));
  }
}

export function domError(name: string): Error {
  const error = new Error(`${name} (fake)`);
  error.name = name;
  return error;
}
