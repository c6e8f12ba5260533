import type { IncomingMessage, ServerResponse } from 'node:http';

/** What `GET /health` reports. Counts only: nothing about who is connected or which rooms. */
export interface HealthReport {
  readonly ok: true;
  readonly connections: number;
  readonly topics: number;
  readonly uptimeS: number;
}

/**
 * Plain HTTP requests (not WebSocket upgrades). Only `/health` answers, for monitoring; the
 * WebSocket endpoint tells a browser that opened it what it is; everything else is 404 so the
 * server does not look like a web server worth probing.
 */
export function handleHttpRequest(
  request: IncomingMessage,
  response: ServerResponse,
  health: () => HealthReport,
): void {
  const path = (request.url ?? '/').split('?', 1)[0];
  if (path === '/health') {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      send(response, 405, 'text/plain; charset=utf-8', 'Only GET.\n', { Allow: 'GET, HEAD' });
      return;
    }
    send(response, 200, 'application/json', `${JSON.stringify(health())}\n`, {}, request.method === 'HEAD');
    return;
  }
  if (path === '/') {
    send(
      response,
      426,
      'text/plain; charset=utf-8',
      'Dreamboard signaling server: connect with a WebSocket.\n',
      {
        Upgrade: 'websocket',
        Connection: 'Upgrade',
      },
    );
    return;
  }
  send(response, 404, 'text/plain; charset=utf-8', 'Not found.\n');
}

function send(
  response: ServerResponse,
  status: number,
  type: string,
  body: string,
  headers: Record<string, string> = {},
  headOnly = false,
): void {
  response.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  response.end(headOnly ? undefined : body);
}
