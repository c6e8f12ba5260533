import type { Command } from '../command';
import { checkCommand } from './check';
import { exportCommand } from './export';
import { infoCommand } from './info';
import { newCommand } from './new';
import { signalCommand } from './signal';

/** Every command, in the order help lists them. Add a module here to add a command. */
export const COMMANDS: readonly Command[] = [
  infoCommand,
  checkCommand,
  newCommand,
  exportCommand,
  signalCommand,
];
