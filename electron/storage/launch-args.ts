/**
 * Workshop files named on a command line: the first launch's argv (Windows and Linux pass a
 * double-clicked file this way) and a second launch's argv, handed over by 'second-instance'.
 */
import { isAbsolute, resolve } from 'node:path';
import { WORKSHOP_EXTENSION } from '../../shared/ipc/workshop-names';

/**
 * Arguments that name .dreamboard files, made absolute against the launch's working folder.
 * Options (--foo, and Chromium's switches that Electron adds to a second instance's argv) and
 * anything else are ignored; the files are checked again when opened.
 */
export function workshopPathsInArgs(argv: readonly string[], workingDirectory: string): string[] {
  return argv
    .slice(1)
    .filter((arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith(WORKSHOP_EXTENSION))
    .map((arg) => (isAbsolute(arg) ? arg : resolve(workingDirectory, arg)));
}
