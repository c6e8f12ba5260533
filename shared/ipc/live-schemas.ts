/**
 * Payloads of the live-session channels (issue #4, docs/live-sessions.md "Platform"): the
 * "In this room" signaling server that main runs, and dreamboard://join links the operating
 * system hands to the app. contract.ts wires them to channel names.
 */
import { z } from 'zod';
import { isJoinCodeError } from '../live/join-code';
import { MAX_JOIN_LINK, parseJoinLink } from '../live/join-link';

/** Ports below 1024 need administrator rights on most systems; 0 lets the system pick a free one. */
export const MIN_ROOM_PORT = 1024;

export function isRoomPort(port: unknown): port is number {
  return (
    typeof port === 'number' &&
    Number.isInteger(port) &&
    (port === 0 || (port >= MIN_ROOM_PORT && port <= 65535))
  );
}

export const RoomPortSchema = z.custom<number>(isRoomPort, {
  message: 'The port must be 0 or a whole number from 1024 to 65535',
});

export const StartRoomServerRequestSchema = z.object({ port: RoomPortSchema });
export type StartRoomServerRequest = z.infer<typeof StartRoomServerRequestSchema>;

const MAX_HOSTS = 32;
const MAX_MESSAGE_LENGTH = 500;
const DOTTED_QUAD = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/** Same shape as renderer/live/types.ts `RoomServerOutcome`, checked at both ends. */
export const RoomServerOutcomeSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    port: z.number().int().min(1).max(65535),
    hosts: z.array(z.string().regex(DOTTED_QUAD)).min(1).max(MAX_HOSTS),
  }),
  z.object({ ok: z.literal(false), message: z.string().min(1).max(MAX_MESSAGE_LENGTH) }),
]);
export type RoomServerOutcome = z.infer<typeof RoomServerOutcomeSchema>;

/**
 * Whether text from outside (argv, macOS open-url) is worth handing to the renderer as a join
 * link: our scheme and pattern within the length cap, exactly as parseJoinLink reads it. A link
 * whose code has a typo or comes from a newer version is passed on too, so the person is told
 * that instead of nothing happening; anything else is dropped in main.
 */
export function isForwardableJoinLink(text: unknown): text is string {
  if (typeof text !== 'string' || text.length > MAX_JOIN_LINK) return false;
  const parsed = parseJoinLink(text);
  return !isJoinCodeError(parsed) || parsed.problem !== 'not-a-code';
}

/** At most this many links wait for a window; older ones are dropped (a flood of launches). */
export const MAX_WAITING_JOIN_LINKS = 8;

export const JoinLinkSchema = z.custom<string>(isForwardableJoinLink, {
  message: 'Not a Dreamboard join link',
});
export const JoinLinksSchema = z.array(JoinLinkSchema).max(MAX_WAITING_JOIN_LINKS);
