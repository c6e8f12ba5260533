/**
 * The "In this room" signaling server (docs/live-sessions.md, "Platform"): our hardened server
 * (electron/signaling) started on request, at most one at a time. The desktop app runs it in main
 * on every network interface; the browser build's web server runs it on loopback
 * (vite-plugins/room-server.ts). Plain Node, no Electron import: tested with real sockets.
 */
import { networkInterfaces } from 'node:os';
import { isRoomPort, type RoomServerOutcome } from '../../shared/ipc/live-schemas';
import { startSignalingServer, type SignalingLogEntry, type SignalingServer } from '../signaling';
import { lanHostsOf } from './lan-hosts';

export interface RoomServerOptions {
  /** Address to listen on. Default "0.0.0.0": everyone on the room's network must reach it. */
  readonly listenHost?: string;
  /** Addresses to put in the join code, best first. Default: this computer's LAN addresses. */
  readonly hosts?: () => string[];
  readonly log?: (entry: SignalingLogEntry) => void;
  /** For tests. */
  readonly start?: typeof startSignalingServer;
}

const PORT_RULE = 'The port must be 0 (any free port) or a whole number from 1024 to 65535.';

/** Why the server could not start, in words for the facilitator (Node's code kept for searching). */
export function describeRoomServerError(error: unknown, port: number): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'EADDRINUSE':
      return `Port ${port} is in use on this computer. Choose another port in Settings, or 0 for any free port.`;
    case 'EACCES':
    case 'EPERM':
      return `Dreamboard is not allowed to use port ${port} on this computer. Choose another port in Settings, or 0 for any free port.`;
    case 'EADDRNOTAVAIL':
      return 'This computer has no network connection Dreamboard can use for a session in this room. Connect to the room’s network and try again.';
    default: {
      const detail = error instanceof Error ? error.message : String(error);
      return `Could not start the session server: ${detail}${typeof code === 'string' && !detail.includes(code) ? ` (${code})` : ''}`;
    }
  }
}

export class RoomServer {
  private running: { server: SignalingServer; outcome: RoomServerOutcome & { ok: true } } | null = null;
  /** A start or stop in progress: calls queue behind it so two starts never race for a port. */
  private busy: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: RoomServerOptions = {}) {}

  /**
   * Starts the server on `port` (0: any free port), or answers the one already running, whatever
   * port was asked for this time: a session in progress keeps its code. Never rejects.
   */
  start(port: number): Promise<RoomServerOutcome> {
    return this.queue(async (): Promise<RoomServerOutcome> => {
      if (this.running !== null) return this.running.outcome;
      if (!isRoomPort(port)) return { ok: false, message: PORT_RULE };
      const start = this.options.start ?? startSignalingServer;
      try {
        const server = await start({
          host: this.options.listenHost ?? '0.0.0.0',
          port,
          ...(this.options.log ? { log: this.options.log } : {}),
        });
        const hosts = (this.options.hosts ?? (() => lanHostsOf(networkInterfaces())))();
        const outcome = { ok: true as const, port: server.port, hosts };
        this.running = { server, outcome };
        return outcome;
      } catch (error) {
        return { ok: false, message: describeRoomServerError(error, port) };
      }
    });
  }

  /** Stops the server if it runs; resolves when the port is free again. Never rejects. */
  stop(): Promise<void> {
    return this.queue(async () => {
      const running = this.running;
      this.running = null;
      if (running === null) return;
      try {
        await running.server.close();
      } catch (error) {
        this.options.log?.({ level: 'error', event: 'room-server-stop-failed', message: String(error) });
      }
    });
  }

  /** The port while running, else null. */
  get port(): number | null {
    return this.running?.outcome.port ?? null;
  }

  private queue<T>(task: () => Promise<T>): Promise<T> {
    const next = this.busy.then(task, task);
    this.busy = next.catch(() => undefined);
    return next;
  }
}
