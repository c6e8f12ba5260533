/** The "In this room" server with real sockets on loopback: start, reuse, port in use, stop. */
import { once } from 'node:events';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { RoomServer, describeRoomServerError } from '../../../../electron/live/room-server';

const rooms: RoomServer[] = [];
const blockers: Server[] = [];

function room(): RoomServer {
  const server = new RoomServer({ listenHost: '127.0.0.1', hosts: () => ['127.0.0.1'] });
  rooms.push(server);
  return server;
}

async function occupiedPort(): Promise<number> {
  const blocker = createServer();
  blockers.push(blocker);
  blocker.listen(0, '127.0.0.1');
  await once(blocker, 'listening');
  const address = blocker.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

afterEach(async () => {
  await Promise.all(rooms.splice(0).map((r) => r.stop()));
  await Promise.all(blockers.splice(0).map((b) => new Promise((resolve) => b.close(resolve))));
});

describe('RoomServer', () => {
  it('starts on a free port and reports where to reach it', async () => {
    const outcome = await room().start(0);
    expect(outcome).toEqual({ ok: true, port: expect.any(Number), hosts: ['127.0.0.1'] });
    if (outcome.ok) expect(outcome.port).toBeGreaterThan(0);
  });

  it('answers the running server on a second start, whatever port is asked for', async () => {
    const server = room();
    const first = await server.start(0);
    const second = await server.start(0);
    const third = await server.start(5555);
    expect(second).toEqual(first);
    expect(third).toEqual(first);
  });

  it('starts once when asked twice at the same time', async () => {
    const server = room();
    const [a, b] = await Promise.all([server.start(0), server.start(0)]);
    expect(a).toEqual(b);
  });

  it('says plainly when the port is in use', async () => {
    const port = await occupiedPort();
    expect(await room().start(port)).toEqual({
      ok: false,
      message: `Port ${port} is in use on this computer. Choose another port in Settings, or 0 for any free port.`,
    });
  });

  it('refuses ports below 1024 and non-integers without trying', async () => {
    for (const port of [80, 1023, 65536, 1.5, -1, Number.NaN]) {
      const outcome = await room().start(port);
      expect(outcome.ok).toBe(false);
    }
  });

  it('frees the port on stop, and can start again on it', async () => {
    const server = room();
    const first = await server.start(0);
    if (!first.ok) throw new Error(first.message);
    await server.stop();
    expect(server.port).toBeNull();
    const again = await room().start(first.port);
    expect(again).toEqual(first);
    await server.stop(); // stopping a stopped server is fine
  });

  it('lets a y-webrtc style client subscribe and hear back', async () => {
    const outcome = await room().start(0);
    if (!outcome.ok) throw new Error(outcome.message);
    const ws = new WebSocket(`ws://127.0.0.1:${outcome.port}`);
    await once(ws, 'open');
    ws.send(JSON.stringify({ type: 'subscribe', topics: ['dreamboard-test'] }));
    ws.send(JSON.stringify({ type: 'publish', topic: 'dreamboard-test', data: 'hello' }));
    const [data] = (await once(ws, 'message')) as [Buffer];
    expect(JSON.parse(data.toString())).toEqual({
      type: 'publish',
      topic: 'dreamboard-test',
      data: 'hello',
      clients: 1,
    });
    ws.close();
    await once(ws, 'close');
  });
});

describe('describeRoomServerError', () => {
  it('words what the facilitator can do', () => {
    expect(describeRoomServerError({ code: 'EACCES' }, 4444)).toMatch(/not allowed to use port 4444/);
    expect(describeRoomServerError(new Error('boom'), 4444)).toBe('Could not start the session server: boom');
  });
});
