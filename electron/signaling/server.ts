import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { handleHttpRequest, type HealthReport } from './http';
import { resolveLimits, type SignalingLimits } from './limits';
import { parseClientMessage, type IgnoredReason } from './messages';
import { MessageRateLimiter } from './rate-limit';

/** One structured log line. Never carries message contents, topic names or addresses. */
export interface SignalingLogEntry {
  readonly level: 'info' | 'warn' | 'error';
  readonly event: string;
  readonly [field: string]: string | number;
}

export interface SignalingServerOptions {
  /** Address to listen on: "127.0.0.1" for this machine only, a LAN address, or "0.0.0.0"/"::". */
  readonly host: string;
  /** 0 picks any free port. */
  readonly port: number;
  readonly limits?: Partial<SignalingLimits>;
  readonly log?: (entry: SignalingLogEntry) => void;
}

export interface SignalingStats extends HealthReport {
  /** Messages read from clients (including ignored and rate-limited ones). */
  readonly received: number;
  /** Copies of published messages sent to subscribers. */
  readonly forwarded: number;
  readonly ignored: Readonly<Record<IgnoredReason, number>>;
  /** Topic names skipped inside subscribe/unsubscribe lists (not strings, empty or too long). */
  readonly rejectedTopics: number;
  readonly rateLimited: number;
  /** Upgrades refused because `maxConnections` were open. */
  readonly refused: number;
  readonly closed: Readonly<Record<CloseCause, number>>;
}

type CloseCause = 'flood' | 'tooManyTopics' | 'tooLarge' | 'protocolError' | 'dead' | 'slowConsumer';

export interface SignalingServer {
  /** ws://host:port, for a client on this machine when listening on every interface. */
  readonly url: string;
  readonly healthUrl: string;
  readonly port: number;
  /** The address actually bound (e.g. "127.0.0.1", "::"). */
  readonly address: string;
  /** Says goodbye (1001) to every client, stops listening and resolves when all is released. */
  close(): Promise<void>;
  stats(): SignalingStats;
}

/** WebSocket close codes (RFC 6455 §7.4.1). */
const CLOSE_GOING_AWAY = 1001;
const CLOSE_POLICY = 1008;
/** How long clients get to answer our close frame on shutdown before their sockets are cut. */
const SHUTDOWN_GRACE_MS = 1000;
const HTTP_REQUEST_TIMEOUT_MS = 10_000;

interface Peer {
  readonly id: number;
  readonly ws: WebSocket;
  readonly topics: Set<string>;
  readonly limiter: MessageRateLimiter;
  /** Answered the last heartbeat ping. */
  alive: boolean;
  /** Told to go away: later messages are ignored and it receives nothing more. */
  closing: boolean;
}

/**
 * Starts a signaling server that speaks y-webrtc's protocol (see messages.ts), so the stock
 * y-webrtc client can use it and the stock server can stand in for it. Rejects if it cannot
 * listen (the error keeps Node's `code`, e.g. EADDRINUSE, for the caller to explain).
 */
export async function startSignalingServer(options: SignalingServerOptions): Promise<SignalingServer> {
  const { host, port } = options;
  if (typeof host !== 'string' || host.trim() === '') throw new RangeError('Say which address to listen on.');
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new RangeError(`The port must be a whole number from 0 to 65535 (got ${String(port)}).`);
  const limits = resolveLimits(options.limits);
  const log = options.log ?? (() => {});
  const started = Date.now();

  const peers = new Set<Peer>();
  const topics = new Map<string, Set<Peer>>();
  let nextId = 1;
  let pendingUpgrades = 0;
  let atCapacity = false;
  const counts = {
    received: 0,
    forwarded: 0,
    rejectedTopics: 0,
    rateLimited: 0,
    refused: 0,
    ignored: { 'not-json': 0, 'not-an-object': 0, 'unknown-type': 0, 'bad-topics': 0, 'bad-topic': 0 },
    closed: { flood: 0, tooManyTopics: 0, tooLarge: 0, protocolError: 0, dead: 0, slowConsumer: 0 },
  };

  const health = (): HealthReport => ({
    ok: true,
    connections: peers.size,
    topics: topics.size,
    uptimeS: Math.floor((Date.now() - started) / 1000),
  });

  // Threat: compression bombs and zlib memory per connection. Signaling messages are small, and
  // the stock client does not need compression, so permessage-deflate is off.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: limits.maxPayloadBytes,
    perMessageDeflate: false,
    clientTracking: false,
  });
  const http = createServer((request, response) => handleHttpRequest(request, response, health));
  // Threat: slowloris (sockets held open by never finishing the request headers). Signaling
  // requests are one short GET or upgrade, so a few seconds is plenty; the socket cap is a
  // backstop for file descriptors (upgraded sockets stay counted by the HTTP server).
  http.headersTimeout = HTTP_REQUEST_TIMEOUT_MS;
  http.requestTimeout = HTTP_REQUEST_TIMEOUT_MS;
  http.maxConnections = limits.maxConnections * 2;

  const unsubscribe = (peer: Peer, topic: string): void => {
    peer.topics.delete(topic);
    const subscribers = topics.get(topic);
    if (!subscribers) return;
    subscribers.delete(peer);
    if (subscribers.size === 0) topics.delete(topic);
  };

  const leaveAll = (peer: Peer): void => {
    for (const topic of [...peer.topics]) unsubscribe(peer, topic);
  };

  const closeForPolicy = (peer: Peer, cause: CloseCause, reason: string): void => {
    if (peer.closing) return;
    peer.closing = true;
    leaveAll(peer);
    counts.closed[cause] += 1;
    log({ level: 'warn', event: 'closed', cause, connection: peer.id });
    peer.ws.close(CLOSE_POLICY, reason);
  };

  const cut = (peer: Peer, cause: CloseCause): void => {
    if (!peer.closing) counts.closed[cause] += 1;
    peer.closing = true;
    leaveAll(peer);
    peer.ws.terminate();
  };

  const sendText = (peer: Peer, text: string): boolean => {
    if (peer.closing || peer.ws.readyState !== WebSocket.OPEN) return false;
    // Threat: a receiver that stops reading makes us queue everything published to its topics.
    if (peer.ws.bufferedAmount > limits.maxBufferedBytes) {
      log({ level: 'warn', event: 'closed', cause: 'slowConsumer', connection: peer.id });
      cut(peer, 'slowConsumer');
      return false;
    }
    peer.ws.send(text, () => {}); // an error here means the socket is going; 'close' cleans up
    return true;
  };

  const onMessage = (peer: Peer, data: RawData): void => {
    counts.received += 1;
    if (peer.closing) return;
    const decision = peer.limiter.take(Date.now());
    if (decision !== 'accept') {
      counts.rateLimited += 1;
      if (decision === 'close') closeForPolicy(peer, 'flood', 'rate limit exceeded');
      return;
    }
    const bytes = Buffer.isBuffer(data)
      ? data
      : Array.isArray(data)
        ? Buffer.concat(data)
        : Buffer.from(data);
    const message = parseClientMessage(bytes, limits);
    switch (message.kind) {
      case 'ignored':
        counts.ignored[message.reason] += 1;
        return;
      case 'ping':
        sendText(peer, JSON.stringify({ type: 'pong' }));
        return;
      case 'unsubscribe':
        counts.rejectedTopics += message.rejected;
        for (const topic of message.topics) unsubscribe(peer, topic);
        return;
      case 'subscribe':
        counts.rejectedTopics += message.rejected;
        for (const topic of message.topics) {
          if (peer.topics.has(topic)) continue;
          // Threat: one connection holding many rooms open (memory, and fan-out it can trigger).
          if (peer.topics.size >= limits.maxTopicsPerConnection) {
            closeForPolicy(peer, 'tooManyTopics', 'too many topics');
            return;
          }
          peer.topics.add(topic);
          const subscribers = topics.get(topic) ?? new Set<Peer>();
          subscribers.add(peer);
          topics.set(topic, subscribers);
        }
        return;
      case 'publish': {
        const receivers = topics.get(message.topic);
        if (!receivers) return;
        // As the stock server: the message as sent plus `clients`, to every subscriber, the
        // sender included (y-webrtc clients ignore their own messages by peer id).
        message.message.clients = receivers.size;
        const text = JSON.stringify(message.message);
        for (const receiver of [...receivers]) if (sendText(receiver, text)) counts.forwarded += 1;
        return;
      }
    }
  };

  const onConnection = (ws: WebSocket): void => {
    const peer: Peer = {
      id: nextId++,
      ws,
      topics: new Set(),
      limiter: new MessageRateLimiter(
        {
          burst: limits.rateBurst,
          perSecond: limits.ratePerSecond,
          floodDrops: limits.floodDrops,
          floodWindowMs: limits.floodWindowMs,
        },
        Date.now(),
      ),
      alive: true,
      closing: false,
    };
    peers.add(peer);
    ws.on('message', (data) => onMessage(peer, data));
    ws.on('pong', () => {
      peer.alive = true;
    });
    // ws reports frames it refuses (too large → 1009, invalid UTF-8 → 1007, bad opcodes → 1002)
    // as an 'error' and closes the connection itself; without this listener it would crash us.
    ws.on('error', (error: Error & { code?: string }) => {
      const cause: CloseCause =
        error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' ? 'tooLarge' : 'protocolError';
      if (!peer.closing) counts.closed[cause] += 1;
      peer.closing = true;
      leaveAll(peer);
      if (cause === 'tooLarge') log({ level: 'warn', event: 'closed', cause, connection: peer.id });
    });
    ws.on('close', () => {
      leaveAll(peer);
      peers.delete(peer);
      if (atCapacity && peers.size < limits.maxConnections) atCapacity = false;
    });
  };

  http.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // A socket error before or during the handshake must not become an uncaught exception.
    socket.on('error', () => socket.destroy());
    // Threat: connection exhaustion (file descriptors, memory). Refuse before the handshake.
    if (peers.size + pendingUpgrades >= limits.maxConnections) {
      counts.refused += 1;
      if (!atCapacity) log({ level: 'warn', event: 'at-capacity', connections: peers.size });
      atCapacity = true;
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    pendingUpgrades += 1;
    let settled = false;
    const settle = (): void => {
      if (!settled) pendingUpgrades -= 1;
      settled = true;
    };
    socket.once('close', settle);
    wss.handleUpgrade(request, socket, head, (ws) => {
      settle();
      onConnection(ws);
    });
  });
  http.on('clientError', (_error, socket: Socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  // One timer for everyone (the stock server has one per connection).
  const heartbeat = setInterval(() => {
    for (const peer of peers) {
      if (!peer.alive) {
        cut(peer, 'dead');
        continue;
      }
      peer.alive = false;
      try {
        peer.ws.ping();
      } catch {
        cut(peer, 'dead');
      }
    }
  }, limits.heartbeatIntervalMs);
  heartbeat.unref();

  try {
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(port, host, () => {
        http.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    clearInterval(heartbeat);
    throw error;
  }
  http.on('error', (error) => log({ level: 'error', event: 'server-error', message: error.message }));

  const bound = http.address() as AddressInfo;
  const wildcard = bound.address === '0.0.0.0' || bound.address === '::';
  const urlHost = wildcard
    ? bound.family === 'IPv6'
      ? '[::1]'
      : '127.0.0.1'
    : bound.family === 'IPv6'
      ? `[${bound.address}]`
      : bound.address;
  log({ level: 'info', event: 'listening', address: bound.address, port: bound.port });

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      clearInterval(heartbeat);
      const gone = [...peers].map(
        (peer) =>
          new Promise<void>((resolve) => {
            if (peer.ws.readyState === WebSocket.CLOSED) return resolve();
            peer.ws.once('close', () => resolve());
            peer.closing = true;
            peer.ws.close(CLOSE_GOING_AWAY, 'server shutting down');
          }),
      );
      const grace = new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref());
      await Promise.race([Promise.all(gone), grace]);
      for (const peer of peers) peer.ws.terminate();
      await new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      });
      log({ level: 'info', event: 'stopped' });
    })();
    return closing;
  };

  return {
    url: `ws://${urlHost}:${bound.port}`,
    healthUrl: `http://${urlHost}:${bound.port}/health`,
    port: bound.port,
    address: bound.address,
    close,
    stats: () => ({
      ...health(),
      received: counts.received,
      forwarded: counts.forwarded,
      ignored: { ...counts.ignored },
      rejectedTopics: counts.rejectedTopics,
      rateLimited: counts.rateLimited,
      refused: counts.refused,
      closed: { ...counts.closed },
    }),
  };
}
