import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Clock } from './clock';
import { MESSAGE } from './messages';

/**
 * Chunking. Chromium refuses a data-channel message over 256 KiB (and stock y-webrtc swallows the
 * error), so a message above `maxWireBytes` is cut into chunks; anything at or below it is sent
 * unchanged, byte for byte what stock y-webrtc sends.
 *
 * Chunk layout (lib0 varUints):
 *   varUint 100 (MESSAGE.chunk) | varUint format (0) | varUint messageId | varUint index
 *   | varUint count | varUint totalBytes | varUint8Array payload
 */

/** The largest message Chromium delivers on a data channel. */
export const DATA_CHANNEL_MAX_BYTES = 256 * 1024;

/** Room left under the hard limit for an envelope a provider may add (AES-GCM adds about 45 bytes). */
export const ENVELOPE_RESERVE_BYTES = 1024;

/** Upper bound of the header (type, format, four varUints up to 2^53, payload length). */
export const CHUNK_HEADER_MAX_BYTES = 48;

const CHUNK_FORMAT = 0;

export interface ChunkLimits {
  /** A message longer than this is chunked; every chunk is at most this long. */
  readonly maxWireBytes: number;
  /** Largest reassembled message accepted. Threat: a peer announcing gigabytes to exhaust memory. */
  readonly maxMessageBytes: number;
  /** Incomplete messages buffered per peer; the oldest is evicted beyond it. Threat: memory held by never-finished messages. */
  readonly maxIncompleteMessages: number;
  /** Chunks buffered per peer across incomplete messages (and so the most chunks one message may have). */
  readonly maxChunksInFlight: number;
  /** An incomplete message with no new chunk for this long is dropped (measured on the injected clock). */
  readonly incompleteTimeoutMs: number;
}

export const DEFAULT_CHUNK_LIMITS: ChunkLimits = {
  maxWireBytes: DATA_CHANNEL_MAX_BYTES - ENVELOPE_RESERVE_BYTES,
  maxMessageBytes: 32 * 1024 * 1024,
  maxIncompleteMessages: 2,
  maxChunksInFlight: 512,
  incompleteTimeoutMs: 30_000,
};

/**
 * Splits `message` into wire messages of at most `maxWireBytes`. A message that fits is returned
 * as is (the same bytes), which keeps ordinary traffic identical to stock y-webrtc.
 */
export function splitMessage(message: Uint8Array, messageId: number, maxWireBytes: number): Uint8Array[] {
  if (message.byteLength <= maxWireBytes) return [message];
  const room = maxWireBytes - CHUNK_HEADER_MAX_BYTES;
  if (room < 1) throw new RangeError(`maxWireBytes ${maxWireBytes} leaves no room for a chunk payload`);
  const count = Math.ceil(message.byteLength / room);
  const out: Uint8Array[] = [];
  for (let index = 0; index < count; index++) {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE.chunk);
    encoding.writeVarUint(encoder, CHUNK_FORMAT);
    encoding.writeVarUint(encoder, messageId);
    encoding.writeVarUint(encoder, index);
    encoding.writeVarUint(encoder, count);
    encoding.writeVarUint(encoder, message.byteLength);
    encoding.writeVarUint8Array(encoder, message.subarray(index * room, (index + 1) * room));
    out.push(encoding.toUint8Array(encoder));
  }
  return out;
}

export interface ChunkHeader {
  readonly messageId: number;
  readonly index: number;
  readonly count: number;
  readonly totalBytes: number;
  readonly payload: Uint8Array;
}

/** Parses a chunk body (the bytes after the message type). Throws on malformed input. */
export function readChunkBody(body: Uint8Array): ChunkHeader {
  const decoder = decoding.createDecoder(body);
  const format = decoding.readVarUint(decoder);
  if (format !== CHUNK_FORMAT) throw new Error(`unknown chunk format ${format}`);
  const messageId = decoding.readVarUint(decoder);
  const index = decoding.readVarUint(decoder);
  const count = decoding.readVarUint(decoder);
  const totalBytes = decoding.readVarUint(decoder);
  const payload = decoding.readVarUint8Array(decoder);
  return { messageId, index, count, totalBytes, payload };
}

export type ChunkResult =
  | { readonly kind: 'partial' }
  | { readonly kind: 'complete'; readonly message: Uint8Array }
  /** A chunk already held, or of a message already delivered: networks duplicate; not an offence. */
  | { readonly kind: 'duplicate' }
  /** A chunk no honest sender produces. The caller counts it as an offence. */
  | { readonly kind: 'rejected'; readonly reason: string };

interface Incomplete {
  readonly count: number;
  readonly totalBytes: number;
  readonly parts: (Uint8Array | undefined)[];
  received: number;
  bytes: number;
  lastActivity: number;
}

/** How many delivered message ids are remembered, so late duplicates do not start a new reassembly. */
const DELIVERED_MEMORY = 256;

/** Reassembles one peer's chunks. Memory is bounded by the limits whatever the peer sends. */
export class Reassembler {
  private readonly incomplete = new Map<number, Incomplete>();
  private readonly delivered = new Set<number>();
  private chunksHeld = 0;
  /** Incomplete messages given up (timeout or eviction); for stats. */
  dropped = 0;

  constructor(
    private readonly limits: ChunkLimits,
    private readonly clock: Clock,
  ) {}

  accept(body: Uint8Array): ChunkResult {
    let h: ChunkHeader;
    try {
      h = readChunkBody(body);
    } catch (e) {
      return { kind: 'rejected', reason: `malformed chunk: ${e instanceof Error ? e.message : String(e)}` };
    }
    const { limits } = this;
    if (h.count < 1 || h.count > limits.maxChunksInFlight)
      return { kind: 'rejected', reason: `chunk count ${h.count} out of range` };
    if (h.index >= h.count) return { kind: 'rejected', reason: 'chunk index beyond count' };
    if (h.totalBytes > limits.maxMessageBytes)
      return { kind: 'rejected', reason: `message of ${h.totalBytes} bytes over the limit` };
    if (h.payload.byteLength === 0 || h.totalBytes < h.count)
      return { kind: 'rejected', reason: 'empty chunk' };
    if (this.delivered.has(h.messageId)) return { kind: 'duplicate' };

    let entry = this.incomplete.get(h.messageId);
    if (entry === undefined) {
      entry = {
        count: h.count,
        totalBytes: h.totalBytes,
        parts: new Array<Uint8Array | undefined>(h.count),
        received: 0,
        bytes: 0,
        lastActivity: 0,
      };
      this.incomplete.set(h.messageId, entry);
    } else if (entry.count !== h.count || entry.totalBytes !== h.totalBytes) {
      return { kind: 'rejected', reason: 'chunk header disagrees with earlier chunks' };
    }
    if (entry.parts[h.index] !== undefined) return { kind: 'duplicate' };
    if (entry.bytes + h.payload.byteLength > entry.totalBytes) {
      this.forget(h.messageId);
      return { kind: 'rejected', reason: 'chunks longer than the announced total' };
    }
    // Copy: the payload views a buffer the transport may reuse.
    entry.parts[h.index] = h.payload.slice();
    entry.received++;
    entry.bytes += h.payload.byteLength;
    entry.lastActivity = this.clock.now();
    this.chunksHeld++;
    this.evictBeyondLimits(h.messageId);

    if (entry.received < entry.count) return { kind: 'partial' };
    this.forget(h.messageId);
    this.remember(h.messageId);
    if (entry.bytes !== entry.totalBytes)
      return { kind: 'rejected', reason: 'chunks shorter than the announced total' };
    const message = new Uint8Array(entry.totalBytes);
    let at = 0;
    for (const part of entry.parts) {
      message.set(part!, at);
      at += part!.byteLength;
    }
    return { kind: 'complete', message };
  }

  /** Drops incomplete messages idle past the timeout; returns how many. Call it from the clock tick. */
  expire(): number {
    const now = this.clock.now();
    let n = 0;
    for (const [id, entry] of [...this.incomplete]) {
      if (now - entry.lastActivity >= this.limits.incompleteTimeoutMs) {
        this.forget(id);
        n++;
      }
    }
    this.dropped += n;
    return n;
  }

  get inFlight(): { readonly messages: number; readonly chunks: number } {
    return { messages: this.incomplete.size, chunks: this.chunksHeld };
  }

  /** Evicts the least recently active other messages until the per-peer limits hold. */
  private evictBeyondLimits(keep: number): void {
    while (
      this.incomplete.size > this.limits.maxIncompleteMessages ||
      this.chunksHeld > this.limits.maxChunksInFlight
    ) {
      let oldest: number | undefined;
      let oldestAt = Infinity;
      for (const [id, entry] of this.incomplete) {
        if (id !== keep && entry.lastActivity < oldestAt) {
          oldest = id;
          oldestAt = entry.lastActivity;
        }
      }
      if (oldest === undefined) return;
      this.forget(oldest);
      this.dropped++;
    }
  }

  private forget(id: number): void {
    const entry = this.incomplete.get(id);
    if (entry === undefined) return;
    this.chunksHeld -= entry.received;
    this.incomplete.delete(id);
  }

  private remember(id: number): void {
    this.delivered.add(id);
    if (this.delivered.size > DELIVERED_MEMORY) {
      const first = this.delivered.values().next();
      if (!first.done) this.delivered.delete(first.value);
    }
  }
}
