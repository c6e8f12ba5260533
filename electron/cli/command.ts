import type { StorageVolume } from '../../shared/storage';

/** Exit codes shared by every command, documented in docs/cli.md. */
export const EXIT = {
  ok: 0,
  /** The command could not do what was asked (e.g. the file exists), or `check` found a recoverable file. */
  failed: 1,
  /** The workshop file cannot be read at all. */
  unreadable: 2,
  /** The command line itself was wrong (BSD sysexits EX_USAGE). */
  usage: 64,
} as const;

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

export interface CliContext {
  readonly io: CliIo;
  readonly volume: StorageVolume;
  readonly now: () => number;
}

/** A command line after parsing: positional words and --options (a flag without a value is `true`). */
export interface ParsedArgs {
  readonly positional: readonly string[];
  readonly options: ReadonlyMap<string, string | true>;
}

/** Thrown by argument handling for a usage mistake; the runner prints it with the usage line. */
export class UsageError extends Error {}

/** One `dreamboard <name>` command. New commands (signal, export) are modules added to the registry. */
export interface Command {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** e.g. "dreamboard info <file> [--json]". */
  readonly usage: string;
  /** Options it accepts, with whether each takes a value. */
  readonly options: Readonly<Record<string, { readonly takesValue: boolean }>>;
  run(args: ParsedArgs, context: CliContext): Promise<number>;
}

export function parseArgs(words: readonly string[], command: Command): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word === '--') {
      positional.push(...words.slice(i + 1));
      break;
    }
    if (!word.startsWith('--') || word === '--') {
      positional.push(word);
      continue;
    }
    const [name, inlineValue] = splitOption(word.slice(2));
    const spec = command.options[name];
    if (!spec) throw new UsageError(`"${command.name}" has no option --${name}.`);
    if (!spec.takesValue) {
      if (inlineValue !== undefined) throw new UsageError(`--${name} does not take a value.`);
      options.set(name, true);
      continue;
    }
    const value = inlineValue ?? words[++i];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value.`);
    options.set(name, value);
  }
  return { positional, options };
}

function splitOption(text: string): [string, string | undefined] {
  const eq = text.indexOf('=');
  return eq === -1 ? [text, undefined] : [text.slice(0, eq), text.slice(eq + 1)];
}

/** The single file argument most commands take. */
export function oneFile(args: ParsedArgs): string {
  if (args.positional.length === 0) throw new UsageError('Say which workshop file.');
  if (args.positional.length > 1)
    throw new UsageError(`Expected one file, got ${args.positional.length}: ${args.positional.join(' ')}`);
  return args.positional[0]!;
}
