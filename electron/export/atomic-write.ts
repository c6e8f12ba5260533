import { NodeVolume } from '../storage/node-volume';

/**
 * Writes an export so that the path holds either the old file or the whole new one, never a
 * torn half (temporary file beside it, fsync, rename), reusing the workshop storage's volume.
 */
export async function writeExportAtomically(path: string, bytes: Uint8Array | string): Promise<void> {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  await new NodeVolume().replaceAtomically(path, data);
}
