import { z } from 'zod';

/**
 * The messages y-webrtc 10 clients publish (encrypted) into a room's signaling topic, and the
 * frames signaling servers send, validated as untrusted input. Anyone who can reach the server
 * can write into the topic; only holders of the room password can produce messages that decrypt,
 * and even they are checked here before the provider sees anything.
 */

/** y-webrtc's peer ids are uuidv4 strings; 64 leaves room for other clients without inviting abuse. */
const peerIdSchema = z.string().min(1).max(64);

/** Bound on one simple-peer signal, JSON-encoded; an SDP offer is a few KiB. */
export const MAX_SIGNAL_BYTES = 64 * 1024;
/** Deeper than any signal simple-peer emits (three levels) with a wide margin. */
const MAX_SIGNAL_DEPTH = 16;

/**
 * What simple-peer 9 emits from 'signal' (index.js: offer/answer with sdp, trickled candidates,
 * renegotiate and transceiverRequest from a non-initiator) and acts on in peer.signal(), which
 * keys off `sdp`, `candidate`, `renegotiate` and `transceiverRequest`. `type` is optional on the
 * last three because older simple-peer sent them without it. Other keys pass through untouched.
 */
const iceCandidateSchema = z.looseObject({
  candidate: z.string(),
  sdpMLineIndex: z.number().int().min(0).max(65_535).nullish(),
  sdpMid: z.string().nullish(),
});

const simplePeerSignalSchema = z.union([
  z.looseObject({ type: z.enum(['offer', 'answer']), sdp: z.string() }),
  z.looseObject({ type: z.literal('candidate').optional(), candidate: iceCandidateSchema }),
  z.looseObject({ type: z.literal('renegotiate').optional(), renegotiate: z.literal(true) }),
  z.looseObject({
    type: z.literal('transceiverRequest').optional(),
    transceiverRequest: z.looseObject({ kind: z.string().max(64), init: z.looseObject({}).optional() }),
  }),
]);

export type SimplePeerSignal = z.infer<typeof simplePeerSignalSchema>;

const signalMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('announce'), from: peerIdSchema }),
  z.object({
    type: z.literal('signal'),
    from: peerIdSchema,
    to: peerIdSchema,
    // y-webrtc's glare token: Date.now() + Math.random().
    token: z.number(),
    signal: simplePeerSignalSchema,
  }),
]);

export type SignalMessage =
  | { readonly type: 'announce'; readonly from: string }
  | {
      readonly type: 'signal';
      readonly from: string;
      readonly to: string;
      readonly token: number;
      readonly signal: SimplePeerSignal;
    };

/**
 * A decrypted room message as the provider may use it, or null. The value comes from lib0
 * readAny, which can also produce bigints, byte arrays, undefined, NaN and objects whose
 * `__proto__` key replaced their prototype; only plain JSON data of bounded size is accepted.
 */
export function parseSignalMessage(value: unknown): SignalMessage | null {
  if (!isPlainJsonData(value, 0)) return null;
  const parsed = signalMessageSchema.safeParse(value);
  if (!parsed.success) return null;
  const message = parsed.data;
  if (message.type === 'signal' && utf8Length(JSON.stringify(message.signal)) > MAX_SIGNAL_BYTES) return null;
  return message;
}

/** Strings, finite numbers, booleans, null, arrays and plain objects; undefined only as an object value. */
function isPlainJsonData(value: unknown, depth: number): boolean {
  if (depth > MAX_SIGNAL_DEPTH) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((item) => isPlainJsonData(item, depth + 1));
  if (typeof value !== 'object') return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  return Object.values(value).every((item) => item === undefined || isPlainJsonData(item, depth + 1));
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** Frames from the signaling server (y-webrtc bin/server.js and electron/signaling). */
export type ServerMessage =
  | { readonly type: 'ping' }
  | { readonly type: 'pong' }
  | { readonly type: 'publish'; readonly topic: string; readonly data: string };

/** Base64 of at most a 48 KiB envelope: signaling messages are a few KiB. */
export const MAX_PUBLISH_DATA_CHARS = 64 * 1024;
/** A frame bigger than this cannot hold a valid publish; skip parsing it at all. */
const MAX_FRAME_CHARS = MAX_PUBLISH_DATA_CHARS + 4096;

const serverMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ping') }),
  z.object({ type: z.literal('pong') }),
  // Unencrypted publishes (data an object) are what y-webrtc sends without a password; a
  // Dreamboard room always has one, so those are dropped with everything else.
  z.object({
    type: z.literal('publish'),
    topic: z.string(),
    data: z.string().min(1).max(MAX_PUBLISH_DATA_CHARS),
  }),
]);

/** One WebSocket frame's data as received, or null for anything not worth looking at. */
export function parseServerMessage(data: unknown): ServerMessage | null {
  if (typeof data !== 'string' || data.length > MAX_FRAME_CHARS) return null;
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return null;
  }
  const parsed = serverMessageSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
