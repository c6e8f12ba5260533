/**
 * Limits of the signaling server. Everyone who can reach the port is untrusted (peers in the
 * room, and strangers on the LAN or the internet), so every resource a connection can make the
 * server hold or do is bounded here. Defaults and tuning advice: docs/signaling.md.
 */
export interface SignalingLimits {
  /**
   * Largest WebSocket message in bytes; larger ones close the connection with 1009. y-webrtc's
   * signaling messages (encrypted SDP offers/answers and ICE candidates) are a few KiB at most.
   */
  readonly maxPayloadBytes: number;
  /** Open connections at once; further upgrades are refused with HTTP 503 before the handshake. */
  readonly maxConnections: number;
  /** Topics (rooms) one connection may subscribe to; more closes it with 1008. */
  readonly maxTopicsPerConnection: number;
  /** Longest topic name in UTF-16 code units; longer names are ignored (and counted). */
  readonly maxTopicLength: number;
  /** Token bucket per connection: messages it may send in a burst… */
  readonly rateBurst: number;
  /** …and messages per second the bucket refills with. Over the limit, messages are dropped. */
  readonly ratePerSecond: number;
  /** A connection that has this many messages dropped within `floodWindowMs` is closed with 1008. */
  readonly floodDrops: number;
  readonly floodWindowMs: number;
  /** Every interval each connection is pinged; one that has not answered the previous ping is cut. */
  readonly heartbeatIntervalMs: number;
  /**
   * Bytes queued to one receiver that it has not read yet. A receiver past this is cut, so a
   * peer that stops reading cannot make the server buffer everything published to its rooms.
   */
  readonly maxBufferedBytes: number;
}

export const DEFAULT_LIMITS: SignalingLimits = {
  maxPayloadBytes: 64 * 1024,
  maxConnections: 500,
  maxTopicsPerConnection: 64,
  maxTopicLength: 256,
  // A peer joining a room of 30 exchanges an offer or answer and a handful of ICE candidates
  // with each of them within a second or two: a few hundred messages. The burst covers that.
  rateBurst: 400,
  ratePerSecond: 100,
  floodDrops: 200,
  floodWindowMs: 10_000,
  // The stock y-webrtc server pings every 30 s; clients reconnect after 30 s of silence anyway.
  heartbeatIntervalMs: 30_000,
  maxBufferedBytes: 1024 * 1024,
};

/**
 * Fills in defaults and checks each limit is a positive whole number (a zero or NaN limit would
 * silently turn a protection off). Throws a RangeError that names the limit.
 */
export function resolveLimits(overrides: Partial<SignalingLimits> = {}): SignalingLimits {
  const limits: SignalingLimits = { ...DEFAULT_LIMITS, ...overrides };
  for (const [name, value] of Object.entries(limits)) {
    if (!(name in DEFAULT_LIMITS)) throw new RangeError(`Unknown signaling limit "${name}".`);
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1)
      throw new RangeError(
        `Signaling limit "${name}" must be a whole number of at least 1 (got ${String(value)}).`,
      );
  }
  return limits;
}
