/**
 * The engine's problems (shared/storage/problems.ts) as the IPC's FileProblem: the engine's plain
 * sentence plus a code the UI can act on. Used by main and by the browser storage alike, so the
 * same bad file reads the same everywhere.
 */
import { describeOpenProblem, describeStorageFailure, type OpenProblem } from '../storage/problems';
import type { StorageErrorCode } from '../storage/volume';
import type { FileProblem } from './workshop-schemas';

type Code = FileProblem['code'];

const STORAGE_CODES: Readonly<Record<StorageErrorCode, Code>> = {
  'not-found': 'not-found',
  'permission-denied': 'permission-denied',
  'disk-full': 'disk-full',
  'is-directory': 'not-dreamboard',
  exists: 'exists',
  'read-only-volume': 'read-only',
  io: 'io',
};

/** `name` is the file name people know (no folder: messages reach the renderer). */
export function problemFromOpen(problem: OpenProblem, name: string): FileProblem {
  const message = describeOpenProblem(problem, name);
  switch (problem.kind) {
    case 'storage':
      return { code: STORAGE_CODES[problem.code], message };
    default:
      return { code: problem.kind, message };
  }
}

export function problemFromStorage(
  code: StorageErrorCode,
  name: string,
  doing: 'open' | 'save' | 'create',
): FileProblem {
  return { code: STORAGE_CODES[code], message: describeStorageFailure(code, name, doing) };
}
