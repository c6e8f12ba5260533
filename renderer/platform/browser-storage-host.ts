import { WORKSHOP_EXTENSION } from '../../shared/ipc/workshop-names';

/**
 * What the browser storage needs from the page it serves: things only a document can do (pick a
 * file, start a download) and a lock shared between tabs. The storage worker forwards the first
 * two to the page.
 */
export interface BrowserStorageHost {
  /** Lets the person pick a file (an <input type=file>); null when they cancel. */
  pickFile(): Promise<File | null>;
  /** Hands a copy to the person (a download). */
  download(fileName: string, bytes: Uint8Array): void;
  /**
   * Holds a lock, shared with other tabs, for as long as a workshop is open here: two tabs
   * appending to one file would overwrite each other's records. Null when another tab holds it.
   */
  holdExclusive(name: string): Promise<(() => void) | null>;
  now(): number;
}

/** The page's host (the worker replaces pickFile and download, which need the page). */
export const browserStorageHost: BrowserStorageHost = {
  pickFile: () =>
    new Promise((resolve) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = WORKSHOP_EXTENSION;
      input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
      input.addEventListener('cancel', () => resolve(null), { once: true });
      input.click();
    }),
  download: (fileName, bytes) => {
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/octet-stream' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  },
  holdExclusive: (name) => {
    const locks = navigator.locks as LockManager | undefined;
    if (!locks) return Promise.resolve(() => undefined);
    return new Promise((resolve) => {
      void locks.request(`dreamboard-open:${name}`, { ifAvailable: true }, (lock) => {
        if (!lock) return resolve(null);
        // The lock is held until this promise settles (or the tab goes away).
        return new Promise<void>((release) => resolve(() => release()));
      });
    });
  },
  now: () => Date.now(),
};
