import type { StorageErrorCode } from './volume';

/** Everything that can stop a workshop file from opening, each with its own plain message. */
export type OpenProblem =
  | { readonly kind: 'not-dreamboard'; readonly detail: string }
  | { readonly kind: 'damaged'; readonly detail: string }
  | { readonly kind: 'newer-format'; readonly minReaderVersion: number }
  | { readonly kind: 'too-large'; readonly size: number }
  | { readonly kind: 'storage'; readonly code: StorageErrorCode; readonly detail: string };

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/** The sentence shown to a person. `name` is the file name (or path) as they know it. */
export function describeOpenProblem(problem: OpenProblem, name: string): string {
  switch (problem.kind) {
    case 'not-dreamboard':
      return `"${name}" is not a Dreamboard workshop (${problem.detail}).`;
    case 'damaged':
      return `"${name}" is damaged beyond repair (${problem.detail}). It has not been changed. An earlier copy in version history may help.`;
    case 'newer-format':
      return `"${name}" was saved by a newer version of Dreamboard. Update Dreamboard to open it.`;
    case 'too-large':
      return `"${name}" is too large to be a Dreamboard workshop (${formatBytes(problem.size)}).`;
    case 'storage':
      return describeStorageFailure(problem.code, name, 'open');
  }
}

/** Plain words for a file-system failure while opening or saving. */
export function describeStorageFailure(
  code: StorageErrorCode,
  name: string,
  doing: 'open' | 'save' | 'create',
): string {
  switch (code) {
    case 'not-found':
      return `There is no file at "${name}".`;
    case 'permission-denied':
      return `Dreamboard is not allowed to ${doing === 'open' ? 'read' : 'write'} "${name}". Check the file's permissions.`;
    case 'is-directory':
      return `"${name}" is a folder, not a workshop file.`;
    case 'disk-full':
      return `The disk is full, so "${name}" could not be ${doing === 'open' ? 'read' : 'saved'}. Free some space; nothing already saved is lost.`;
    case 'exists':
      return `"${name}" already exists. Choose another name; Dreamboard will not overwrite it.`;
    case 'read-only-volume':
      return `"${name}" is on a disk that cannot be written to.`;
    case 'io':
      return `"${name}" could not be ${doing === 'open' ? 'read' : doing === 'create' ? 'created' : 'saved'} because of a disk error.`;
  }
}

/** Why a workshop opened read-only. */
export const NEWER_VERSION_READ_ONLY =
  'This workshop was saved by a newer version of Dreamboard. You can look at it, but update Dreamboard to edit it.';
