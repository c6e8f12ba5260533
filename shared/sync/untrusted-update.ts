import * as Y from 'yjs';

/**
 * Applying a Yjs update that came from a peer. Yjs decodes and integrates in one step and throws
 * (or, for crafted input, may loop: yjs issue #687) on malformed bytes, so an update from the
 * network is size-capped, checked by a gate, and applied inside try/catch.
 */

export interface UpdateLimits {
  /** Largest update applied. Threat: a peer growing our document (and file) without bound in one message. */
  readonly maxUpdateBytes: number;
  /** Most structs one update may carry. Threat: a small update that expands into millions of items. */
  readonly maxStructs: number;
}

export const DEFAULT_UPDATE_LIMITS: UpdateLimits = {
  maxUpdateBytes: 32 * 1024 * 1024,
  /**
   * A 10,000-card workshop (the largest the app is built for) is 140,000 structs; 600,000 leaves
   * room for four times that and long edit histories. The bound matters because an update that
   * passes the gate is applied on the page's thread: 2,000,000 of the cheapest structs froze the
   * board for 0.66 s (quiet machine) — 600,000 keep such an attack near 0.2 s.
   */
  maxStructs: 600_000,
};

export type GateVerdict = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/**
 * Decides whether an update may be applied. The default runs `Y.decodeUpdate` on this thread; the
 * watchdog plugs in here by returning a promise: it decodes in a Worker it can terminate when a
 * crafted update hangs the decoder, and resolves `{ ok: false }` on timeout.
 */
export type UpdateGate = (update: Uint8Array, limits: UpdateLimits) => GateVerdict | PromiseLike<GateVerdict>;

/** A gate that answers at once (no watchdog). */
export type SyncUpdateGate = (update: Uint8Array, limits: UpdateLimits) => GateVerdict;

/** Decodes the update without applying it and counts its structs. Never throws. */
export const decodeGate: SyncUpdateGate = (update, limits) => {
  try {
    const decoded = Y.decodeUpdate(update);
    if (decoded.structs.length > limits.maxStructs)
      return { ok: false, reason: `update has ${decoded.structs.length} structs` };
    return { ok: true };
  } catch (e) {
    return { ok: false, reason: `undecodable update: ${e instanceof Error ? e.message : String(e)}` };
  }
};

export type ApplyResult =
  | { readonly applied: true }
  | {
      readonly applied: false;
      readonly reason: string;
      readonly offence: 'oversized' | 'malformed' | 'apply-failed';
    };

/** Size cap only; cheap enough to run before anything else touches the bytes. */
export function checkUpdateSize(update: Uint8Array, limits: UpdateLimits): ApplyResult | null {
  if (update.byteLength > limits.maxUpdateBytes) {
    return {
      applied: false,
      reason: `update of ${update.byteLength} bytes over the limit`,
      offence: 'oversized',
    };
  }
  return null;
}

/**
 * Applies an update once the gate has passed it. `origin` must identify the peer (never the local
 * origin) so the undo manager, which tracks only local changes, never reverts a peer's edit.
 * Errors are caught: a throw out of applyUpdate may come from the decoder or from an observer.
 */
export function applyCheckedUpdate(doc: Y.Doc, update: Uint8Array, origin: unknown): ApplyResult {
  try {
    Y.applyUpdate(doc, update, origin);
    return { applied: true };
  } catch (e) {
    return {
      applied: false,
      reason: `applyUpdate threw: ${e instanceof Error ? e.message : String(e)}`,
      offence: 'apply-failed',
    };
  }
}

/**
 * Synchronous form for callers without a watchdog: size cap, decode check, guarded apply.
 * Never throws.
 */
export function applyUntrustedUpdate(
  doc: Y.Doc,
  update: Uint8Array,
  limits: UpdateLimits,
  origin: unknown,
  gate: SyncUpdateGate = decodeGate,
): ApplyResult {
  const tooBig = checkUpdateSize(update, limits);
  if (tooBig) return tooBig;
  const verdict = gate(update, limits);
  if (!verdict.ok) return { applied: false, reason: verdict.reason, offence: 'malformed' };
  return applyCheckedUpdate(doc, update, origin);
}
