import { once } from 'node:events';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import {
  startSignalingServer,
  type SignalingLimits,
  type SignalingLogEntry,
  type SignalingServer,
} from '../../../../electron/signaling';
import { RecordingClient } from './helpers';

let server: SignalingServer | undefined;
const clients: RecordingClient[] = [];
let logged: SignalingLogEntry[] = [];

async function start(limits: Partial<SignalingLimits> = {}): Promise<SignalingServer> {
  logged = [];
  server = await startSignalingServer({ host: '127.0.0.1', port: 0, limits, log: (e) => logged.push(e) });
  return server;
}

async function client(options: { autoPong?: boolean } = {}): Promise<RecordingClient> {
  const c = await RecordingClient.connect(server!.url, options);
  clients.push(c);
  return c;
}

async function get(path: string, method = 'GET'): Promise<{ status: number; body: string }> {
  const response = await fetch(new URL(path, server!.healthUrl), { method });
  return { status: response.status, body: await response.text() };
}

/** The server still does its job: a new pair of clients can meet in a room. */
async function expectHealthy(): Promise<void> {
  const a = await client();
  const b = await client();
  a.send({ type: 'subscribe', topics: ['check'] });
  b.send({ type: 'subscribe', topics: ['check'] });
  await a.sync();
  await b.sync();
  a.send({ type: 'publish', topic: 'check', data: 'hello' });
  await a.sync();
  await b.sync();
  expect(b.messages()).toEqual([{ type: 'publish', topic: 'check', data: 'hello', clients: 2 }]);
  const health = await get('/health');
  expect(health.status).toBe(200);
  expect(JSON.parse(health.body)).toMatchObject({ ok: true });
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await server?.close();
  server = undefined;
});

describe('signaling server under bad input', () => {
  it('ignores garbage JSON, wrong shapes and binary frames, keeps the connection and counts them', async () => {
    await start();
    const c = await client();
    for (const text of [
      '',
      '{',
      'null',
      '[1,2]',
      '"ping"',
      '{"type":7}',
      '{"type":"subscribe","topics":"room"}',
      '{"type":"publish","topic":{}}',
    ])
      c.ws.send(text);
    c.ws.send(Buffer.from([0x00, 0xff, 0x13, 0x37]), { binary: true });
    c.send({ type: 'subscribe', topics: [1, 'x'.repeat(10_000), 'ok'] });
    await c.sync();
    expect(c.isOpen).toBe(true);
    const stats = server!.stats();
    expect(stats.ignored).toEqual({
      'not-json': 3,
      'not-an-object': 3,
      'unknown-type': 1,
      'bad-topics': 1,
      'bad-topic': 1,
    });
    expect(stats.rejectedTopics).toBe(2);
    expect(stats.topics).toBe(1);
    await expectHealthy();
  });

  it('closes a connection that sends a frame over maxPayload with 1009', async () => {
    await start({ maxPayloadBytes: 1024 });
    const c = await client();
    c.send({ type: 'publish', topic: 'r', data: 'x'.repeat(2048) });
    expect(await c.closed()).toBe(1009);
    expect(server!.stats().closed.tooLarge).toBe(1);
    await expectHealthy();
  });

  it('closes a connection that sends invalid UTF-8 in a text frame with 1007', async () => {
    await start();
    const c = await client();
    c.ws.send(Buffer.from([0x7b, 0xc3, 0x28, 0x7d]), { binary: false });
    expect(await c.closed()).toBe(1007);
    await expectHealthy();
  });

  it('closes a connection that subscribes to too many topics with 1008 and frees its topics', async () => {
    await start({ maxTopicsPerConnection: 4 });
    const c = await client();
    c.send({ type: 'subscribe', topics: ['a', 'b', 'c', 'd'] });
    await c.sync();
    expect(server!.stats().topics).toBe(4);
    c.send({ type: 'subscribe', topics: ['a', 'e'] });
    expect(await c.closed()).toBe(1008);
    expect(server!.stats()).toMatchObject({ topics: 0, closed: { tooManyTopics: 1 } });
    expect(logged).toContainEqual(expect.objectContaining({ event: 'closed', cause: 'tooManyTopics' }));
    await expectHealthy();
  });

  it('drops messages over the rate and closes a flooding connection with 1008', async () => {
    await start({ rateBurst: 20, ratePerSecond: 1, floodDrops: 50 });
    const flooder = await client();
    const bystander = await client();
    bystander.send({ type: 'subscribe', topics: ['room'] });
    await bystander.sync();
    for (let i = 0; i < 500 && flooder.isOpen; i++) flooder.send({ type: 'publish', topic: 'room', data: i });
    expect(await flooder.closed()).toBe(1008);
    await bystander.sync();
    // At most the burst (plus what a second of refill allows) reached the room.
    expect(bystander.messages().length).toBeLessThanOrEqual(20 + 60);
    expect(server!.stats().closed.flood).toBe(1);
    expect(server!.stats().rateLimited).toBeGreaterThanOrEqual(50);
    await expectHealthy();
  });

  it('refuses connections over maxConnections with HTTP 503 and accepts again when one leaves', async () => {
    await start({ maxConnections: 2 });
    const first = await client();
    await client();
    const refused = new WebSocket(server!.url);
    refused.on('error', () => {}); // terminate() below reports the aborted handshake
    const [, response] = (await once(refused, 'unexpected-response')) as [unknown, { statusCode: number }];
    expect(response.statusCode).toBe(503);
    refused.terminate();
    expect(server!.stats().refused).toBe(1);
    await first.close();
    clients.splice(clients.indexOf(first), 1);
    // The server sees the close when the socket ends; retry (bounded) until the slot is free.
    let again: RecordingClient | undefined;
    for (let attempt = 0; attempt < 100 && !again; attempt++) {
      again = await RecordingClient.connect(server!.url).catch(() => undefined);
    }
    expect(again).toBeDefined();
    clients.push(again!);
    await again!.sync();
  });

  it('cuts a connection that stops answering pings and forgets its topics', async () => {
    await start({ heartbeatIntervalMs: 50 });
    const silent = await client({ autoPong: false });
    silent.send({ type: 'subscribe', topics: ['room'] });
    await silent.sync();
    const live = await client();
    expect(await silent.closed()).toBe(1006); // terminated: no close frame
    expect(live.isOpen).toBe(true);
    expect(server!.stats()).toMatchObject({ topics: 0, closed: { dead: 1 } });
    await live.sync();
  });

  it('cuts a subscriber that stops reading once too much is queued for it', async () => {
    await start({ maxBufferedBytes: 256 * 1024, rateBurst: 1000 });
    const publisher = await client();
    const stalled = await client();
    stalled.send({ type: 'subscribe', topics: ['room'] });
    await stalled.sync();
    // Stop reading: the kernel buffers fill, then the server's queue for this socket grows.
    (stalled.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    const chunk = 'x'.repeat(60_000);
    for (let i = 0; i < 400 && server!.stats().closed.slowConsumer === 0; i++) {
      publisher.send({ type: 'publish', topic: 'room', data: chunk });
      await publisher.sync();
    }
    expect(server!.stats()).toMatchObject({ topics: 0, closed: { slowConsumer: 1 } });
    expect(publisher.isOpen).toBe(true);
    stalled.ws.terminate(); // it is paused, so it would never read the server's end of the socket
  });

  it('survives a raw TCP client sending junk and half a handshake', async () => {
    await start();
    for (const junk of [
      '\x00\x01\x02garbage\r\n\r\n',
      'GET / HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n',
    ]) {
      const socket = connect(server!.port, '127.0.0.1');
      await once(socket, 'connect');
      socket.end(junk);
      socket.resume();
      await once(socket, 'close');
    }
    await expectHealthy();
  });
});

describe('signaling server over HTTP', () => {
  it('answers /health with counts and nothing else', async () => {
    await start();
    const c = await client();
    c.send({ type: 'subscribe', topics: ['a', 'b'] });
    await c.sync();
    const health = await get('/health?probe=1');
    expect(health.status).toBe(200);
    const body = JSON.parse(health.body) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['connections', 'ok', 'topics', 'uptimeS']);
    expect(body).toMatchObject({ ok: true, connections: 1, topics: 2 });
    expect(Number.isInteger(body.uptimeS)).toBe(true);
  });

  it.each([
    ['/', 'GET', 426],
    ['/favicon.ico', 'GET', 404],
    ['/health/../etc', 'GET', 404],
    ['/health', 'POST', 405],
  ])('%s %s → %i', async (path, method, status) => {
    await start();
    expect((await get(path, method)).status).toBe(status);
  });

  it('says goodbye with 1001 to every client on close', async () => {
    await start();
    const c = await client();
    const code = c.closed();
    await server!.close();
    expect(await code).toBe(1001);
    server = undefined;
  });
});

describe('startSignalingServer arguments', () => {
  it.each([
    [{ host: '', port: 0 }, /which address/],
    [{ host: '127.0.0.1', port: 70_000 }, /port must be a whole number/],
    [{ host: '127.0.0.1', port: 0, limits: { maxConnections: 0 } }, /"maxConnections"/],
  ])('refuses %j in plain words', async (options, message) => {
    await expect(startSignalingServer(options)).rejects.toThrow(message);
  });

  it('rejects with EADDRINUSE when the port is taken', async () => {
    const first = await start();
    await expect(startSignalingServer({ host: '127.0.0.1', port: first.port })).rejects.toMatchObject({
      code: 'EADDRINUSE',
    });
  });
});
