import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/**
 * The messages y-webrtc puts on a data channel, encoded exactly as y-webrtc 10 and y-protocols 1
 * encode them, so a stock client reads ours and we read theirs. Only MESSAGE.chunk is ours.
 *
 * Layout (lib0 varUint / varUint8Array):
 *   sync:            varUint 0, varUint syncType (0 step1 | 1 step2 | 2 update), varUint8Array payload
 *   awareness:       varUint 1, varUint8Array awarenessUpdate
 *   queryAwareness:  varUint 3
 *   bcPeerId:        varUint 4 … (BroadcastChannel only; never valid on a data channel)
 *   chunk:           varUint 100, … (see chunking.ts)
 */
export const MESSAGE = {
  sync: 0,
  awareness: 1,
  queryAwareness: 3,
  bcPeerId: 4,
  /**
   * Ours. A stock y-webrtc readMessage falls into its `default:` branch for it: it logs
   * "Unable to compute message" and answers with an EMPTY message, which we must ignore.
   * 100 is far from the numbers y-webrtc (0, 1, 3, 4) and y-websocket (2 = auth) use.
   */
  chunk: 100,
} as const;

export const SYNC = { step1: 0, step2: 1, update: 2 } as const;

export type SyncKind = 'step1' | 'step2' | 'update';

/** A decoded data-channel message. `payload` views the received bytes; copy before keeping it long. */
export type WireMessage =
  | { readonly type: 'sync'; readonly kind: SyncKind; readonly payload: Uint8Array }
  | { readonly type: 'awareness'; readonly payload: Uint8Array }
  | { readonly type: 'queryAwareness' }
  | { readonly type: 'chunk'; readonly body: Uint8Array }
  /** A message type this version does not know: a newer client may send it, so it is not an offence. */
  | { readonly type: 'unknown'; readonly messageType: number }
  /** Zero bytes: what a stock y-webrtc client answers to a message type it does not know. */
  | { readonly type: 'empty' };

export type DecodeResult =
  { readonly ok: true; readonly message: WireMessage } | { readonly ok: false; readonly reason: string };

const SYNC_KIND: Record<number, SyncKind> = {
  [SYNC.step1]: 'step1',
  [SYNC.step2]: 'step2',
  [SYNC.update]: 'update',
};

/**
 * Parses one message. Never throws: lib0's decoders throw on truncated input and a peer may send
 * anything, so every read happens inside one try and a failure becomes a reason string.
 */
export function decodeMessage(bytes: Uint8Array): DecodeResult {
  if (bytes.byteLength === 0) return { ok: true, message: { type: 'empty' } };
  try {
    const decoder = decoding.createDecoder(bytes);
    const messageType = decoding.readVarUint(decoder);
    switch (messageType) {
      case MESSAGE.sync: {
        const kind = SYNC_KIND[decoding.readVarUint(decoder)];
        if (kind === undefined) return { ok: false, reason: 'unknown sync message type' };
        const payload = decoding.readVarUint8Array(decoder);
        return { ok: true, message: { type: 'sync', kind, payload } };
      }
      case MESSAGE.awareness:
        return { ok: true, message: { type: 'awareness', payload: decoding.readVarUint8Array(decoder) } };
      case MESSAGE.queryAwareness:
        return { ok: true, message: { type: 'queryAwareness' } };
      case MESSAGE.chunk:
        return { ok: true, message: { type: 'chunk', body: bytes.subarray(decoder.pos) } };
      default:
        return { ok: true, message: { type: 'unknown', messageType } };
    }
  } catch (e) {
    return { ok: false, reason: `undecodable: ${e instanceof Error ? e.message : String(e)}` };
  }
}

function encodeSync(kind: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.sync);
  encoding.writeVarUint(encoder, kind);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** Sync step 1: "here is my state vector, send me what I lack". What y-webrtc sends on connect. */
export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  return encodeSync(SYNC.step1, Y.encodeStateVector(doc));
}

/** Sync step 2: the diff a peer lacks, given its state vector. Throws on a malformed vector. */
export function encodeSyncStep2(doc: Y.Doc, remoteStateVector: Uint8Array): Uint8Array {
  return encodeSync(SYNC.step2, Y.encodeStateAsUpdate(doc, remoteStateVector));
}

export function encodeSyncUpdate(update: Uint8Array): Uint8Array {
  return encodeSync(SYNC.update, update);
}

export function encodeAwareness(awarenessUpdate: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.awareness);
  encoding.writeVarUint8Array(encoder, awarenessUpdate);
  return encoding.toUint8Array(encoder);
}

export function encodeQueryAwareness(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.queryAwareness);
  return encoding.toUint8Array(encoder);
}
