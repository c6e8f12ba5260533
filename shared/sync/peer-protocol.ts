import type * as Y from 'yjs';
import {
  CHUNK_HEADER_MAX_BYTES,
  DEFAULT_CHUNK_LIMITS,
  Reassembler,
  splitMessage,
  type ChunkLimits,
} from './chunking';
import type { Clock } from './clock';
import {
  decodeMessage,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncUpdate,
  type SyncKind,
  type WireMessage,
} from './messages';
import type { Offence } from './strikes';
import {
  DEFAULT_UPDATE_LIMITS,
  applyCheckedUpdate,
  checkUpdateSize,
  decodeGate,
  type GateVerdict,
  type UpdateGate,
  type UpdateLimits,
} from './untrusted-update';

/**
 * The sync protocol with ONE remote peer, independent of the transport: bytes in through
 * `receive`, bytes out through `send`. It speaks y-webrtc's data-channel protocol (so a stock
 * client interoperates), adds chunking for large messages and periodic anti-entropy, and treats
 * everything the peer sends as hostile: nothing it sends makes `receive` throw.
 */

/** The transaction origin of every change applied from a peer. Never the local origin: undo tracks only that. */
export interface PeerOrigin {
  readonly kind: 'dreamboard:peer';
  readonly peerId: string;
}

export function isPeerOrigin(origin: unknown): origin is PeerOrigin {
  return (
    typeof origin === 'object' && origin !== null && (origin as { kind?: unknown }).kind === 'dreamboard:peer'
  );
}

export interface AntiEntropyTiming {
  /** Mean time between two state-vector exchanges with one peer. */
  readonly antiEntropyIntervalMs: number;
  /** Spread as a fraction of the interval (0.5: anywhere from 0.5× to 1.5×), so peers do not exchange in lockstep. */
  readonly antiEntropyJitter: number;
}

export interface AnswerLimits {
  /**
   * State vectors answered per peer per minute. Threat: amplification — a 3-byte step 1 makes us
   * encode and send the whole document (megabytes). Honest peers send one on connect and one per
   * anti-entropy round (at most 8 a minute with the defaults).
   */
  readonly maxStateVectorAnswersPerMinute: number;
}

export type SyncLimits = ChunkLimits & UpdateLimits & AntiEntropyTiming & AnswerLimits;

export const DEFAULT_SYNC_LIMITS: SyncLimits = {
  ...DEFAULT_CHUNK_LIMITS,
  ...DEFAULT_UPDATE_LIMITS,
  antiEntropyIntervalMs: 15_000,
  antiEntropyJitter: 0.5,
  maxStateVectorAnswersPerMinute: 20,
};

export interface SyncPeerOptions {
  readonly doc: Y.Doc;
  readonly peerId: string;
  /** Puts one message on the channel. May throw (a closing channel); the error is counted, not raised. */
  readonly send: (bytes: Uint8Array) => void;
  readonly clock: Clock;
  /** Uniform [0, 1) for jitter; seeded in tests. */
  readonly random: () => number;
  readonly limits?: Partial<SyncLimits>;
  /** Where the watchdog plugs in; the default decodes on this thread. */
  readonly gate?: UpdateGate;
  readonly onOffence?: (offence: Offence, reason: string) => void;
  /** A peer's awareness update, still unvalidated (the presence layer validates it). */
  readonly onAwareness?: (update: Uint8Array) => void;
  /** Our awareness state for a peer that asks (messageQueryAwareness), or null for none. */
  readonly awarenessState?: () => Uint8Array | null;
  readonly onSynced?: () => void;
}

export interface SyncPeerStats {
  messagesIn: number;
  bytesIn: number;
  messagesOut: number;
  bytesOut: number;
  /** Largest single message handed to `send`. Never above maxWireBytes. */
  largestOut: number;
  chunkedOut: number;
  chunksOut: number;
  chunkedIn: number;
  updatesApplied: number;
  updatesRejected: number;
  offences: number;
  ignored: number;
  sendErrors: number;
  antiEntropyRounds: number;
  reassemblyDropped: number;
}

function isThenable<T>(v: T | PromiseLike<T>): v is PromiseLike<T> {
  return typeof (v as { then?: unknown } | null)?.then === 'function';
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class SyncPeerProtocol {
  readonly origin: PeerOrigin;
  readonly limits: SyncLimits;
  private readonly reassembler: Reassembler;
  private readonly gate: UpdateGate;
  private readonly statsData: SyncPeerStats = {
    messagesIn: 0,
    bytesIn: 0,
    messagesOut: 0,
    bytesOut: 0,
    largestOut: 0,
    chunkedOut: 0,
    chunksOut: 0,
    chunkedIn: 0,
    updatesApplied: 0,
    updatesRejected: 0,
    offences: 0,
    ignored: 0,
    sendErrors: 0,
    antiEntropyRounds: 0,
    reassemblyDropped: 0,
  };
  /** Starts at a random value so that a receiver still holding ids from an earlier connection takes none as a duplicate. */
  private nextMessageId: number;
  private nextAntiEntropyAt = Infinity;
  /** Gate verdicts still pending (an async watchdog); later updates wait behind them to keep order. */
  private gateQueue: Promise<void> = Promise.resolve();
  private gatesPending = 0;
  private destroyed = false;
  private readonly answeredAt: number[] = [];
  /** True once the peer answered our state vector (sync step 2), as in y-webrtc. */
  synced = false;

  constructor(private readonly options: SyncPeerOptions) {
    this.limits = { ...DEFAULT_SYNC_LIMITS, ...options.limits };
    // A configuration error, found at construction rather than as a throw in the middle of a send.
    if (!(this.limits.maxWireBytes > CHUNK_HEADER_MAX_BYTES)) {
      throw new RangeError(`maxWireBytes must exceed the ${CHUNK_HEADER_MAX_BYTES}-byte chunk header`);
    }
    this.origin = Object.freeze({ kind: 'dreamboard:peer', peerId: options.peerId });
    this.reassembler = new Reassembler(this.limits, options.clock);
    this.gate = options.gate ?? decodeGate;
    this.nextMessageId = Math.floor(options.random() * 2 ** 31);
  }

  get peerId(): string {
    return this.options.peerId;
  }

  get stats(): Readonly<SyncPeerStats> {
    return { ...this.statsData, reassemblyDropped: this.reassembler.dropped };
  }

  /** On connect: send our state vector, as y-webrtc does, and start the anti-entropy timer. */
  start(): void {
    this.sendStateVector();
    this.scheduleAntiEntropy();
  }

  /** Handles one message from the peer. Never throws. */
  receive(bytes: Uint8Array): void {
    if (this.destroyed) return;
    this.statsData.messagesIn++;
    this.statsData.bytesIn += bytes.byteLength;
    try {
      this.handle(bytes, false);
    } catch (e) {
      // Only our own callbacks can get here (every peer-controlled read is guarded); still never throw.
      this.offend('malformed', `handler threw: ${errorText(e)}`);
    }
  }

  /** Sends a document update (relayed or local). */
  sendUpdate(update: Uint8Array): void {
    this.sendMessage(encodeSyncUpdate(update));
  }

  sendAwareness(awarenessUpdate: Uint8Array): void {
    this.sendMessage(encodeAwareness(awarenessUpdate));
  }

  /** Drive from the clock: expires half-received messages and runs anti-entropy when due. */
  tick(): void {
    if (this.destroyed) return;
    this.reassembler.expire();
    if (this.options.clock.now() >= this.nextAntiEntropyAt) this.antiEntropyNow();
  }

  /** One anti-entropy round now: our state vector; the peer answers with whatever we lack. */
  antiEntropyNow(): void {
    this.statsData.antiEntropyRounds++;
    this.sendStateVector();
    this.scheduleAntiEntropy();
  }

  destroy(): void {
    this.destroyed = true;
  }

  private scheduleAntiEntropy(): void {
    const { antiEntropyIntervalMs: mean, antiEntropyJitter: jitter } = this.limits;
    const factor = 1 - jitter + 2 * jitter * this.options.random();
    this.nextAntiEntropyAt = this.options.clock.now() + mean * factor;
  }

  private sendStateVector(): void {
    this.sendMessage(encodeSyncStep1(this.options.doc));
  }

  private sendMessage(message: Uint8Array): void {
    if (this.destroyed) return;
    const parts = splitMessage(message, this.nextMessageId, this.limits.maxWireBytes);
    if (parts.length > 1) {
      this.nextMessageId++;
      this.statsData.chunkedOut++;
      this.statsData.chunksOut += parts.length;
    }
    for (const part of parts) {
      this.statsData.messagesOut++;
      this.statsData.bytesOut += part.byteLength;
      this.statsData.largestOut = Math.max(this.statsData.largestOut, part.byteLength);
      try {
        this.options.send(part);
      } catch {
        // A channel closing under us; anti-entropy repairs whatever did not go out.
        this.statsData.sendErrors++;
      }
    }
  }

  private handle(bytes: Uint8Array, reassembled: boolean): void {
    const decoded = decodeMessage(bytes);
    if (!decoded.ok) return this.offend('malformed', decoded.reason);
    this.dispatch(decoded.message, reassembled);
  }

  private dispatch(message: WireMessage, reassembled: boolean): void {
    switch (message.type) {
      case 'empty':
      case 'unknown':
        // A stock client answers our chunk type with an empty message; a newer client may send new types.
        this.statsData.ignored++;
        return;
      case 'chunk': {
        if (reassembled) return this.offend('protocol-violation', 'a chunk inside a chunked message');
        const result = this.reassembler.accept(message.body);
        if (result.kind === 'rejected') return this.offend('chunk-violation', result.reason);
        if (result.kind === 'complete') {
          this.statsData.chunkedIn++;
          this.handle(result.message, true);
        }
        return;
      }
      case 'sync':
        if (message.kind === 'step1') return this.answerStateVector(message.payload);
        return this.receiveUpdate(message.payload, message.kind);
      case 'awareness':
        this.options.onAwareness?.(message.payload);
        return;
      case 'queryAwareness': {
        const state = this.options.awarenessState?.() ?? null;
        if (state !== null) this.sendAwareness(state);
        return;
      }
    }
  }

  private answerStateVector(stateVector: Uint8Array): void {
    const now = this.options.clock.now();
    while (this.answeredAt.length > 0 && now - this.answeredAt[0]! >= 60_000) this.answeredAt.shift();
    if (this.answeredAt.length >= this.limits.maxStateVectorAnswersPerMinute) {
      return this.offend('protocol-violation', 'state vectors sent too often');
    }
    this.answeredAt.push(now);
    let reply: Uint8Array;
    try {
      reply = encodeSyncStep2(this.options.doc, stateVector);
    } catch (e) {
      return this.offend('malformed', `bad state vector: ${errorText(e)}`);
    }
    this.sendMessage(reply);
  }

  private receiveUpdate(update: Uint8Array, kind: Exclude<SyncKind, 'step1'>): void {
    const tooBig = checkUpdateSize(update, this.limits);
    if (tooBig && !tooBig.applied) {
      this.statsData.updatesRejected++;
      return this.offend('oversized', tooBig.reason);
    }
    let verdict: GateVerdict | PromiseLike<GateVerdict>;
    try {
      verdict = this.gate(update, this.limits);
    } catch (e) {
      verdict = { ok: false, reason: `gate threw: ${errorText(e)}` };
    }
    if (this.gatesPending === 0 && !isThenable(verdict)) return this.finishUpdate(update, kind, verdict);
    // An async gate (the watchdog): keep updates in arrival order behind it. Copy: the bytes view a reusable buffer.
    const held = update.slice();
    this.gatesPending++;
    this.gateQueue = this.gateQueue
      .then(() => verdict)
      .then(
        (v) => this.finishUpdate(held, kind, v),
        (e: unknown) => this.finishUpdate(held, kind, { ok: false, reason: `gate failed: ${errorText(e)}` }),
      )
      .finally(() => {
        this.gatesPending--;
      });
  }

  private finishUpdate(update: Uint8Array, kind: Exclude<SyncKind, 'step1'>, verdict: GateVerdict): void {
    if (this.destroyed) return;
    if (!verdict.ok) {
      this.statsData.updatesRejected++;
      return this.offend('update-rejected', verdict.reason);
    }
    const result = applyCheckedUpdate(this.options.doc, update, this.origin);
    if (!result.applied) {
      this.statsData.updatesRejected++;
      return this.offend('update-rejected', result.reason);
    }
    this.statsData.updatesApplied++;
    if (kind === 'step2' && !this.synced) {
      this.synced = true;
      this.options.onSynced?.();
    }
  }

  private offend(offence: Offence, reason: string): void {
    this.statsData.offences++;
    try {
      this.options.onOffence?.(offence, reason);
    } catch {
      // A policy callback failing must not turn a peer's bad message into our crash.
    }
  }
}
