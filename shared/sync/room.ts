import type * as Y from 'yjs';
import type { Clock } from './clock';
import { SyncPeerProtocol, isPeerOrigin, type SyncLimits, type SyncPeerOptions } from './peer-protocol';
import { relayTargets } from './relay';
import { StrikePolicy } from './strikes';
import type { UpdateGate } from './untrusted-update';

/**
 * All the peers of one document: one SyncPeerProtocol per data channel, the relay rule applied to
 * every update the document emits, and the strike policy. Transport-free: the provider (next
 * step) calls addPeer/receive/removePeer from its channel events and tick() from a timer.
 */

export interface SyncRoomOptions {
  readonly doc: Y.Doc;
  readonly clock: Clock;
  readonly random: () => number;
  readonly limits?: Partial<SyncLimits>;
  readonly gate?: UpdateGate;
  readonly strikes?: StrikePolicy;
  /**
   * Whether two other peers are directly linked, as far as we know (from presence). The relay
   * rule needs it; unknown links are reported as absent, which only costs extra messages.
   */
  readonly linked?: (a: string, b: string) => boolean;
  /** The policy decided to drop a peer; the provider closes its channel. */
  readonly onDropPeer?: (peerId: string, reason: string) => void;
  readonly peerOptions?: Pick<SyncPeerOptions, 'onAwareness' | 'awarenessState'>;
  /** A peer's awareness update (unvalidated), with who sent it: the presence layer checks ownership. */
  readonly onPeerAwareness?: (peerId: string, update: Uint8Array) => void;
  /** The first full state from this peer was applied (a joiner now has the workshop). */
  readonly onPeerSynced?: (peerId: string) => void;
}

export class SyncRoom {
  private readonly peers = new Map<string, SyncPeerProtocol>();
  private readonly strikes: StrikePolicy;
  private linked: (a: string, b: string) => boolean;
  private readonly onDocUpdate: (update: Uint8Array, origin: unknown) => void;

  constructor(private readonly options: SyncRoomOptions) {
    this.strikes = options.strikes ?? new StrikePolicy(options.clock);
    this.linked = options.linked ?? (() => false);
    this.onDocUpdate = (update, origin) => {
      // Yjs emits only what was new to this document, so a relayed update never circulates forever.
      const from = isPeerOrigin(origin) ? origin.peerId : null;
      const view = { neighbours: new Set(this.peers.keys()), linked: this.linked };
      for (const target of relayTargets(view, from)) this.peers.get(target)?.sendUpdate(update);
    };
    options.doc.on('update', this.onDocUpdate);
  }

  setLinked(linked: (a: string, b: string) => boolean): void {
    this.linked = linked;
  }

  /** A data channel opened: starts the handshake (our state vector) and anti-entropy. */
  addPeer(peerId: string, send: (bytes: Uint8Array) => void): SyncPeerProtocol {
    this.removePeer(peerId);
    const peer = new SyncPeerProtocol({
      ...this.options.peerOptions,
      doc: this.options.doc,
      peerId,
      send,
      clock: this.options.clock,
      random: this.options.random,
      limits: this.options.limits,
      gate: this.options.gate,
      ...(this.options.onPeerAwareness
        ? { onAwareness: (update: Uint8Array) => this.options.onPeerAwareness?.(peerId, update) }
        : {}),
      onSynced: () => this.options.onPeerSynced?.(peerId),
      onOffence: (offence, reason) => {
        const verdict = this.strikes.strike(peerId, offence);
        if (verdict.drop) {
          this.removePeer(peerId);
          this.options.onDropPeer?.(peerId, `${verdict.strikes} strikes, last: ${reason}`);
        }
      },
    });
    this.peers.set(peerId, peer);
    peer.start();
    return peer;
  }

  removePeer(peerId: string): void {
    this.peers.get(peerId)?.destroy();
    this.peers.delete(peerId);
  }

  /** Bytes from a peer's channel. Never throws; bytes from a peer not (or no longer) in the room are ignored. */
  receive(peerId: string, bytes: Uint8Array): void {
    this.peers.get(peerId)?.receive(bytes);
  }

  tick(): void {
    for (const peer of [...this.peers.values()]) peer.tick();
  }

  /** One anti-entropy round with every peer now (e.g. after the network comes back). */
  antiEntropyNow(): void {
    for (const peer of [...this.peers.values()]) peer.antiEntropyNow();
  }

  peer(peerId: string): SyncPeerProtocol | undefined {
    return this.peers.get(peerId);
  }

  get peerIds(): string[] {
    return [...this.peers.keys()];
  }

  destroy(): void {
    this.options.doc.off('update', this.onDocUpdate);
    for (const peer of this.peers.values()) peer.destroy();
    this.peers.clear();
  }
}
