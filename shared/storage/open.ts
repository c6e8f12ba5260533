import type { OpenProblem } from './problems';
import { StorageError, type EntryInfo, type StorageVolume } from './volume';
import { readWorkshopBytes, type ReadWorkshop } from './workshop-file';

/** Larger than any real workshop by far; refusing early keeps a wrong file from exhausting memory. */
export const MAX_WORKSHOP_BYTES = 512 * 1024 * 1024;

export type OpenedWorkshop = ReadWorkshop & { readonly entry?: EntryInfo };
export type ReadFileResult = OpenedWorkshop | { readonly ok: false; readonly problem: OpenProblem };

/** Reads and decodes a workshop file. Never writes, never throws for a bad file. */
export async function readWorkshopFile(
  volume: StorageVolume,
  path: string,
  maxBytes = MAX_WORKSHOP_BYTES,
): Promise<ReadFileResult> {
  try {
    const entry = await volume.stat(path);
    if (entry.isDirectory)
      return { ok: false, problem: { kind: 'storage', code: 'is-directory', detail: '' } };
    // A pipe or device could be read forever; a workshop is always a regular file.
    if (!entry.isFile)
      return { ok: false, problem: { kind: 'not-dreamboard', detail: 'it is not a regular file' } };
    if (entry.size > maxBytes) return { ok: false, problem: { kind: 'too-large', size: entry.size } };
    const bytes = await volume.readFile(path);
    // The file may have grown between stat and read.
    if (bytes.length > maxBytes) return { ok: false, problem: { kind: 'too-large', size: bytes.length } };
    const result = readWorkshopBytes(bytes);
    return result.ok ? { ...result, entry } : result;
  } catch (error) {
    return { ok: false, problem: toOpenProblem(error) };
  }
}

export function toOpenProblem(error: unknown): OpenProblem {
  if (error instanceof StorageError) return { kind: 'storage', code: error.code, detail: error.message };
  return { kind: 'storage', code: 'io', detail: error instanceof Error ? error.message : String(error) };
}
