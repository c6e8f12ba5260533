import {
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
  type Awareness,
} from 'y-protocols/awareness';
import { AwarenessOwnership, filterAwarenessUpdate } from '../../shared/live';
import { isPeerOrigin, type PeerOrigin } from '../../shared/sync';

/**
 * Presence (y-protocols awareness) over the live provider's data channels: what peers send is
 * filtered (shared/live/awareness-filter.ts: limits, validation, no spoofing of our own or another
 * peer's client id) before it reaches the Awareness object; changes are relayed by the same rule
 * as document updates; our own state carries our signaling id and direct links, which is how
 * every peer learns who is linked to whom (the relay rule needs it).
 */

export interface PresenceRelayOptions {
  readonly awareness: Awareness;
  readonly selfPeerId: string;
  readonly neighbours: () => readonly string[];
  readonly send: (peerId: string, update: Uint8Array) => void;
  readonly relayTargets: (from: string | null) => readonly string[];
}

interface AwarenessChange {
  readonly added: number[];
  readonly updated: number[];
  readonly removed: number[];
}

export class PresenceRelay {
  private readonly ownership = new AwarenessOwnership();
  private readonly origins = new Map<string, PeerOrigin>();
  /** peer id → the peers it says it has direct links to (from presence), rebuilt when presence changes. */
  private links: Map<string, ReadonlySet<string>> | null = null;
  private readonly onUpdate: (change: AwarenessChange, origin: unknown) => void;
  private readonly onChange: () => void;

  constructor(private readonly options: PresenceRelayOptions) {
    const { awareness } = options;
    this.onUpdate = ({ added, updated, removed }, origin) => {
      const changed = [...added, ...updated, ...removed];
      if (changed.length === 0) return;
      const from = isPeerOrigin(origin) ? origin.peerId : null;
      const targets = this.options.relayTargets(from);
      if (targets.length === 0) return;
      const update = encodeAwarenessUpdate(awareness, changed);
      for (const peerId of targets) this.options.send(peerId, update);
    };
    this.onChange = () => {
      this.links = null;
    };
    awareness.on('update', this.onUpdate);
    awareness.on('change', this.onChange);
  }

  /** Whether peer a says it is linked to b, or b to a; we know our own links for certain. */
  linked(a: string, b: string): boolean {
    const { selfPeerId, neighbours } = this.options;
    if (a === selfPeerId) return neighbours().includes(b);
    if (b === selfPeerId) return neighbours().includes(a);
    const links = this.linkMap();
    return (links.get(a)?.has(b) ?? false) || (links.get(b)?.has(a) ?? false);
  }

  /** An awareness update from a peer, unvalidated. */
  receive(peerId: string, update: Uint8Array): void {
    const result = filterAwarenessUpdate(
      update,
      this.ownership.contextFor(peerId, this.options.awareness.clientID),
    );
    if (result.update === null) return;
    try {
      applyAwarenessUpdate(this.options.awareness, result.update, this.originOf(peerId));
    } catch (error) {
      // The filter re-encoded it, so this is our bug, not the peer's; never let it out.
      console.error('[live] presence update could not be applied', error);
    }
  }

  /** Everything we know, for a peer that just connected or asked (y-webrtc's query awareness). */
  fullState(): Uint8Array | null {
    const { awareness } = this.options;
    const ids = [...awareness.getStates().keys()];
    return ids.length === 0 ? null : encodeAwarenessUpdate(awareness, ids);
  }

  peerOpened(peerId: string): void {
    this.announceLinks();
    const state = this.fullState();
    if (state) this.options.send(peerId, state);
  }

  /** The peer's own presence (and what it relayed) is gone with it; it comes back through others within a renewal. */
  peerClosed(peerId: string): void {
    const gone = this.ownership.release(peerId);
    if (gone.length > 0) removeAwarenessStates(this.options.awareness, gone, this.originOf(peerId));
    this.origins.delete(peerId);
    this.announceLinks();
  }

  destroy(): void {
    const { awareness } = this.options;
    awareness.off('update', this.onUpdate);
    awareness.off('change', this.onChange);
  }

  private announceLinks(): void {
    const { awareness, selfPeerId, neighbours } = this.options;
    if (awareness.getLocalState() === null) return;
    awareness.setLocalStateField('peer', selfPeerId);
    awareness.setLocalStateField('links', [...neighbours()].sort().slice(0, 64));
  }

  private originOf(peerId: string): PeerOrigin {
    let origin = this.origins.get(peerId);
    if (!origin) {
      origin = Object.freeze({ kind: 'dreamboard:peer', peerId });
      this.origins.set(peerId, origin);
    }
    return origin;
  }

  private linkMap(): Map<string, ReadonlySet<string>> {
    if (this.links) return this.links;
    const links = new Map<string, ReadonlySet<string>>();
    for (const [clientId, raw] of this.options.awareness.getStates()) {
      if (clientId === this.options.awareness.clientID) continue;
      // Already validated by the filter before it was applied; read the two fields directly.
      const { peer, links: linked } = (raw ?? {}) as { peer?: unknown; links?: unknown };
      if (typeof peer === 'string' && Array.isArray(linked))
        links.set(peer, new Set(linked.filter((id): id is string => typeof id === 'string')));
    }
    this.links = links;
    return links;
  }
}
