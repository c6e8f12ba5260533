/**
 * y-webrtc's signaling protocol, as the stock server (node_modules/y-webrtc/bin/server.js) and
 * client (y-webrtc/src/y-webrtc.js, lib0/websocket.js) speak it. Every message is a JSON object
 * with a `type`:
 *
 *   client → server  {type:'subscribe', topics:[name…]}    join topics (y-webrtc room names)
 *                    {type:'unsubscribe', topics:[name…]}  leave them
 *                    {type:'publish', topic, data…}        send to every subscriber of `topic`
 *                    {type:'ping'}                         keep-alive
 *   server → client  the publish message itself, with `clients` (the topic's subscriber count)
 *                    added — to every subscriber, the sender included, as the stock server does
 *                    {type:'pong'}
 *
 * `data` is opaque to the server: with a room password (always, in Dreamboard) it is base64 of
 * AES-GCM ciphertext. The server never looks inside it or logs it.
 */
import type { SignalingLimits } from './limits';

/** Why a message was not acted upon; counted in stats, never logged with its contents. */
export type IgnoredReason = 'not-json' | 'not-an-object' | 'unknown-type' | 'bad-topics' | 'bad-topic';

export type ClientMessage =
  | {
      readonly kind: 'subscribe' | 'unsubscribe';
      /** Valid topic names, deduplicated, in order. */
      readonly topics: readonly string[];
      /** Entries that were not strings or were too long: skipped. */
      readonly rejected: number;
    }
  | {
      readonly kind: 'publish';
      readonly topic: string;
      /** The whole parsed message; forwarded as is with `clients` added, like the stock server. */
      readonly message: Record<string, unknown>;
    }
  | { readonly kind: 'ping' }
  | { readonly kind: 'ignored'; readonly reason: IgnoredReason };

type TopicLimits = Pick<SignalingLimits, 'maxTopicLength'>;

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Parses one WebSocket message. Never throws: anything that is not a well-formed protocol
 * message comes back as `ignored` with a reason. Binary frames are decoded as UTF-8 JSON,
 * because the stock server accepts them too (ws hands it a Buffer either way).
 */
export function parseClientMessage(raw: string | Uint8Array, limits: TopicLimits): ClientMessage {
  let value: unknown;
  try {
    value = JSON.parse(typeof raw === 'string' ? raw : decoder.decode(raw));
  } catch {
    return { kind: 'ignored', reason: 'not-json' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { kind: 'ignored', reason: 'not-an-object' };
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'subscribe':
    case 'unsubscribe':
      return parseTopicList(message.type, message.topics, limits);
    case 'publish':
      // The stock server skips a publish without a truthy topic; a non-string topic could never
      // match a subscription, so it is skipped here too.
      if (!isTopicName(message.topic, limits)) return { kind: 'ignored', reason: 'bad-topic' };
      return { kind: 'publish', topic: message.topic, message };
    case 'ping':
      return { kind: 'ping' };
    default:
      return { kind: 'ignored', reason: 'unknown-type' };
  }
}

function parseTopicList(
  kind: 'subscribe' | 'unsubscribe',
  topics: unknown,
  limits: TopicLimits,
): ClientMessage {
  // Stock: `(message.topics || []).forEach(...)`, so a missing list is an empty one.
  if (topics === undefined || topics === null) return { kind, topics: [], rejected: 0 };
  // Stock would throw on a non-array here (and crash the process); we skip the message.
  if (!Array.isArray(topics)) return { kind: 'ignored', reason: 'bad-topics' };
  const names = new Set<string>();
  let rejected = 0;
  for (const topic of topics as unknown[]) {
    if (isTopicName(topic, limits)) names.add(topic);
    else rejected += 1;
  }
  return { kind, topics: [...names], rejected };
}

function isTopicName(topic: unknown, limits: TopicLimits): topic is string {
  return typeof topic === 'string' && topic.length > 0 && topic.length <= limits.maxTopicLength;
}
