import { basename } from 'node:path';
import { describeOpenProblem, describeRecovery, readWorkshopFile } from '../../../shared/storage';
import { EXIT, oneFile, type Command } from '../command';

/** Reads only: `check` must be safe to run on a file someone is worried about. */
export const checkCommand: Command = {
  name: 'check',
  summary: 'Check a workshop file without changing it (exit 0 healthy, 1 recoverable, 2 unreadable).',
  usage: 'dreamboard check <file>',
  options: {},
  async run(args, { io, volume }) {
    const file = oneFile(args);
    const name = basename(file);
    const read = await readWorkshopFile(volume, file);
    if (!read.ok) {
      io.err(`${describeOpenProblem(read.problem, name)}\n`);
      return EXIT.unreadable;
    }
    const notes: string[] = [];
    if (read.readOnlyReason) notes.push(read.readOnlyReason);
    if (read.recovery) {
      io.out(
        `"${name}" can be recovered. ${describeRecovery(read.recovery)}\nOpening it in Dreamboard keeps what was recovered; the damaged part is removed at the next save.\n`,
      );
      for (const note of notes) io.out(`${note}\n`);
      return EXIT.failed;
    }
    io.out(
      `"${name}" is healthy: ${read.updateRecords} saved ${read.updateRecords === 1 ? 'change' : 'changes'}, all readable.\n`,
    );
    for (const note of notes) io.out(`${note}\n`);
    return EXIT.ok;
  },
};
