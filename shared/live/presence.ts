import { z } from 'zod';
import { COORD_LIMIT, ROLE_CATEGORIES, type RoleCategory } from '../model';
import { PRESENCE_COLOURS, type PresenceColour } from './presence-colours';

/**
 * What each peer announces through y-webrtc awareness. Peers are untrusted: a state is used only
 * after `readPresence` has validated it, like document data. Names are shown as text only
 * (never HTML, never a URL), so validation is about what text can do on screen: no control
 * characters, no bidirectional overrides (which can make a name read as something else), bounded
 * length.
 */

export const CONNECTION_STATES = ['connected', 'reconnecting', 'away'] as const;
export type ConnectionState = (typeof CONNECTION_STATES)[number];

export const NAME_MAX = 40;
export const SELECTION_MAX = 200;

export interface WorldPoint {
  readonly x: number;
  readonly y: number;
}

export interface WorldBox {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface PresenceState {
  /** Trimmed, 1–40 characters, shown as text only. */
  readonly name: string;
  readonly colour: PresenceColour;
  /** Counted in the equity-of-voice view; never combined with the name in exports. */
  readonly role: RoleCategory;
  /** Pointer in world coordinates, or null when it is off the board. */
  readonly cursor: WorldPoint | null;
  /** Ids of the selected items (at most 200; a bigger selection is announced as its first 200). */
  readonly selection: readonly string[];
  /** The visible part of the board in world coordinates, for "follow"; null before the first layout. */
  readonly viewport: WorldBox | null;
  readonly connection: ConnectionState;
  /**
   * The peer's signaling id and the ids it has a direct data channel to. The relay rule needs to
   * know who is linked to whom (docs/sync-protocol.md); absent from stock y-webrtc clients, which
   * then count as linked to nobody (costs messages, never loses any). A peer lying here can only
   * delay its neighbours' updates until the next anti-entropy round.
   */
  readonly peer?: string;
  readonly links?: readonly string[];
}

/**
 * Cc: control characters (including newlines and tabs). Zl/Zp: line and paragraph separators.
 * Cs: lone surrogates. U+202A–202E and U+2066–2069: bidi embeddings, overrides and isolates.
 * U+200B, U+FEFF: zero-width spaces (an "empty-looking" name). Joiners (U+200C/D) stay allowed:
 * emoji sequences and several scripts need them.
 */
const UNSAFE_IN_NAME = /[\p{Cc}\p{Zl}\p{Zp}\p{Cs}\u202A-\u202E\u2066-\u2069\u200B\uFEFF]/u;

export const presenceNameSchema = z
  .string()
  .max(NAME_MAX * 4)
  .transform((s) => s.trim())
  .refine(
    (s) => s.length > 0 && [...s].length <= NAME_MAX && !UNSAFE_IN_NAME.test(s),
    'unsafe or empty name',
  );

const coord = z.number().finite().min(-COORD_LIMIT).max(COORD_LIMIT);
const extent = z
  .number()
  .finite()
  .positive()
  .max(2 * COORD_LIMIT);
/** The document's id pattern (shared/schema/validators.ts). */
const itemId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

export const LINKS_MAX = 64;
/** y-webrtc's peer ids are UUIDs; ours too. */
const peerId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[0-9A-Za-z-]+$/);

export const presenceSchema = z.object({
  name: presenceNameSchema,
  colour: z.enum(PRESENCE_COLOURS),
  role: z.enum(ROLE_CATEGORIES),
  cursor: z.object({ x: coord, y: coord }).nullable(),
  selection: z
    .array(itemId)
    .max(SELECTION_MAX)
    .transform((ids) => [...new Set(ids)]),
  viewport: z.object({ x: coord, y: coord, w: extent, h: extent }).nullable(),
  connection: z.enum(CONNECTION_STATES),
  peer: peerId.optional(),
  links: z.array(peerId).max(LINKS_MAX).optional(),
}) satisfies z.ZodType<PresenceState, unknown>;

/**
 * A peer's awareness state → a validated PresenceState, or null (the peer is then listed as
 * "someone" without a cursor). Never throws: the state arrives as JSON from the network, and a
 * getter or proxy must not break rendering either. Unknown fields are dropped (a newer version
 * may add some). The selection length is checked before zod walks it, so a huge array costs nothing.
 */
export function readPresence(raw: unknown): PresenceState | null {
  try {
    if (typeof raw !== 'object' || raw === null) return null;
    const selection = (raw as { selection?: unknown }).selection;
    if (Array.isArray(selection) && selection.length > SELECTION_MAX) return null;
    const links = (raw as { links?: unknown }).links;
    if (Array.isArray(links) && links.length > LINKS_MAX) return null;
    const parsed = presenceSchema.safeParse(raw);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Our own state before it is announced: the selection is cut to what peers accept. */
export function announcePresence(state: PresenceState): PresenceState {
  return { ...state, selection: state.selection.slice(0, SELECTION_MAX) };
}
