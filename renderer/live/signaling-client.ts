import * as buffer from 'lib0/buffer';
import { uuidv4 } from 'lib0/random';
import { decryptSignal, encryptSignal } from './signaling-crypto';
import {
  MAX_PUBLISH_DATA_CHARS,
  parseServerMessage,
  parseSignalMessage,
  type SignalMessage,
} from './signaling-messages';
import { KeptAliveSocket, type SocketEnvironment } from './signaling-socket';

export { parseSignalMessage, type SignalMessage, type SimplePeerSignal } from './signaling-messages';
export type { WebSocketLike } from './signaling-socket';
export { validateSignalingUrl, type SignalingUrlCheck } from './signaling-url';

/**
 * One connection to one signaling server for one room, speaking y-webrtc 10's protocol
 * (SignalingConn in node_modules/y-webrtc/src/y-webrtc.js, docs/signaling.md), so it works with
 * the stock server and with stock clients in the same room. Everything the server sends is
 * untrusted: the server itself may be hostile, and anyone can publish into the topic. No socket
 * handler throws; whatever is not a valid message is counted in `stats` and dropped.
 */

export interface SignalingClientOptions extends SocketEnvironment {
  readonly url: string;
  readonly roomName: string;
  /** The room key (deriveRoomKey); if it rejects, nothing is sent and nothing decrypts. */
  readonly key: Promise<CryptoKey>;
  /** Our y-webrtc peer id; a random uuid if not given (the `peerId` property can change it). */
  readonly peerId?: string;
  /** Valid room messages from others: our own echoes and signals for other peers are left out. */
  readonly onMessage: (message: SignalMessage) => void;
  /** True on every (re)connection, false when an open connection is lost; never after destroy(). */
  readonly onStatus: (connected: boolean) => void;
}

export interface SignalingStats {
  /** Frames received from the server, valid or not. */
  readonly messagesIn: number;
  /** Frames sent to the server. */
  readonly messagesOut: number;
  /** Room messages handed to onMessage. */
  readonly delivered: number;
  /** Frames or room messages that were not valid: bad JSON, wrong shapes, other topics, oversize. */
  readonly dropped: number;
  /** Room messages that did not decrypt: another password in the same topic, or garbage. */
  readonly decryptFailures: number;
  /** Valid room messages that were our own echo or a signal addressed to another peer. */
  readonly notForUs: number;
  /** Reconnects scheduled after a connection closed, failed or went silent. */
  readonly reconnects: number;
  /** Exceptions thrown by onMessage or onStatus (caught so they cannot break the connection). */
  readonly handlerErrors: number;
}

/**
 * What publish() takes: a signal straight from simple-peer's 'signal' event, typed unknown, as it is
 * validated like incoming ones (so a bug cannot put something stock clients choke on in the room).
 */
export type OutgoingSignalMessage =
  | { readonly type: 'announce'; readonly from: string }
  | {
      readonly type: 'signal';
      readonly from: string;
      readonly to: string;
      readonly token: number;
      readonly signal: unknown;
    };

/** Decryptions waiting in line; a flood beyond this is dropped rather than queued without bound. */
const MAX_PENDING_DECRYPTS = 256;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

type Counts = { -readonly [K in keyof SignalingStats]: number };

export class SignalingClient {
  readonly url: string;
  readonly roomName: string;
  /** Set by the provider before connecting or re-announcing; published in every announce. */
  peerId: string;

  private readonly key: Promise<CryptoKey | null>;
  private readonly socket: KeptAliveSocket;
  private readonly counts: Counts = {
    messagesIn: 0,
    messagesOut: 0,
    delivered: 0,
    dropped: 0,
    decryptFailures: 0,
    notForUs: 0,
    reconnects: 0,
    handlerErrors: 0,
  };
  private destroyed = false;
  /** Decrypting and encrypting are asynchronous; these chains keep messages in order. */
  private inbox: Promise<void> = Promise.resolve();
  private outbox: Promise<boolean> = Promise.resolve(true);
  private pendingDecrypts = 0;
  /** Which connection an encrypted message was meant for: one made for the last is not sent on the next. */
  private connection = 0;

  constructor(private readonly options: SignalingClientOptions) {
    this.url = options.url;
    this.roomName = options.roomName;
    this.peerId = options.peerId ?? uuidv4();
    // Handled here, once, so a failed key derivation can never become an unhandled rejection.
    this.key = Promise.resolve(options.key).then(
      (key) => key,
      () => null,
    );
    this.socket = new KeptAliveSocket({
      ...options,
      onOpen: () => this.handleOpen(),
      onFrame: (data) => this.handleFrame(data),
      onLost: () => this.handleLost(),
    });
  }

  get connected(): boolean {
    return this.socket.open;
  }

  get stats(): SignalingStats {
    return { ...this.counts, messagesOut: this.socket.sent, reconnects: this.socket.reconnects };
  }

  /**
   * Encrypts a room message and publishes it. Resolves false, never rejects, when disconnected
   * (as y-webrtc, the provider re-announces on reconnect), destroyed or the message is invalid.
   */
  publish(message: OutgoingSignalMessage): Promise<boolean> {
    const valid = parseSignalMessage(message);
    if (valid === null || !this.socket.open) return Promise.resolve(false);
    const connection = this.connection;
    const sent = this.outbox.then(async () => {
      const key = await this.key;
      if (key === null) return false;
      const envelope = await encryptSignal(valid, key);
      if (connection !== this.connection) return false;
      return this.socket.send({ type: 'publish', topic: this.roomName, data: buffer.toBase64(envelope) });
    });
    this.outbox = sent.catch(() => false);
    return this.outbox;
  }

  /** Tells the room we are here, so that others start a connection to us. */
  announce(): Promise<boolean> {
    return this.publish({ type: 'announce', from: this.peerId });
  }

  /** Leaves the topic, closes the connection and stops every timer; no callbacks after this. Idempotent. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.connection++;
    this.socket.send({ type: 'unsubscribe', topics: [this.roomName] });
    this.socket.destroy();
  }

  private handleOpen(): void {
    this.connection++;
    this.socket.send({ type: 'subscribe', topics: [this.roomName] });
    void this.announce();
    this.callOut(() => this.options.onStatus(true));
  }

  private handleLost(): void {
    this.connection++;
    this.callOut(() => this.options.onStatus(false));
  }

  private handleFrame(data: unknown): void {
    this.counts.messagesIn++;
    const message = parseServerMessage(data);
    if (message === null) {
      this.counts.dropped++;
    } else if (message.type === 'ping') {
      this.socket.send({ type: 'pong' });
    } else if (message.type === 'publish') {
      if (message.topic === this.roomName) this.receivePublished(message.data);
      else this.counts.dropped++;
    }
  }

  private receivePublished(base64: string): void {
    // Checked before decoding: lib0 decodes with atob in browsers (throws) and Buffer in Node (skips junk).
    if (base64.length > MAX_PUBLISH_DATA_CHARS || !BASE64.test(base64)) {
      this.counts.dropped++;
      return;
    }
    if (this.pendingDecrypts >= MAX_PENDING_DECRYPTS) {
      this.counts.dropped++;
      return;
    }
    this.pendingDecrypts++;
    this.inbox = this.inbox.then(() => this.openEnvelope(base64));
  }

  /** Never rejects: the inbox chain must keep going whatever arrives. */
  private async openEnvelope(base64: string): Promise<void> {
    try {
      const key = await this.key;
      const plain = key === null ? null : await decryptSignal(buffer.fromBase64(base64), key);
      if (this.destroyed) return;
      if (plain === null) {
        this.counts.decryptFailures++;
        return;
      }
      const message = parseSignalMessage(plain);
      if (message === null) {
        this.counts.dropped++;
        return;
      }
      // The server echoes our own publishes; like y-webrtc, ignore anything with a `to` that is not us.
      const to = message.type === 'signal' ? message.to : (plain as { to?: unknown }).to;
      if (message.from === this.peerId || (to !== undefined && to !== this.peerId)) {
        this.counts.notForUs++;
        return;
      }
      this.counts.delivered++;
      this.callOut(() => this.options.onMessage(message));
    } catch {
      this.counts.dropped++;
    } finally {
      this.pendingDecrypts--;
    }
  }

  private callOut(callback: () => void): void {
    try {
      callback();
    } catch {
      this.counts.handlerErrors++;
    }
  }
}
