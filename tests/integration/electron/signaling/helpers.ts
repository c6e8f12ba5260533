import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { WebSocket } from 'ws';

/** A WebSocket client that records every JSON message the server sends it. */
export class RecordingClient {
  readonly received: unknown[] = [];
  private pongWaiters: (() => void)[] = [];
  private closeCode: number | undefined;
  private readonly closing: Promise<number>;

  private constructor(readonly ws: WebSocket) {
    this.closing = new Promise((done) =>
      ws.on('close', (code) => {
        this.closeCode = code;
        done(code);
      }),
    );
    // The server may cut us off mid-send in the abuse tests; that is expected, not a failure.
    ws.on('error', () => {});
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as { type?: unknown };
      this.received.push(message);
      if (message.type === 'pong') this.pongWaiters.shift()?.();
    });
  }

  static async connect(url: string, options: { autoPong?: boolean } = {}): Promise<RecordingClient> {
    const ws = new WebSocket(url, options);
    await once(ws, 'open');
    return new RecordingClient(ws);
  }

  send(message: unknown): void {
    this.ws.send(JSON.stringify(message));
  }

  /**
   * Round trip: resolves once the server has handled everything this client sent before, and
   * everything the server queued to this client before the pong has arrived (one TCP stream).
   */
  async sync(): Promise<void> {
    const pong = new Promise<void>((done) => this.pongWaiters.push(done));
    this.send({ type: 'ping' });
    await pong;
  }

  /** Messages received other than pongs, in order. */
  messages(): unknown[] {
    return this.received.filter((m) => (m as { type?: unknown }).type !== 'pong');
  }

  /** The close code the connection ended with, once it has. */
  closed(): Promise<number> {
    return this.closing;
  }

  get isOpen(): boolean {
    return this.closeCode === undefined && this.ws.readyState === WebSocket.OPEN;
  }

  async close(): Promise<void> {
    if (this.closeCode === undefined) this.ws.close();
    await this.closing;
  }
}

/** A port free at the moment of asking (the stock server cannot report the one it got for 0). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Runs y-webrtc's own signaling server (node_modules/y-webrtc/bin/server.js) as a child process. */
export async function startStockServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [resolve('node_modules/y-webrtc/bin/server.js')], {
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // It prints its banner right after calling listen(); a connection attempt confirms it is up.
  await once(child.stdout!, 'data');
  const url = `ws://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    try {
      const probe = await RecordingClient.connect(url);
      await probe.close();
      break;
    } catch (error) {
      if (attempt >= 50) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}
