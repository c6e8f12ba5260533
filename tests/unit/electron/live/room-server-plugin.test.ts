/** The browser build's room-server endpoints, on a real loopback HTTP server. */
import { once } from 'node:events';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RoomServer } from '../../../../electron/live/room-server';
import { createRoomServerMiddleware, isSameLoopbackPage } from '../../../../vite-plugins/room-server';

const room = new RoomServer({ listenHost: '127.0.0.1', hosts: () => ['127.0.0.1'] });
let web: Server;
let origin: string;

beforeAll(async () => {
  const middleware = createRoomServerMiddleware(room);
  web = createServer((req, res) =>
    middleware(req, res, () => {
      res.statusCode = 404;
      res.end('next');
    }),
  );
  web.listen(0, '127.0.0.1');
  await once(web, 'listening');
  origin = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await room.stop();
  await new Promise((resolve) => web.close(resolve));
});

interface Sent {
  readonly path?: string;
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  readonly withoutOrigin?: boolean;
}

/** node:http rather than fetch, so Host and Origin can be set to anything. */
function send({
  path = '/__dreamboard/room-server',
  method = 'POST',
  headers = {},
  body = '',
  withoutOrigin,
}: Sent) {
  return new Promise<{ status: number; json: unknown }>((resolve, reject) => {
    const req = httpRequest(
      `${origin}${path}`,
      {
        method,
        headers: {
          ...(withoutOrigin ? {} : { Origin: origin }),
          'Content-Type': 'application/json',
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          let json: unknown = text;
          try {
            json = JSON.parse(text);
          } catch {
            // not JSON: keep the text
          }
          resolve({ status: res.statusCode ?? 0, json });
        });
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNRESET' || error.code === 'EPIPE'
        ? resolve({ status: 413, json: null })
        : reject(error),
    );
    req.end(body);
  });
}

describe('POST /__dreamboard/room-server', () => {
  it('starts the server on loopback, answers the running one again, and stops it', async () => {
    const first = await send({ body: '{"port":0}' });
    expect(first).toEqual({
      status: 200,
      json: { ok: true, port: expect.any(Number), hosts: ['127.0.0.1'] },
    });
    expect(await send({ body: '{"port":0}' })).toEqual(first);
    expect(await send({ path: '/__dreamboard/room-server/stop', body: '{}' })).toEqual({
      status: 200,
      json: { ok: true },
    });
    expect(room.port).toBeNull();
  });

  it('answers a bad port with the plain message', async () => {
    const answer = await send({ body: '{"port":80}' });
    expect(answer).toMatchObject({
      status: 200,
      json: { ok: false, message: expect.stringMatching(/1024/) },
    });
    expect(await send({ body: 'not json' })).toMatchObject({ json: { ok: false } });
  });

  it.each<[string, Sent]>([
    ['another site', { headers: { Origin: 'https://evil.example' } }],
    ['a page without an origin', { withoutOrigin: true }],
    ['a non-loopback host (DNS rebinding)', { headers: { Host: 'evil.example' } }],
  ])('refuses a request from %s', async (_case, sent) => {
    const answer = await send({ ...sent, body: '{"port":0}' });
    expect(answer.status).toBe(403);
    expect(room.port).toBeNull();
  });

  it('refuses other methods, other content types and large bodies', async () => {
    expect((await send({ method: 'GET' })).status).toBe(405);
    expect((await send({ headers: { 'Content-Type': 'text/plain' }, body: '{"port":0}' })).status).toBe(415);
    expect((await send({ body: JSON.stringify({ port: 0, pad: 'x'.repeat(2000) }) })).status).toBe(413);
    expect(room.port).toBeNull();
  });

  it('leaves other paths to the rest of the web server', async () => {
    expect(await send({ path: '/index.html' })).toEqual({ status: 404, json: 'next' });
  });
});

describe('isSameLoopbackPage', () => {
  it('wants the page on this loopback host and port', () => {
    expect(isSameLoopbackPage({ host: '127.0.0.1:4173', origin: 'http://127.0.0.1:4173' })).toBe(true);
    expect(isSameLoopbackPage({ host: 'localhost:5173', origin: 'http://localhost:5173' })).toBe(true);
    expect(isSameLoopbackPage({ host: '127.0.0.1:4173', origin: 'http://127.0.0.1:5173' })).toBe(false);
    expect(isSameLoopbackPage({ host: '192.168.1.20:4173', origin: 'http://192.168.1.20:4173' })).toBe(false);
    expect(isSameLoopbackPage({ host: '127.0.0.1:4173', origin: 'null' })).toBe(false);
  });
});
