/**
 * What the storage engine needs from a file system. The Node adapter (electron/storage) and the
 * browser's origin-private file system each implement it; the engine itself stays pure.
 * Paths are opaque strings to the engine: it never joins or splits them.
 */

export type StorageErrorCode =
  'not-found' | 'permission-denied' | 'disk-full' | 'is-directory' | 'exists' | 'read-only-volume' | 'io';

/** A failure the engine can explain in plain words; adapters translate their errors into it. */
export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'StorageError';
  }
}

export interface EntryInfo {
  readonly size: number;
  readonly isFile: boolean;
  readonly isDirectory: boolean;
  /** Last modification, ms since the epoch. */
  readonly modifiedAt: number;
}

/** An open workshop file that the autosaver writes into. */
export interface FileWriter {
  /** Writes all of `bytes` at `position` (never appends blindly: a retry overwrites a failed partial write). */
  write(bytes: Uint8Array, position: number): Promise<void>;
  truncate(length: number): Promise<void>;
  /** Returns once everything written is on stable storage (fsync). */
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface StorageVolume {
  stat(path: string): Promise<EntryInfo>;
  readFile(path: string): Promise<Uint8Array>;
  openWriter(path: string): Promise<FileWriter>;
  /**
   * Replaces the file so that, whatever moment the process dies, the path holds either the
   * old bytes or the new bytes, whole: write a temporary file beside it, sync it, rename it over
   * the path, sync the directory.
   */
  replaceAtomically(path: string, bytes: Uint8Array): Promise<void>;
  /** Like replaceAtomically but fails with code 'exists' rather than replace an existing file. */
  createExclusive(path: string, bytes: Uint8Array): Promise<void>;
  /** Deletes temporary files a crash left beside `path`; returns how many. */
  removeTemporaries(path: string): Promise<number>;
}
