import * as fc from 'fast-check';
import * as buffer from 'lib0/buffer';
import * as encoding from 'lib0/encoding';
import { once } from 'node:events';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket as ServerSocket } from 'ws';
import { deriveRoomKey, encryptSignal } from '../../../../renderer/live/signaling-crypto';
import { RecordingClient } from '../../electron/signaling/helpers';
import { TestPeer, ourServer, stockServer, until, type RestartableServer } from './signaling-client-helpers';

/**
 * Garbage aimed at SignalingClient: from a peer in the same topic (through our server and the
 * stock one) and from a hostile server itself. The client must never throw or leave a promise
 * rejection unhandled, must count what it drops, and must still deliver the next valid message.
 */
const ROOM = 'dreamboard-live-hostile-test';
const PASSWORD = 'hunter2 hunter2';

let key: Promise<CryptoKey>;
let wrongKey: CryptoKey;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  key = deriveRoomKey(PASSWORD, ROOM);
  wrongKey = await deriveRoomKey('not the password', ROOM);
  await key;
});
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
  expect(unhandled).toEqual([]);
});

const base64Of = (bytes: Uint8Array) => buffer.toBase64(bytes);
const randomBytes = (length: number) => globalThis.crypto.getRandomValues(new Uint8Array(length));

/** Room messages only a holder of the password could send (an insider), none of them valid. */
async function insiderGarbage(): Promise<string[]> {
  const k = await key;
  const values: unknown[] = [
    null,
    'announce',
    [1, 2, 3],
    new Uint8Array([1, 2, 3]),
    { type: 'announce' },
    { type: 'announce', from: '' },
    { type: 'announce', from: 'x'.repeat(65) },
    { type: 'signal', from: 'evil', to: 'alice', token: 'soon', signal: { type: 'offer', sdp: 'v=0' } },
    { type: 'signal', from: 'evil', to: 'alice', token: 1, signal: { type: 'pranswer', sdp: 'v=0' } },
    {
      type: 'signal',
      from: 'evil',
      to: 'alice',
      token: 1,
      signal: { type: 'offer', sdp: 'v=0', b: 2n ** 70n },
    },
    { type: 'signal', from: 'evil', to: 'alice', token: 1, signal: {} },
  ];
  return Promise.all(values.map(async (value) => base64Of(await encryptSignal(value, k))));
}

describe.each([
  ['ours', ourServer],
  ['stock', stockServer],
])('a hostile peer in the topic, through %s server', (_, makeServer) => {
  let server: RestartableServer;
  let alice: TestPeer | undefined;
  let hostile: RecordingClient | undefined;

  beforeAll(async () => {
    server = await makeServer();
    await server.start();
  });
  afterEach(async () => {
    alice?.client.destroy();
    await hostile?.close();
  });
  afterAll(() => server.stop());

  it('is counted and ignored, and the next valid message still arrives', async () => {
    alice = new TestPeer(server.url, ROOM, key, 'alice');
    await until(() => alice!.client.connected);
    hostile = await RecordingClient.connect(server.url);
    hostile.send({ type: 'subscribe', topics: [ROOM] });
    const publish = (data: unknown) => hostile!.send({ type: 'publish', topic: ROOM, data });

    const shapes: unknown[] = [42, null, { type: 'announce', from: 'evil' }, ['x'], '', '!!!!', 'QUJD=x'];
    shapes.forEach(publish);
    const randomBase64 = fc.sample(fc.uint8Array({ minLength: 1, maxLength: 4000 }), 60).map(base64Of);
    randomBase64.forEach(publish);
    const wrongKeyed = await Promise.all(
      fc
        .sample(fc.uint8Array({ maxLength: 300 }), 40)
        .map(async (b) => base64Of(await encryptSignal(b, wrongKey))),
    );
    wrongKeyed.forEach(publish);
    const insider = await insiderGarbage();
    insider.forEach(publish);
    publish(base64Of(randomBytes(40_000))); // large, under every limit
    await hostile.sync();

    const friend = base64Of(await encryptSignal({ type: 'announce', from: 'friend' }, await key));
    publish(friend);
    await until(() => alice!.messages.length === 1);
    expect(alice.messages).toEqual([{ type: 'announce', from: 'friend' }]);
    expect(alice.client.connected).toBe(true);
    const stats = alice.client.stats;
    // Every frame is either undecryptable, dropped as invalid, or the friend's announce.
    const sent = shapes.length + randomBase64.length + wrongKeyed.length + insider.length + 1;
    expect(stats.decryptFailures + stats.dropped).toBe(sent);
    expect(stats.decryptFailures).toBeGreaterThanOrEqual(randomBase64.length + wrongKeyed.length);
    expect(stats.dropped).toBeGreaterThanOrEqual(insider.length);
    expect(stats.handlerErrors).toBe(0);
  });

  it('survives base64 too large to decode (the server may relay it; ours cuts the sender)', async () => {
    alice = new TestPeer(server.url, ROOM, key, 'alice');
    await until(() => alice!.client.connected);
    hostile = await RecordingClient.connect(server.url);
    hostile.send({ type: 'subscribe', topics: [ROOM] });
    await hostile.sync();
    const droppedBefore = alice.client.stats.dropped;
    hostile.send({ type: 'publish', topic: ROOM, data: 'A'.repeat(200_000) });
    const friend = await RecordingClient.connect(server.url);
    const data = base64Of(await encryptSignal({ type: 'announce', from: 'friend' }, await key));
    friend.send({ type: 'publish', topic: ROOM, data });
    await until(() => alice!.messages.length === 1);
    await friend.close();
    expect(alice.client.stats.dropped - droppedBefore).toBeLessThanOrEqual(1);
    expect(alice.client.connected).toBe(true);
  });
});

describe('a hostile signaling server', () => {
  let wss: WebSocketServer;
  let url: string;
  const sockets: ServerSocket[] = [];
  const received: unknown[] = [];

  beforeAll(async () => {
    wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await once(wss, 'listening');
    url = `ws://127.0.0.1:${(wss.address() as { port: number }).port}`;
    wss.on('connection', (socket) => {
      sockets.push(socket);
      socket.on('message', (data) => received.push(JSON.parse(String(data))));
    });
  });
  afterAll(async () => {
    wss.clients.forEach((c) => c.terminate());
    await new Promise((done) => wss.close(done));
  });

  it('cannot make the client throw with frames of any kind', async () => {
    const alice = new TestPeer(url, ROOM, key, 'alice');
    try {
      await until(() => alice.client.connected && sockets.length === 1);
      const socket = sockets[0]!;
      const deepJson = '['.repeat(100_000) + ']'.repeat(100_000);
      const envelopeOfLength = encoding.createEncoder();
      encoding.writeVarString(envelopeOfLength, 'AES-GCM');
      encoding.writeVarUint(envelopeOfLength, 2 ** 31);
      const frames: (string | Buffer)[] = [
        Buffer.from('{"type":"ping"}'), // binary, though JSON
        randomBytes(500) as Buffer,
        'not json',
        '',
        'null',
        '[]',
        '"publish"',
        deepJson,
        '{"type":"publish"}',
        JSON.stringify({ type: 'publish', topic: ROOM, data: 'A'.repeat(100_000) }),
        JSON.stringify({ type: 'publish', topic: 'another-room', data: 'QUJD' }),
        JSON.stringify({
          type: 'publish',
          topic: ROOM,
          data: base64Of(encoding.toUint8Array(envelopeOfLength)),
        }),
        JSON.stringify({ type: 'publish', topic: ROOM, data: base64Of(randomBytes(1000)) }),
        JSON.stringify({ type: 'subscribe', topics: [ROOM] }),
        JSON.stringify({ type: '__proto__', topic: ROOM }),
        JSON.stringify({ type: 'ping', extra: { nested: true } }),
      ];
      for (const frame of frames) socket.send(frame, { binary: typeof frame !== 'string' });
      const friend = base64Of(await encryptSignal({ type: 'announce', from: 'friend' }, await key));
      socket.send(JSON.stringify({ type: 'publish', topic: ROOM, data: friend }));
      await until(() => alice.messages.length === 1);
      expect(alice.messages).toEqual([{ type: 'announce', from: 'friend' }]);
      expect(received).toContainEqual({ type: 'pong' });
      expect(alice.client.stats.messagesIn).toBe(frames.length + 1);
      expect(alice.client.stats.dropped + alice.client.stats.decryptFailures).toBe(frames.length - 1);
      // Closed abruptly: the client reconnects, to the same hostile server, and carries on.
      socket.terminate();
      await until(() => sockets.length === 2 && alice.client.connected);
      expect(alice.statuses).toEqual([true, false, true]);
    } finally {
      alice.client.destroy();
    }
  });
});
