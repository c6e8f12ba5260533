import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'vitest';
import { WebSocket } from 'ws';
import { startSignalingServer } from '../../../../electron/signaling';
import { SignalingClient, type SignalMessage } from '../../../../renderer/live/signaling-client';
import { RecordingClient, freePort } from '../../electron/signaling/helpers';

/** A signaling server on a fixed 127.0.0.1 port that can be stopped and started again on it. */
export interface RestartableServer {
  readonly name: string;
  readonly url: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function ourServer(): Promise<RestartableServer> {
  const port = await freePort();
  let running: Awaited<ReturnType<typeof startSignalingServer>> | null = null;
  return {
    name: 'our server',
    url: `ws://127.0.0.1:${port}`,
    start: async () => {
      running = await startSignalingServer({ host: '127.0.0.1', port });
    },
    stop: async () => {
      await running?.close();
      running = null;
    },
  };
}

/** node_modules/y-webrtc/bin/server.js as a child process, as tests/integration/signaling does. */
export async function stockServer(): Promise<RestartableServer> {
  const port = await freePort();
  const url = `ws://127.0.0.1:${port}`;
  let stopChild: (() => Promise<void>) | null = null;
  return {
    name: 'the stock server',
    url,
    start: async () => {
      const child = spawn(process.execPath, [resolve('node_modules/y-webrtc/bin/server.js')], {
        env: { ...process.env, PORT: String(port) },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await once(child.stdout, 'data');
      for (let attempt = 0; ; attempt++) {
        try {
          await (await RecordingClient.connect(url)).close();
          break;
        } catch (error) {
          if (attempt >= 50) throw error;
          await new Promise((r) => setTimeout(r, 50));
        }
      }
      stopChild = async () => {
        if (child.exitCode !== null) return;
        const exited = once(child, 'exit');
        child.kill('SIGKILL'); // killed, not shut down: clients see the connection just drop
        await exited;
      };
    },
    stop: async () => {
      await stopChild?.();
      stopChild = null;
    },
  };
}

/** y-webrtc 10's src/crypto.js, which its package does not export: what a stock client runs. */
export interface StockCrypto {
  deriveKey(secret: string, roomName: string): Promise<CryptoKey>;
  encryptJson(data: unknown, key: CryptoKey): Promise<Uint8Array>;
  decryptJson(data: Uint8Array, key: CryptoKey): Promise<unknown>;
}

export async function loadStockCrypto(): Promise<StockCrypto> {
  const url = pathToFileURL(resolve('node_modules/y-webrtc/src/crypto.js')).href;
  return (await import(/* @vite-ignore */ url)) as StockCrypto;
}

/** A SignalingClient on ws's WebSocket (Node 20 has none of its own), recording what it hears. */
export class TestPeer {
  readonly messages: SignalMessage[] = [];
  readonly statuses: boolean[] = [];
  readonly client: SignalingClient;

  constructor(url: string, roomName: string, key: Promise<CryptoKey>, peerId: string) {
    this.client = new SignalingClient({
      url,
      roomName,
      key,
      peerId,
      onMessage: (message) => this.messages.push(message),
      onStatus: (connected) => this.statuses.push(connected),
      createSocket: (socketUrl) => new WebSocket(socketUrl),
    });
  }

  announcesFrom(peerId: string): number {
    return this.messages.filter((m) => m.type === 'announce' && m.from === peerId).length;
  }
}

/** Polls (real time) until the condition holds; fails the test after `ms`. */
export async function until(condition: () => boolean, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  expect(condition()).toBe(true);
}
