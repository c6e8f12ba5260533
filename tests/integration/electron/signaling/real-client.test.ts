import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { startSignalingServer, type SignalingServer } from '../../../../electron/signaling';
import { RecordingClient, startStockServer } from './helpers';

/**
 * The stock y-webrtc client (WebrtcProvider, with a room password as Dreamboard always sets)
 * against our server and the stock one: it connects, subscribes to its room and announces
 * itself; a second client in the room receives the announce, and the server relayed only
 * ciphertext. Node 20 has no global WebSocket, so lib0's client is given ws's.
 */
const ROOM = 'dreamboard-signaling-test';
const PASSWORD = 'correct horse battery staple';

/** y-webrtc's decryptJson (src/crypto.js, not exported by the package): AES-GCM in a lib0 frame. */
async function decryptJson(base64: string, key: CryptoKey): Promise<unknown> {
  const decoder = decoding.createDecoder(new Uint8Array(Buffer.from(base64, 'base64')));
  expect(decoding.readVarString(decoder)).toBe('AES-GCM');
  const iv = decoding.readVarUint8Array(decoder);
  const cipher = decoding.readVarUint8Array(decoder);
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, cipher);
  return decoding.readAny(decoding.createDecoder(new Uint8Array(plain)));
}

async function announceThrough(url: string): Promise<void> {
  const listener = await RecordingClient.connect(url);
  listener.send({ type: 'subscribe', topics: [ROOM] });
  await listener.sync();
  const { WebrtcProvider } = await import('y-webrtc');
  const doc = new Y.Doc();
  const provider = new WebrtcProvider(ROOM, doc, { signaling: [url], password: PASSWORD });
  try {
    // Wait (bounded) for the provider's announce to be relayed to the listener.
    for (let i = 0; i < 200 && listener.messages().length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      await listener.sync();
    }
    const [message] = listener.messages() as {
      type: string;
      topic: string;
      data: unknown;
      clients: number;
    }[];
    expect(message).toMatchObject({ type: 'publish', topic: ROOM, clients: 2 });
    // What the server relayed is ciphertext: base64 with no trace of the plain announce.
    expect(typeof message!.data).toBe('string');
    expect(Buffer.from(message!.data as string, 'base64').toString('latin1')).not.toContain('announce');
    const key = (await provider.key) as CryptoKey;
    expect(await decryptJson(message!.data as string, key)).toEqual({
      type: 'announce',
      from: provider.room!.peerId,
    });
  } finally {
    provider.disconnect(); // destroy() alone leaves y-webrtc's signaling connection reconnecting
    provider.destroy();
    doc.destroy();
    await listener.close();
  }
}

describe('the stock y-webrtc client', () => {
  let stock: Awaited<ReturnType<typeof startStockServer>>;
  let ours: SignalingServer;
  const originalWebSocket = globalThis.WebSocket;

  beforeAll(async () => {
    (globalThis as { WebSocket?: unknown }).WebSocket = WebSocket;
    stock = await startStockServer();
    ours = await startSignalingServer({ host: '127.0.0.1', port: 0 });
  });

  afterAll(async () => {
    (globalThis as { WebSocket?: unknown }).WebSocket = originalWebSocket;
    await stock?.stop();
    await ours?.close();
  });

  it('joins its room and announces itself, encrypted, through our server', async () => {
    await announceThrough(ours.url);
    expect(ours.stats().ignored).toEqual({
      'not-json': 0,
      'not-an-object': 0,
      'unknown-type': 0,
      'bad-topics': 0,
      'bad-topic': 0,
    });
  });

  it('does the same through the stock server (the reference)', async () => {
    await announceThrough(stock.url);
  });
});
