/**
 * Writing an export the renderer made, where the person chose in the save dialog. No 'electron'
 * import: main's export channel (electron/main/export-channels.ts) supplies the dialog, and the
 * decisions here are tested under Node (tests/unit/electron/export/save-export.test.ts).
 */
import { basename, extname } from 'node:path';
import { saveFilterOf, type ExportFormatId } from '../../shared/export/formats';
import type { ExportSaveOutcome, ExportSaveRequest } from '../../shared/ipc/export-schemas';
import type { StorageVolume } from '../../shared/storage';

export interface SaveDialogFilter {
  readonly name: string;
  readonly extensions: string[];
}

/** The save dialog's filter for a format (shared/export/formats.ts): "plan.json" files are plain .json to it. */
export const saveFilterFor = (kind: ExportFormatId): SaveDialogFilter => saveFilterOf(kind);

/**
 * The chosen path with the kind's ending added when the person typed a name without one (Linux
 * save dialogs do not add it), so the file opens in the right program.
 */
export function withEnding(path: string, kind: ExportFormatId): string {
  const ending = `.${saveFilterFor(kind).extensions[0]!}`;
  return extname(path).toLowerCase() === ending ? path : `${path}${ending}`;
}

export interface SaveExportPorts {
  /** The system save dialog; null when the person cancelled. */
  chooseSavePath(suggestedName: string, filter: SaveDialogFilter): Promise<string | null>;
  readonly volume: Pick<StorageVolume, 'replaceAtomically'>;
}

/**
 * Asks where, then writes atomically (temporary file beside it, fsync, rename): an export that
 * fails half way, or a full disk, never leaves half a file or spoils one that was there before.
 */
export async function saveExport(
  request: ExportSaveRequest,
  ports: SaveExportPorts,
): Promise<ExportSaveOutcome> {
  const chosen = await ports.chooseSavePath(request.suggestedName, saveFilterFor(request.kind));
  if (chosen === null || chosen === '') return { status: 'cancelled' };
  const path = withEnding(chosen, request.kind);
  await ports.volume.replaceAtomically(path, request.bytes);
  return { status: 'saved', name: basename(path) };
}
