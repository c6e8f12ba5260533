/**
 * A WebSocket to a signaling server that keeps itself alive, as lib0/websocket does for y-webrtc:
 * JSON text frames, a `{"type":"ping"}` every 15 s, the connection given up after 30 s without any
 * frame (and a handshake that takes as long counts the same), then reconnects with exponential
 * back-off and jitter until destroyed. The room protocol on top is signaling-client.ts.
 */

/** React's "bivariance hack": lets ws's and the DOM's WebSocket, with their own event types, fit. */
type Handler<E> = { bivarianceHack(event: E): void }['bivarianceHack'];

/** The part of a WebSocket (DOM, or the `ws` package's) used here. */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: Handler<unknown> | null;
  onmessage: Handler<{ readonly data: unknown }> | null;
  onclose: Handler<unknown> | null;
  onerror: Handler<unknown> | null;
}

/** Injectable for tests; the defaults are the real clock, Math.random and setTimeout. */
export interface SocketEnvironment {
  readonly createSocket?: (url: string) => WebSocketLike;
  readonly now?: () => number;
  readonly random?: () => number;
  readonly setTimer?: (callback: () => void, ms: number) => unknown;
  readonly clearTimer?: (handle: unknown) => void;
}

export interface KeptAliveSocketOptions extends SocketEnvironment {
  readonly url: string;
  readonly onOpen: () => void;
  /** Every frame's data, unparsed and untrusted. */
  readonly onFrame: (data: unknown) => void;
  /** The open connection was lost (not called for attempts that never opened, nor on destroy). */
  readonly onLost: () => void;
}

const WEBSOCKET_OPEN = 1;
export const PING_INTERVAL_MS = 15_000;
export const SILENCE_LIMIT_MS = 30_000;
export const RECONNECT_INITIAL_MS = 500;
export const RECONNECT_MAX_MS = 10_000;
/** A connection that lasted this long resets the back-off; a server that accepts and drops at once does not. */
const STABLE_CONNECTION_MS = 10_000;

export class KeptAliveSocket {
  /** Reconnects scheduled after a connection closed, failed or went silent. */
  reconnects = 0;
  /** Frames sent. */
  sent = 0;

  private socket: WebSocketLike | null = null;
  private isOpen = false;
  private destroyed = false;
  private openedAt = 0;
  private lastHeardAt = 0;
  private failedAttempts = 0;
  private heartbeatTimer: unknown = undefined;
  private reconnectTimer: unknown = undefined;

  constructor(private readonly options: KeptAliveSocketOptions) {
    this.connect();
  }

  get open(): boolean {
    return this.isOpen;
  }

  /** Sends one JSON frame if the connection is open; false otherwise. Never throws. */
  send(message: object): boolean {
    const socket = this.socket;
    if (socket === null || !this.isOpen || socket.readyState !== WEBSOCKET_OPEN) return false;
    try {
      socket.send(JSON.stringify(message));
      this.sent++;
      return true;
    } catch {
      return false;
    }
  }

  /** Closes the connection and stops every timer; no callbacks after this. Idempotent. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.stopTimer(this.reconnectTimer);
    this.reconnectTimer = undefined;
    this.releaseSocket();
  }

  private connect(): void {
    this.reconnectTimer = undefined;
    if (this.destroyed) return;
    let socket: WebSocketLike;
    try {
      const create = this.options.createSocket ?? ((url: string) => new WebSocket(url));
      socket = create(this.options.url);
    } catch {
      // A malformed URL or a platform without WebSocket: keep trying slowly, as for a closed server.
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    this.lastHeardAt = this.now();
    socket.onopen = () => this.whileCurrent(socket, () => this.handleOpen());
    socket.onmessage = (event) => this.whileCurrent(socket, () => this.handleFrame(event));
    socket.onclose = () => this.whileCurrent(socket, () => this.handleLost());
    socket.onerror = () => this.whileCurrent(socket, () => this.handleLost());
    this.armHeartbeat();
  }

  private handleOpen(): void {
    this.isOpen = true;
    this.openedAt = this.now();
    this.lastHeardAt = this.openedAt;
    this.options.onOpen();
  }

  private handleFrame(event: unknown): void {
    this.lastHeardAt = this.now();
    const data = typeof event === 'object' && event !== null ? (event as { data?: unknown }).data : undefined;
    this.options.onFrame(data);
  }

  private handleLost(): void {
    const wasOpen = this.isOpen;
    this.releaseSocket();
    if (wasOpen && this.now() - this.openedAt >= STABLE_CONNECTION_MS) this.failedAttempts = 0;
    this.scheduleReconnect();
    if (wasOpen) this.options.onLost();
  }

  /** Exponential back-off with jitter, so many apps losing one server do not all return at once. */
  private scheduleReconnect(): void {
    if (this.destroyed || this.reconnectTimer !== undefined) return;
    const ceiling = Math.min(RECONNECT_MAX_MS, RECONNECT_INITIAL_MS * 2 ** this.failedAttempts);
    this.failedAttempts = Math.min(this.failedAttempts + 1, 16);
    const jitter = Math.min(1, Math.max(0, this.random()));
    this.reconnects++;
    this.reconnectTimer = this.startTimer(() => this.connect(), ceiling / 2 + (ceiling / 2) * jitter);
  }

  private armHeartbeat(): void {
    this.stopTimer(this.heartbeatTimer);
    this.heartbeatTimer = this.startTimer(() => this.heartbeat(), PING_INTERVAL_MS);
  }

  /** Checked every 15 s, so silence is noticed 30 to 45 s after the last frame, as with lib0/websocket. */
  private heartbeat(): void {
    this.heartbeatTimer = undefined;
    if (this.socket === null) return;
    if (this.now() - this.lastHeardAt >= SILENCE_LIMIT_MS) {
      this.handleLost();
      return;
    }
    this.send({ type: 'ping' });
    this.armHeartbeat();
  }

  /**
   * Forgets the current socket and closes it. Its handlers become no-ops rather than null: ws
   * emits 'error' when a socket still connecting is closed, and with no listener that would throw.
   */
  private releaseSocket(): void {
    this.stopTimer(this.heartbeatTimer);
    this.heartbeatTimer = undefined;
    const socket = this.socket;
    this.socket = null;
    this.isOpen = false;
    if (socket === null) return;
    const ignore = () => {};
    socket.onopen = ignore;
    socket.onmessage = ignore;
    socket.onclose = ignore;
    socket.onerror = ignore;
    try {
      socket.close();
    } catch {
      // Already closed or never opened; nothing left to release.
    }
  }

  /** Events of a socket we have let go of are stale; and nothing thrown may reach the socket. */
  private whileCurrent(socket: WebSocketLike, handler: () => void): void {
    if (socket !== this.socket) return;
    try {
      handler();
    } catch {
      // The callbacks catch their own errors; this is the last line against a bug.
    }
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private random(): number {
    return (this.options.random ?? Math.random)();
  }

  private startTimer(callback: () => void, ms: number): unknown {
    const guarded = () => {
      try {
        callback();
      } catch {
        // As in whileCurrent.
      }
    };
    // Called detached, so that passing the browser's own setTimeout does not throw "Illegal invocation".
    const setTimer = this.options.setTimer;
    return setTimer ? setTimer(guarded, ms) : setTimeout(guarded, ms);
  }

  private stopTimer(handle: unknown): void {
    if (handle === undefined) return;
    const clearTimer = this.options.clearTimer;
    if (clearTimer) clearTimer(handle);
    else clearTimeout(handle as ReturnType<typeof setTimeout>);
  }
}
