import SimplePeer from 'simple-peer/simplepeer.min.js';

/**
 * One WebRTC data channel to one peer, through simple-peer — the library y-webrtc uses, so offers,
 * answers and candidates have exactly the shape a stock y-webrtc client sends and expects.
 * Adds what simple-peer leaves to its caller: a send queue that respects the channel's buffer
 * (Chromium closes a data channel whose buffer passes 16 MiB, and a late joiner's workshop is sent
 * as megabytes of chunks at once), and callbacks that can never throw into simple-peer.
 */

export interface PeerLinkEvents {
  readonly onSignal: (signal: unknown) => void;
  readonly onOpen: () => void;
  readonly onData: (bytes: Uint8Array) => void;
  /** Once, whatever the cause (closed by either side, ICE failure, destroy). */
  readonly onClose: (reason: string) => void;
}

/** Keep the channel's own buffer below this; the rest waits here. */
const CHANNEL_HIGH_WATER = 4 * 1024 * 1024;
/** A peer that does not read what we send for this long in bytes is dropped rather than buffered forever. */
const QUEUE_LIMIT = 64 * 1024 * 1024;
/** Messages held from before 'connect' (at most 64 × 256 KiB); beyond it they are dropped (anti-entropy repairs). */
const EARLY_MESSAGES_MAX = 64;

export class PeerLink {
  private readonly peer: SimplePeer;
  private queue: Uint8Array[] = [];
  private queuedBytes = 0;
  private closed = false;
  private listening: RTCDataChannel | null = null;
  private readonly closeHooks: (() => void)[] = [];
  /**
   * Messages that arrived before simple-peer's 'connect': the other side's channel can open (and
   * it can send its state vector and presence) while ours is still looking up the candidate pair.
   * Delivered right after onOpen; without this they were dropped (no peer in the room yet).
   */
  private early: Uint8Array[] | null = [];

  constructor(
    readonly initiator: boolean,
    config: RTCConfiguration,
    private readonly events: PeerLinkEvents,
  ) {
    this.peer = new SimplePeer({ initiator, config, trickle: true });
    this.peer.on('signal', (signal) => this.safely(() => events.onSignal(signal)));
    this.peer.on('connect', () => {
      this.safely(() => events.onOpen());
      const early = this.early ?? [];
      this.early = null;
      for (const bytes of early) if (!this.closed) this.safely(() => events.onData(bytes));
    });
    this.peer.on('data', (data) => {
      if (this.closed) return;
      // simple-peer hands a Buffer polyfill (a Uint8Array subclass); give the sync layer a plain view.
      const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      if (this.early === null) return this.safely(() => events.onData(bytes));
      if (this.early.length < EARLY_MESSAGES_MAX) this.early.push(bytes);
    });
    this.peer.on('close', () => this.finish('closed'));
    this.peer.on('error', (error) => this.finish(error.code ?? error.message));
  }

  get open(): boolean {
    return !this.closed && this.peer.connected;
  }

  /** A signal from the other side (already validated as a plain object). Bad SDP closes the link. */
  signal(data: unknown): void {
    if (this.closed) return;
    try {
      this.peer.signal(data);
    } catch (error) {
      this.finish(error instanceof Error ? error.message : 'bad signal');
    }
  }

  /** Sends one message in order; queues while the channel's buffer is full. */
  send(bytes: Uint8Array): void {
    if (this.closed) return;
    if (this.queue.length > 0 || this.buffered() + bytes.byteLength > CHANNEL_HIGH_WATER) {
      this.queue.push(bytes);
      this.queuedBytes += bytes.byteLength;
      if (this.queuedBytes > QUEUE_LIMIT) return this.destroy('the other computer stopped reading');
      this.waitForRoom();
      return;
    }
    this.write(bytes);
  }

  /** Runs once the link has closed, whatever closed it. */
  onceClosed(run: () => void): void {
    if (this.closed) run();
    else this.closeHooks.push(run);
  }

  destroy(reason = 'left'): void {
    if (this.closed) return;
    this.peer.destroy();
    this.finish(reason);
  }

  private buffered(): number {
    return this.peer._channel?.bufferedAmount ?? 0;
  }

  private write(bytes: Uint8Array): void {
    try {
      this.peer.send(bytes);
    } catch (error) {
      this.destroy(error instanceof Error ? error.message : 'send failed');
    }
  }

  private waitForRoom(): void {
    const channel = this.peer._channel;
    if (!channel || this.listening === channel) return;
    this.listening = channel;
    channel.addEventListener('bufferedamountlow', () => this.flush());
  }

  private flush(): void {
    while (!this.closed && this.queue.length > 0) {
      const next = this.queue[0]!;
      if (this.buffered() + next.byteLength > CHANNEL_HIGH_WATER && this.buffered() > 0) return;
      this.queue.shift();
      this.queuedBytes -= next.byteLength;
      this.write(next);
    }
  }

  private finish(reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.early = null;
    this.queue = [];
    this.queuedBytes = 0;
    this.safely(() => this.events.onClose(reason));
    for (const run of this.closeHooks.splice(0)) this.safely(run);
  }

  private safely(run: () => void): void {
    try {
      run();
    } catch (error) {
      console.error('[live] peer link handler failed', error);
    }
  }
}
