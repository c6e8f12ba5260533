/**
 * Saving an export where the person chooses: on the desktop, main shows the system save dialog and
 * writes atomically (channel `export:save`); in a browser, the file is downloaded. Kept beside the
 * Platform rather than inside it so the export work adds no method every Platform must carry.
 */
import type { DesktopApi } from '../../shared/ipc/contract';
import type { ExportFormatId } from '../../shared/export/formats';
import type { Platform } from './types';

export interface ExportFile {
  readonly suggestedName: string;
  readonly kind: ExportFormatId;
  readonly mime: string;
  readonly bytes: Uint8Array;
}

export type ExportSaved =
  | { readonly status: 'saved'; readonly name: string; readonly where: 'chosen' | 'downloads' }
  | { readonly status: 'cancelled' }
  | { readonly status: 'failed'; readonly message: string };

export type SaveExport = (file: ExportFile) => Promise<ExportSaved>;

/** The saver for this platform. The desktop falls back to a download if its preload predates export:save. */
export function exportSaverFor(
  platform: Pick<Platform, 'kind'>,
  desktop: DesktopApi | undefined = typeof window === 'undefined' ? undefined : window.dreamboard,
): SaveExport {
  if (platform.kind === 'desktop' && desktop && typeof desktop.saveExport === 'function')
    return desktopSaver(desktop);
  return downloadExport;
}

function desktopSaver(desktop: DesktopApi): SaveExport {
  return async (file) => {
    try {
      const result = await desktop.saveExport({
        suggestedName: file.suggestedName,
        kind: file.kind,
        bytes: file.bytes,
      });
      if (!result.ok)
        return { status: 'failed', message: `The file could not be saved. ${result.error.message}` };
      return result.value.status === 'saved'
        ? { status: 'saved', name: result.value.name, where: 'chosen' }
        : { status: 'cancelled' };
    } catch (error) {
      return {
        status: 'failed',
        message: `The file could not be saved. ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  };
}

/**
 * A browser download: the browser puts it in its downloads folder (or asks, by its settings).
 * The object URL is released after the click has started the download.
 */
export function downloadExport(file: ExportFile): Promise<ExportSaved> {
  try {
    const blob = new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.mime });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = file.suggestedName;
    link.rel = 'noopener';
    link.style.display = 'none';
    document.body.append(link);
    link.click();
    link.remove();
    // Revoking at once can cancel the download in some browsers; a minute is ample.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return Promise.resolve({ status: 'saved', name: file.suggestedName, where: 'downloads' });
  } catch (error) {
    return Promise.resolve({
      status: 'failed',
      message: `The download could not start. ${error instanceof Error ? error.message : String(error)}`,
    });
  }
}
