import * as buffer from 'lib0/buffer';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { deriveRoomKey } from '../../../../renderer/live/signaling-crypto';
import { RecordingClient } from '../../electron/signaling/helpers';
import {
  TestPeer,
  loadStockCrypto,
  ourServer,
  stockServer,
  until,
  type RestartableServer,
  type StockCrypto,
} from './signaling-client-helpers';

/**
 * SignalingClient on real sockets against our server (electron/signaling) and y-webrtc's stock
 * one: two peers meet, someone with another password in the same topic is ignored, the server
 * dies and comes back, and a stock y-webrtc client (its crypto.js over a raw socket, since Node
 * has no RTCPeerConnection for WebrtcProvider) and ours understand each other.
 */
const ROOM = 'dreamboard-live-signaling-test';
const PASSWORD = 'correct horse battery staple';

let stock: StockCrypto;
let key: Promise<CryptoKey>;
beforeAll(async () => {
  stock = await loadStockCrypto();
  key = deriveRoomKey(PASSWORD, ROOM);
  await key;
});

describe.each([
  ['ours', ourServer],
  ['stock', stockServer],
])('SignalingClient through %s signaling server', (_, makeServer) => {
  let server: RestartableServer;
  const peers: TestPeer[] = [];
  const raw: RecordingClient[] = [];
  const peer = (peerId: string, withKey = key) => {
    const created = new TestPeer(server.url, ROOM, withKey, peerId);
    peers.push(created);
    return created;
  };

  beforeAll(async () => {
    server = await makeServer();
    await server.start();
  });
  afterEach(async () => {
    for (const p of peers.splice(0)) p.client.destroy();
    for (const r of raw.splice(0)) await r.close();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('lets two peers find each other and exchange signals, and ignores a third with another password', async () => {
    const alice = peer('alice');
    await until(() => alice.client.connected);
    const bob = peer('bob');
    await until(() => alice.announcesFrom('bob') === 1);
    const offer = { type: 'offer' as const, sdp: 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n' };
    expect(
      await alice.client.publish({ type: 'signal', from: 'alice', to: 'bob', token: 7.5, signal: offer }),
    ).toBe(true);
    await until(() => bob.messages.length === 1);
    expect(bob.messages).toEqual([{ type: 'signal', from: 'alice', to: 'bob', token: 7.5, signal: offer }]);

    const mallory = peer('mallory', deriveRoomKey('a guess', ROOM));
    await until(() => mallory.client.connected);
    await until(() => alice.client.stats.decryptFailures === 1 && bob.client.stats.decryptFailures === 1);
    await bob.client.announce();
    await until(() => alice.announcesFrom('bob') === 2 && mallory.client.stats.decryptFailures === 1);
    expect(mallory.messages).toEqual([]);
    expect(alice.messages.map((m) => m.from)).toEqual(['bob', 'bob']);
    // Own echoes come back from the server and are left out.
    expect(alice.client.stats.notForUs).toBeGreaterThanOrEqual(2);
    expect(alice.client.stats.dropped).toBe(0);
  });

  it('reconnects after the server is killed and restarted, and announces itself again', async () => {
    const alice = peer('alice');
    const bob = peer('bob');
    await until(() => alice.client.connected && bob.client.connected);
    await server.stop();
    await until(() => !alice.client.connected && !bob.client.connected);
    expect(alice.statuses).toEqual([true, false]);
    await new Promise((r) => setTimeout(r, 300)); // a refused attempt or two
    const heardBefore = alice.messages.length + bob.messages.length;
    await server.start();
    await until(() => alice.client.connected && bob.client.connected);
    // Whichever reconnected second announced into a topic the other had already joined.
    await until(() => alice.messages.length + bob.messages.length > heardBefore);
    expect([...alice.messages, ...bob.messages].at(-1)).toMatchObject({ type: 'announce' });
    expect(alice.statuses).toEqual([true, false, true]);
    expect(alice.client.stats.reconnects).toBeGreaterThanOrEqual(1);
  });

  it('understands a stock y-webrtc client, and is understood by it', async () => {
    const stockKey = await stock.deriveKey(PASSWORD, ROOM);
    const listener = await RecordingClient.connect(server.url);
    raw.push(listener);
    listener.send({ type: 'subscribe', topics: [ROOM] });
    await listener.sync();
    const alice = peer('alice');
    await until(() => listener.messages().length === 1);
    const [announce] = listener.messages() as { type: string; topic: string; data: string }[];
    expect(announce).toMatchObject({ type: 'publish', topic: ROOM });
    expect(await stock.decryptJson(buffer.fromBase64(announce!.data), stockKey)).toEqual({
      type: 'announce',
      from: 'alice',
    });

    // What SignalingConn's publishSignalingMessage sends for an announce and a signal.
    const publish = async (data: unknown) =>
      listener.send({
        type: 'publish',
        topic: ROOM,
        data: buffer.toBase64(await stock.encryptJson(data, stockKey)),
      });
    await publish({ type: 'announce', from: 'stock-peer' });
    const answer = { type: 'answer', sdp: 'v=0\r\n' };
    await publish({
      to: 'alice',
      from: 'stock-peer',
      type: 'signal',
      token: Date.now() + Math.random(),
      signal: answer,
    });
    await until(() => alice.messages.length === 2);
    expect(alice.messages[0]).toEqual({ type: 'announce', from: 'stock-peer' });
    expect(alice.messages[1]).toMatchObject({
      type: 'signal',
      from: 'stock-peer',
      to: 'alice',
      signal: answer,
    });
  });
});
