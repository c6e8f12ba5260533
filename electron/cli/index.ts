import { runCli } from './run';

/** Entry point bundled to dist/electron/cli.cjs; `electron/cli/dreamboard.cjs` loads it. */
void runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
}).then((code) => {
  process.exitCode = code;
});
