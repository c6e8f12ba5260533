import { networkInterfaces } from 'node:os';
import { startSignalingServer, type SignalingLimits, type SignalingServer } from '../../signaling';
import { EXIT, UsageError, type CliIo, type Command, type ParsedArgs } from '../command';

const DEFAULT_PORT = 4444;
/**
 * Loopback by default: a standalone server belongs behind a TLS reverse proxy on the same
 * machine (wss://), and binding every interface by default would expose a plain ws:// port
 * nobody meant to open. `--host 0.0.0.0` is one flag away for a LAN without a proxy.
 */
const DEFAULT_HOST = '127.0.0.1';

export interface SignalCommandDeps {
  /** Resolves with the signal's name when the process is asked to stop. */
  readonly waitForStop: () => Promise<string>;
  readonly start?: typeof startSignalingServer;
}

/** SIGINT (Ctrl+C) or SIGTERM (systemd, docker stop), whichever comes first. */
export function waitForProcessSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export function createSignalCommand(deps: SignalCommandDeps): Command {
  const start = deps.start ?? startSignalingServer;
  return {
    name: 'signal',
    summary: 'Run a signaling server for live sessions (y-webrtc compatible); see docs/signaling.md.',
    usage: 'dreamboard signal [--port 4444] [--host 127.0.0.1] [--limits \'{"maxConnections":500}\']',
    options: { port: { takesValue: true }, host: { takesValue: true }, limits: { takesValue: true } },
    async run(args, { io, now }) {
      if (args.positional.length > 0)
        throw new UsageError(`"signal" takes no file (got ${args.positional.join(' ')}).`);
      const port = parsePort(args);
      const host = optionText(args, 'host') ?? DEFAULT_HOST;
      const limits = parseLimits(args);
      // Started before the server so a signal during start-up is not lost.
      const stopRequested = deps.waitForStop();
      let server: SignalingServer;
      try {
        server = await start({
          host,
          port,
          limits,
          log: (entry) => io.err(`${JSON.stringify({ time: new Date(now()).toISOString(), ...entry })}\n`),
        });
      } catch (error) {
        if (error instanceof RangeError) throw new UsageError(error.message);
        io.err(`${describeStartError(error, host, port)}\n`);
        return EXIT.failed;
      }
      printWelcome(io, server, host);
      const signal = await stopRequested;
      io.out(`Stopping (${signal})…\n`);
      await server.close();
      io.out('Stopped.\n');
      return EXIT.ok;
    },
  };
}

export const signalCommand = createSignalCommand({ waitForStop: waitForProcessSignal });

function optionText(args: ParsedArgs, name: string): string | undefined {
  const value = args.options.get(name);
  return value === true ? undefined : value;
}

function parsePort(args: ParsedArgs): number {
  const text = optionText(args, 'port');
  if (text === undefined) return DEFAULT_PORT;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65_535)
    throw new UsageError(`--port must be a number from 0 to 65535 (got "${text}").`);
  return port;
}

function parseLimits(args: ParsedArgs): Partial<SignalingLimits> | undefined {
  const text = optionText(args, 'limits');
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError(`--limits must be a JSON object, e.g. '{"maxConnections":1000}' (got ${text}).`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new UsageError(`--limits must be a JSON object, e.g. '{"maxConnections":1000}'.`);
  return value as Partial<SignalingLimits>; // each limit is checked by resolveLimits on start
}

/** Listen failures in plain words; Node's code is kept at the end for searching. */
export function describeStartError(error: unknown, host: string, port: number): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'EADDRINUSE':
      return `Port ${port} is already in use on ${host}. Stop the program using it, or choose another port with --port.`;
    case 'EACCES':
    case 'EPERM':
      return `Dreamboard is not allowed to listen on port ${port} at ${host}. Ports below 1024 need administrator rights on most systems: choose a higher port and put a reverse proxy in front (see docs/signaling.md).`;
    case 'EADDRNOTAVAIL':
      return `This computer has no network address ${host}. Use 127.0.0.1 (this computer only), 0.0.0.0 (every network) or one of its own addresses.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Cannot find the address "${host}". Give an IP address such as 127.0.0.1 or 0.0.0.0.`;
    default:
      return `Could not start the signaling server: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function printWelcome(io: CliIo, server: SignalingServer, host: string): void {
  const wildcard = server.address === '0.0.0.0' || server.address === '::';
  const lines = [
    `Dreamboard signaling server listening on ${wildcard ? `every network interface (${host})` : server.address}, port ${server.port}.`,
  ];
  if (wildcard) {
    const lan = lanAddresses().map((a) => `ws://${a}:${server.port}`);
    lines.push(`  WebSocket: ${[server.url, ...lan].join('  ')}`);
    lines.push('  Plain ws:// is reachable from other machines. Signaling messages are encrypted with');
    lines.push('  each room\u2019s password, but for the internet put it behind TLS (docs/signaling.md).');
  } else {
    lines.push(`  WebSocket: ${server.url}`);
  }
  lines.push(`  Health:    ${server.healthUrl}`, 'Press Ctrl+C to stop.', '');
  io.out(lines.join('\n'));
}

function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((list) => list ?? [])
    .filter((a) => a.family === 'IPv4' && !a.internal)
    .map((a) => a.address);
}
