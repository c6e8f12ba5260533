/**
 * The browser build's "In this room" server (docs/live-sessions.md, "Platform"): `vite` and
 * `vite preview` (npm run web, the e2e tests) answer `POST /__dreamboard/room-server` with `{port}`
 * by starting our signaling server on 127.0.0.1, and `POST /__dreamboard/room-server/stop` by
 * stopping it. The page calls these from renderer/platform/live-browser.ts.
 *
 * Threat: any web page the person visits can send requests to a loopback port. Only requests from
 * the loopback page itself are answered (Host is loopback and Origin is that same host), the body
 * must be JSON (a cross-site form cannot send that without a CORS preflight, which is never
 * answered) and at most 1 KiB.
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin, PreviewServer } from 'vite';
import { RoomServer } from '../electron/live/room-server';

export const ROOM_SERVER_PATH = '/__dreamboard/room-server';
export const ROOM_SERVER_STOP_PATH = '/__dreamboard/room-server/stop';
const MAX_BODY_BYTES = 1024;
const LOOPBACK_HOSTNAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** True when the request comes from a page served by this loopback server, not from another site. */
export function isSameLoopbackPage(headers: IncomingHttpHeaders): boolean {
  const host = headers.host;
  const origin = headers.origin;
  if (typeof host !== 'string' || typeof origin !== 'string') return false;
  let hostname: string;
  try {
    hostname = new URL(`http://${host}`).hostname;
  } catch {
    return false;
  }
  return LOOPBACK_HOSTNAMES.has(hostname) && origin === `http://${host}`;
}

type Next = (error?: unknown) => void;

function answer(response: ServerResponse, status: number, body: unknown): void {
  response.statusCode = status;
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.setHeader('Cache-Control', 'no-store');
  response.end(JSON.stringify(body));
}

const refuse = (response: ServerResponse, status: number, message: string) =>
  answer(response, status, { ok: false, message });

/** The body as text, or null when it is larger than the cap (reading stops there). */
function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function portOf(body: string): unknown {
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null ? (parsed as { port?: unknown }).port : undefined;
  } catch {
    return undefined;
  }
}

/** Connect-style middleware over one RoomServer; other paths go to `next`. */
export function createRoomServerMiddleware(room: RoomServer) {
  return (request: IncomingMessage, response: ServerResponse, next: Next): void => {
    const path = (request.url ?? '').split('?')[0];
    if (path !== ROOM_SERVER_PATH && path !== ROOM_SERVER_STOP_PATH) return next();
    void handle(room, path, request, response).catch(next);
  };
}

async function handle(room: RoomServer, path: string, request: IncomingMessage, response: ServerResponse) {
  if (request.method !== 'POST') return refuse(response, 405, 'Use POST.');
  if (!isSameLoopbackPage(request.headers))
    return refuse(response, 403, 'Only the page on this computer may ask.');
  if (!/^application\/json\b/i.test(request.headers['content-type'] ?? ''))
    return refuse(response, 415, 'Send JSON.');
  const body = await readBody(request);
  if (body === null) return refuse(response, 413, 'The request is too large.');
  if (path === ROOM_SERVER_STOP_PATH) {
    await room.stop();
    return answer(response, 200, { ok: true });
  }
  // RoomServer checks the port itself and answers {ok:false, message} in plain words.
  const port = portOf(body);
  return answer(response, 200, await room.start(typeof port === 'number' ? port : Number.NaN));
}

/** What `vite` and `vite preview` both hand to their server hooks. */
type HostServer = Pick<PreviewServer, 'middlewares'> & {
  readonly httpServer: PreviewServer['httpServer'] | null;
};

/** Loopback only: the browser build is for this computer (tests, trying things out). */
export function roomServerPlugin(): Plugin {
  const room = new RoomServer({ listenHost: '127.0.0.1', hosts: () => ['127.0.0.1'] });
  const install = (server: HostServer) => {
    server.middlewares.use(createRoomServerMiddleware(room));
    server.httpServer?.once('close', () => void room.stop());
  };
  return { name: 'dreamboard-room-server', configureServer: install, configurePreviewServer: install };
}
