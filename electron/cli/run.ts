import { NodeVolume } from '../storage/node-volume';
import { EXIT, parseArgs, UsageError, type CliContext, type CliIo, type Command } from './command';
import { COMMANDS } from './commands';

function helpText(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Dreamboard: co-design public services in workshops.',
    '',
    'Usage: dreamboard <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run "dreamboard <command> --help" for a command\'s options. See docs/cli.md.',
    '',
  ].join('\n');
}

/**
 * Runs one command line and returns the exit code. Never throws: an unexpected error is
 * reported in plain words (with the detail for a bug report) and exits non-zero.
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  overrides: Partial<Omit<CliContext, 'io'>> = {},
  commands: readonly Command[] = COMMANDS,
): Promise<number> {
  const context: CliContext = {
    io,
    volume: overrides.volume ?? new NodeVolume(),
    now: overrides.now ?? (() => Date.now()),
  };
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.err : io.out)(helpText(commands));
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`There is no command "${name}". Commands: ${commands.map((c) => c.name).join(', ')}.\n`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`Usage: ${command.usage}\n${command.summary}\n`);
    return EXIT.ok;
  }
  try {
    return await command.run(parseArgs(rest, command), context);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\nUsage: ${command.usage}\n`);
      return EXIT.usage;
    }
    io.err(
      `Something went wrong in "dreamboard ${name}": ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return EXIT.failed;
  }
}
