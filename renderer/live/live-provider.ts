import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { SyncRoom, relayTargets, type UpdateGate } from '../../shared/sync';
import { PeerLink } from './peer-link';
import { deriveRoomKey } from './signaling-crypto';
import { SignalingClient, type SignalMessage, type SimplePeerSignal } from './signaling-client';
import { PresenceRelay } from './presence-relay';

/**
 * Our y-webrtc: signaling through one or more servers (y-webrtc's protocol, encrypted with the
 * room password), a simple-peer data channel per peer, and shared/sync's SyncRoom speaking the
 * sync protocol on those channels (chunking, relay rule, anti-entropy, untrusted updates).
 * Offers, answers, glare handling and the announce rule follow y-webrtc 10's SignalingConn so a
 * stock client in the same room connects to us and we to it.
 */

export interface LiveProviderOptions {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  readonly roomName: string;
  readonly password: string;
  readonly signalingUrls: readonly string[];
  readonly rtcConfig: RTCConfiguration;
  readonly gate?: UpdateGate;
  /** Direct connections kept at most; beyond it peers reach us through others (the relay rule). */
  readonly maxConns?: number;
  /** Anything in `snapshot()` changed. */
  readonly onChange: () => void;
  /** A peer was dropped for what it sent. */
  readonly onDropPeer?: (reason: string) => void;
}

export interface ProviderSnapshot {
  readonly signalingConnected: number;
  readonly signalingTotal: number;
  /** Failed or lost signaling connections so far (each one retried with back-off). */
  readonly signalingFailures: number;
  /** Peers with an open data channel. */
  readonly peers: readonly string[];
  /** Peers we are talking to at all (offers exchanged, channel maybe not open yet). */
  readonly contacted: number;
  /** Peers whose full state we applied at least once. */
  readonly syncedPeers: number;
  /** The first full state from any peer arrived (a joiner has the workshop). */
  readonly synced: boolean;
}

interface Connection {
  readonly link: PeerLink;
  readonly via: SignalingClient;
  /** y-webrtc's glare token: the offer with the higher token wins when both sides offer at once. */
  glareToken: number | undefined;
  open: boolean;
}

const TICK_MS = 1000;
/** Connections still negotiating at once; a real room rarely has more than a few joining together. */
const MAX_UNOPENED = 8;
/** ICE through a relay takes seconds; a connection not open after this is given up (the peer may announce again). */
const OPEN_TIMEOUT_MS = 30_000;

/** User Timing marks (DevTools' performance panel, the benchmark) for the steps of a join. */
export function mark(step: string): void {
  try {
    performance.mark(`dreamboard:live:${step}`);
  } catch {
    // Marks are diagnostics only.
  }
}

export class LiveProvider {
  readonly peerId = crypto.randomUUID();
  private readonly connections = new Map<string, Connection>();
  private readonly signaling: SignalingClient[];
  private readonly room: SyncRoom;
  private readonly presence: PresenceRelay;
  private readonly syncedPeers = new Set<string>();
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly maxConns: number;
  private destroyed = false;
  private synced = false;

  constructor(private readonly options: LiveProviderOptions) {
    // y-webrtc's default: 20–34, random so that a big room does not split into identical cliques.
    this.maxConns = options.maxConns ?? 20 + Math.floor(Math.random() * 15);
    this.room = new SyncRoom({
      doc: options.doc,
      clock: { now: () => performance.now() },
      random: Math.random,
      gate: options.gate,
      linked: (a, b) => this.presence.linked(a, b),
      onDropPeer: (peerId, reason) => {
        console.warn(`[live] dropped peer ${peerId}: ${reason}`);
        this.connections.get(peerId)?.link.destroy('dropped');
        options.onDropPeer?.(reason);
      },
      onPeerAwareness: (peerId, update) => this.presence.receive(peerId, update),
      onPeerSynced: (peerId) => {
        if (!this.synced) mark('first-state-applied');
        this.syncedPeers.add(peerId);
        this.synced = true;
        options.onChange();
      },
      peerOptions: { awarenessState: () => this.presence.fullState() },
    });
    this.presence = new PresenceRelay({
      awareness: options.awareness,
      selfPeerId: this.peerId,
      neighbours: () => this.openPeers(),
      send: (peerId, update) => this.room.peer(peerId)?.sendAwareness(update),
      relayTargets: (from) =>
        relayTargets(
          { neighbours: new Set(this.openPeers()), linked: (a, b) => this.presence.linked(a, b) },
          from,
        ),
    });
    const key = deriveRoomKey(options.password, options.roomName);
    this.signaling = options.signalingUrls.map((url) => {
      // Each client connects at once and subscribes and announces by itself on every (re)connect.
      const client: SignalingClient = new SignalingClient({
        url,
        roomName: options.roomName,
        key,
        peerId: this.peerId,
        onMessage: (message) => this.onSignal(client, message),
        onStatus: (connected) => {
          if (connected && this.signaling.every((c) => c === client || !c.connected))
            mark('signaling-connected');
          options.onChange();
        },
      });
      return client;
    });
    this.timer = setInterval(() => this.room.tick(), TICK_MS);
  }

  snapshot(): ProviderSnapshot {
    return {
      signalingConnected: this.signaling.filter((c) => c.connected).length,
      signalingTotal: this.signaling.length,
      signalingFailures: this.signaling.reduce((n, c) => n + c.stats.reconnects, 0),
      peers: this.openPeers(),
      contacted: this.connections.size,
      syncedPeers: this.syncedPeers.size,
      synced: this.synced,
    };
  }

  /** Stats of every open peer, for the benchmark and diagnostics. */
  peerStats() {
    return this.openPeers().map((id) => ({ id, ...this.room.peer(id)?.stats }));
  }

  /** One anti-entropy round with every peer now (the network came back). */
  resync(): void {
    this.room.antiEntropyNow();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    clearInterval(this.timer);
    this.presence.destroy();
    for (const c of this.signaling) c.destroy();
    for (const conn of this.connections.values()) conn.link.destroy();
    this.connections.clear();
    this.room.destroy();
  }

  private openPeers(): string[] {
    return [...this.connections].filter(([, c]) => c.open).map(([id]) => id);
  }

  private onSignal(via: SignalingClient, message: SignalMessage): void {
    if (this.destroyed || message.from === this.peerId) return;
    if (message.type === 'announce') {
      if (!this.connections.has(message.from) && this.makeRoomForOne()) this.connect(via, message.from, true);
      return;
    }
    if (message.to !== this.peerId) return;
    const signal = message.signal as { type?: unknown };
    const existing = this.connections.get(message.from);
    if (signal.type === 'offer' && existing) {
      // Both sides offered at once: the higher token wins, as in y-webrtc.
      if (existing.glareToken !== undefined && existing.glareToken > message.token) return;
      existing.glareToken = undefined;
    }
    if (signal.type === 'answer' && existing) existing.glareToken = undefined;
    if (!existing && !this.makeRoomForOne()) return;
    const conn = existing ?? this.connect(via, message.from, false);
    conn.link.signal(message.signal);
  }

  /**
   * Whether one more connection fits, after closing the oldest still-negotiating one if eight are
   * (unopened connections are capped on their own, and time out): someone with the code could otherwise announce from made-up peer ids
   * that never answer and fill every slot.
   */
  private makeRoomForOne(): boolean {
    const unopened = [...this.connections.values()].filter((c) => !c.open);
    if (unopened.length >= MAX_UNOPENED) unopened[0]?.link.destroy('gave way to a newer connection');
    return this.connections.size < this.maxConns;
  }

  private connect(via: SignalingClient, peerId: string, initiator: boolean): Connection {
    const conn: Connection = {
      via,
      glareToken: undefined,
      open: false,
      link: new PeerLink(initiator, this.options.rtcConfig, {
        onSignal: (signal) => {
          conn.glareToken ??= Date.now() + Math.random();
          void via.publish({
            type: 'signal',
            from: this.peerId,
            to: peerId,
            token: conn.glareToken,
            signal: signal as SimplePeerSignal,
          });
        },
        onOpen: () => {
          if (this.openPeers().length === 0) mark('first-channel-open');
          conn.open = true;
          this.room.addPeer(peerId, (bytes) => conn.link.send(bytes));
          this.presence.peerOpened(peerId);
          this.options.onChange();
        },
        onData: (bytes) => this.room.receive(peerId, bytes),
        onClose: () => {
          if (this.connections.get(peerId) !== conn) return;
          this.connections.delete(peerId);
          this.room.removePeer(peerId);
          this.syncedPeers.delete(peerId);
          this.presence.peerClosed(peerId);
          this.reannounceIfFree();
          if (!this.destroyed) this.options.onChange();
        },
      }),
    };
    this.connections.set(peerId, conn);
    const timer = setTimeout(() => {
      if (!conn.open) conn.link.destroy('did not open in time');
    }, OPEN_TIMEOUT_MS);
    conn.link.onceClosed(() => clearTimeout(timer));
    // `contacted` changed: a joiner's watch moves on to "connecting" (else a channel that never
    // opens, e.g. a relay that refuses us, is reported as "no one is running a session").
    if (!this.destroyed) this.options.onChange();
    return conn;
  }

  /** y-webrtc announces again when a connection closes, so the room can re-form around a gap. */
  private reannounceIfFree(): void {
    if (this.destroyed || this.connections.size >= this.maxConns) return;
    for (const c of this.signaling) if (c.connected) void c.announce();
  }
}
