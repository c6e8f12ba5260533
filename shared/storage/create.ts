import type { Doc } from '../doc/updates';
import type { StorageVolume } from './volume';
import { encodeWorkshopFile } from './workshop-file';

/**
 * Writes a new workshop file whole (compacted), refusing to replace an existing file: a new
 * workshop never costs anyone an old one. Throws StorageError ('exists', 'permission-denied', ...).
 */
export async function createWorkshopFile(
  volume: StorageVolume,
  path: string,
  doc: Doc,
  now: number,
): Promise<void> {
  await volume.createExclusive(path, encodeWorkshopFile(doc, now));
}
