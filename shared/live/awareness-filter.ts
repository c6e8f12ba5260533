import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { readPresence } from './presence';

/**
 * Awareness updates (y-protocols awareness.js: varUint count, then per entry varUint clientID,
 * varUint clock, varString JSON state) come from untrusted peers. y-protocols' own
 * applyAwarenessUpdate JSON.parses whatever it gets, stores it, and lets any peer set or delete
 * any client's state, ours included. So an update passes through `filterAwarenessUpdate` first:
 * it is decoded with limits, each state is validated with readPresence and re-encoded from the
 * normalised value only, and entries for clients the sender does not own are dropped. The caller
 * applies the result with `applyAwarenessUpdate(awareness, filtered, origin)`.
 *
 * Ownership rule: a state that names the peer sending it (`peer`, its signaling id) is that
 * peer's own, and the sender owns that clientID until it disconnects; nobody else may set or
 * remove it. A state without that mark (relayed by a hub, or from a stock y-webrtc client, which
 * re-broadcasts everything) is owned by the first connected peer to send it, until the client's
 * own peer speaks for it directly, which takes it over. A peer's `peer` is checked against the
 * connection it arrived on, so nobody can claim to be another peer. Limit: a client whose
 * presence only ever reaches us relayed can be spoken for by whichever relayer came first.
 */

export const AWARENESS_LIMITS = {
  /** Entries in one update. An honest peer sends its own one, or a hub those of one room. */
  maxEntries: 64,
  /** Bytes of one JSON state. A presence with a 200-item selection of typical ids is under 6 KiB. */
  maxStateBytes: 8 * 1024,
  /** Bytes of the whole update, checked before anything is decoded. */
  maxUpdateBytes: 256 * 1024,
} as const;

/** Yjs client ids are random 32-bit numbers. */
const MAX_CLIENT_ID = 0xffff_ffff;

export interface AwarenessFilterContext {
  /** Our own awareness clientID: nobody else may set or remove it. */
  readonly ownClientId: number;
  /** The peer the update came from. */
  readonly peerId: string;
  /** The connected peer that owns a clientID, or undefined when none does. */
  ownerOf(clientId: number): string | undefined;
  /** Whether `owner` speaks for `clientId` as its own state (not a relayed copy). */
  ownsDirectly(owner: string, clientId: number): boolean;
  /**
   * Records that `peerId` speaks for `clientId` (`own`: as its own state, which takes the client
   * over from a relayer); false when it may not (its cap is reached).
   */
  claim(clientId: number, peerId: string, own?: boolean): boolean;
}

export interface AwarenessFilterResult {
  /** What may be applied (same wire format), or null when nothing may. */
  readonly update: Uint8Array | null;
  /** Entries refused; an update refused as a whole (malformed, over a limit) counts as one. */
  readonly rejected: number;
  /** Why the first refusal happened; absent when everything passed. */
  readonly reason?: string;
}

interface Entry {
  readonly clientId: number;
  readonly clock: number;
  /** The normalised state as JSON, or 'null' for "this client has gone". */
  readonly json: string;
}

const refuseAll = (reason: string): AwarenessFilterResult => ({ update: null, rejected: 1, reason });

/** Reads the entries' raw fields within the limits, or says why it cannot. Never throws. */
function decodeEntries(
  update: Uint8Array,
):
  { ok: true; entries: { clientId: number; clock: number; text: string }[] } | { ok: false; reason: string } {
  if (update.byteLength > AWARENESS_LIMITS.maxUpdateBytes)
    return { ok: false, reason: `awareness update of ${update.byteLength} bytes` };
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    if (count > AWARENESS_LIMITS.maxEntries) return { ok: false, reason: `${count} awareness entries` };
    const entries: { clientId: number; clock: number; text: string }[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      // The length is checked on a peek before lib0 decodes the string (as y-protocols would:
      // invalid UTF-8 throws there, and refuses the whole update here).
      const peek = decoding.clone(decoder);
      const length = decoding.readVarUint(peek);
      if (length > AWARENESS_LIMITS.maxStateBytes) return { ok: false, reason: `state of ${length} bytes` };
      // lib0 checks this as well; checked here so that a view on a larger buffer (a wire message)
      // is never read past its end, whatever the lib0 version.
      if (length > peek.arr.length - peek.pos) return { ok: false, reason: 'truncated awareness update' };
      const text = decoding.readVarString(decoder);
      entries.push({ clientId, clock, text });
    }
    return { ok: true, entries };
  } catch (e) {
    return { ok: false, reason: `malformed awareness update: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** JSON of the validated state, 'null' for a departure, or a reason to refuse; with the signaling id the state names. */
function normaliseState(text: string): { json: string; peer?: string } | { reason: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { reason: 'state is not JSON' };
  }
  if (raw === null) return { json: 'null' };
  const presence = readPresence(raw);
  if (presence === null) return { reason: 'invalid presence state' };
  const json = JSON.stringify(presence);
  return presence.peer === undefined ? { json } : { json, peer: presence.peer };
}

function encodeEntries(entries: readonly Entry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.json);
  }
  return encoding.toUint8Array(encoder);
}

/**
 * Keeps the entries of an untrusted awareness update that are well-formed, valid presence and
 * the sender's to give, re-encoded from the validated values. Never throws.
 */
export function filterAwarenessUpdate(
  update: Uint8Array,
  ctx: AwarenessFilterContext,
): AwarenessFilterResult {
  try {
    const decoded = decodeEntries(update);
    if (!decoded.ok) return refuseAll(decoded.reason);
    const kept: Entry[] = [];
    let rejected = 0;
    let reason: string | undefined;
    const refuse = (why: string) => {
      rejected++;
      reason ??= why;
    };
    for (const { clientId, clock, text } of decoded.entries) {
      if (clientId > MAX_CLIENT_ID || !Number.isSafeInteger(clock)) {
        refuse('client id or clock out of range');
        continue;
      }
      // A spoofed "you left" (or a state for us) would make our own client vanish from their view.
      if (clientId === ctx.ownClientId) {
        refuse('an entry for our own client id');
        continue;
      }
      const state = normaliseState(text);
      if ('reason' in state) {
        refuse(state.reason);
        continue;
      }
      // A state naming the peer that sent it is that peer's own: it outranks a relayed copy.
      const own = 'peer' in state && state.peer === ctx.peerId;
      const owner = ctx.ownerOf(clientId);
      if (owner !== undefined && owner !== ctx.peerId && !(own && !ctx.ownsDirectly(owner, clientId))) {
        refuse(`client ${clientId} belongs to another peer`);
        continue;
      }
      // Claimed only once valid, so garbage never uses up the sender's cap.
      if (!ctx.claim(clientId, ctx.peerId, own)) {
        refuse(`too many clients from peer ${ctx.peerId}`);
        continue;
      }
      kept.push({ clientId, clock, json: state.json });
    }
    const result = { update: kept.length > 0 ? encodeEntries(kept) : null, rejected };
    return reason === undefined ? result : { ...result, reason };
  } catch (e) {
    // Only our own callbacks (ownerOf, claim) can get here; still never throw at the network.
    return refuseAll(`awareness filter failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * Who speaks for which awareness clientID: the first connected peer to announce a valid state for
 * it, until that peer disconnects (see the rule and its limits above). A peer may own at most
 * `maxClientsPerPeer` clientIDs (its own, plus those it relays), so one peer cannot fill our
 * participant list with invented people. A hub that relays a whole room needs a larger cap:
 * `setPeerLimit`.
 */
export class AwarenessOwnership {
  private readonly owners = new Map<number, string>();
  private readonly byPeer = new Map<string, Set<number>>();
  private readonly peerLimits = new Map<string, number>();
  /** Clients whose owner speaks for them as their own state (the owner's `peer` names itself). */
  private readonly direct = new Set<number>();

  /** 64: a hub may relay a whole room (as many as fit in one update); one peer still cannot invent a crowd. */
  constructor(readonly maxClientsPerPeer = 64) {}

  ownsDirectly(owner: string, clientId: number): boolean {
    return this.owners.get(clientId) === owner && this.direct.has(clientId);
  }

  ownerOf(clientId: number): string | undefined {
    return this.owners.get(clientId);
  }

  claim(clientId: number, peerId: string, own = false): boolean {
    const owner = this.owners.get(clientId);
    if (owner === peerId) {
      if (own) this.direct.add(clientId);
      return true;
    }
    if (owner !== undefined) {
      // Only a peer's own state takes a client over, and only from a relayer.
      if (!own || this.direct.has(clientId)) return false;
      this.byPeer.get(owner)?.delete(clientId);
      this.owners.delete(clientId);
    }
    const owned = this.byPeer.get(peerId) ?? new Set<number>();
    if (owned.size >= (this.peerLimits.get(peerId) ?? this.maxClientsPerPeer)) return false;
    owned.add(clientId);
    this.byPeer.set(peerId, owned);
    this.owners.set(clientId, peerId);
    if (own) this.direct.add(clientId);
    else this.direct.delete(clientId);
    return true;
  }

  /** The clientIDs a peer speaks for. */
  clientsOf(peerId: string): number[] {
    return [...(this.byPeer.get(peerId) ?? [])];
  }

  /** Raises (or lowers, for later claims) one peer's cap, e.g. for the facilitator hub of a star. */
  setPeerLimit(peerId: string, maxClients: number): void {
    this.peerLimits.set(peerId, maxClients);
  }

  /**
   * On disconnect: frees the peer's clientIDs for whoever speaks for them next, and returns them
   * so the caller can remove their states (y-protocols removeAwarenessStates).
   */
  release(peerId: string): number[] {
    const owned = this.clientsOf(peerId);
    for (const clientId of owned) {
      this.owners.delete(clientId);
      this.direct.delete(clientId);
    }
    this.byPeer.delete(peerId);
    this.peerLimits.delete(peerId);
    return owned;
  }

  /** The filter context for one update from `peerId`. */
  contextFor(peerId: string, ownClientId: number): AwarenessFilterContext {
    return {
      ownClientId,
      peerId,
      ownerOf: (clientId) => this.ownerOf(clientId),
      ownsDirectly: (owner, clientId) => this.ownsDirectly(owner, clientId),
      claim: (clientId, claimant, own) => this.claim(clientId, claimant, own),
    };
  }
}
