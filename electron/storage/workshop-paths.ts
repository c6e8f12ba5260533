/** Paths of workshop files in main: checks for paths from outside, and comparing paths. */
import * as fs from 'node:fs/promises';
import { basename, extname, isAbsolute, resolve } from 'node:path';
import { problemFromStorage } from '../../shared/ipc/file-problems';
import { WORKSHOP_EXTENSION } from '../../shared/ipc/workshop-names';
import type { FileProblem } from '../../shared/ipc/workshop-schemas';

export function alreadyOpen(path: string): FileProblem {
  return {
    code: 'exists',
    message: `"${basename(path)}" is open in Dreamboard. Close it first, or choose another name.`,
  };
}

export function withExtension(path: string): string {
  return extname(path).toLowerCase() === WORKSHOP_EXTENSION ? path : `${path}${WORKSHOP_EXTENSION}`;
}

/** Case-insensitive file systems are the common case on macOS and Windows. */
export function samePath(a: string, b: string): boolean {
  return process.platform === 'linux' ? a === b : a.toLowerCase() === b.toLowerCase();
}

/** One name per file, so a file reached through a symlink is still "already open". */
export async function canonical(path: string): Promise<string> {
  return fs.realpath(path).catch(() => resolve(path));
}

export async function pathExists(path: string): Promise<boolean> {
  return fs.lstat(path).then(
    () => true,
    () => false,
  );
}

/** Null when `path` may be opened as a workshop; otherwise why not, in plain words. */
export async function checkWorkshopPath(path: string): Promise<FileProblem | null> {
  const name = basename(path);
  if (!isAbsolute(path)) return { code: 'not-found', message: `"${name}" is not a full path to a file.` };
  if (extname(path).toLowerCase() !== WORKSHOP_EXTENSION)
    return {
      code: 'not-dreamboard',
      message: `"${name}" is not a Dreamboard workshop (its name does not end in ${WORKSHOP_EXTENSION}).`,
    };
  try {
    const stat = await fs.stat(path);
    if (!stat.isFile())
      return {
        code: 'not-dreamboard',
        message: `"${name}" is not a Dreamboard workshop (it is not a regular file).`,
      };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return problemFromStorage(
      code === 'EACCES' || code === 'EPERM' ? 'permission-denied' : 'not-found',
      name,
      'open',
    );
  }
  return null;
}
