import type * as Y from 'yjs';
import { Awareness, removeAwarenessStates } from 'y-protocols/awareness';
import {
  CursorThrottle,
  announcePresence,
  readPresence,
  type PresenceColour,
  type PresenceState,
  type WorldPoint,
} from '../../shared/live';
import { LiveProvider, type ProviderSnapshot } from './live-provider';
import { LIVE_MESSAGES } from './live-messages';
import { createWatchdogGate, type WatchdogGate } from './watchdog-gate';
import type { LiveIdentity, LiveState, LiveStatus, LocalPresencePatch, Participant } from './types';

export interface LiveLinkOptions {
  readonly doc: Y.Doc;
  readonly hosting: boolean;
  /** The document is already an open workshop (hosting, or rejoining a session this copy came from). */
  readonly adopted: boolean;
  readonly roomName: string;
  readonly password: string;
  readonly signalingUrls: readonly string[];
  readonly rtcConfig: RTCConfiguration;
  readonly identity: LiveIdentity & { readonly colour: PresenceColour };
  readonly onState: (patch: Partial<Pick<LiveState, 'status' | 'participants'>>) => void;
  readonly onProblem: (message: string) => void;
}

/** Participants are published at most this often: cursors move at 20/s per person, lists need not re-render faster. */
const PARTICIPANTS_EVERY_MS = 33;
/** A host whose online servers stay unreachable this long is told (in-room joiners are unaffected). */
const HOST_REACH_MS = 10_000;

/**
 * One live connection of one document: the provider, our presence (awareness) and what the UI
 * shows of both — status and participants. Lives from host/join to leave.
 */
export class LiveLink {
  readonly doc: Y.Doc;
  readonly hosting: boolean;
  readonly roomName: string;
  readonly role: LiveIdentity['role'];
  readonly awareness: Awareness;
  private readonly provider: LiveProvider;
  private readonly gate: WatchdogGate;
  private readonly listeners = new Set<() => void>();
  private readonly cursor = new CursorThrottle<WorldPoint | null>({ now: () => performance.now() });
  private readonly disposers: (() => void)[] = [];
  private cursorTimer: ReturnType<typeof setTimeout> | undefined;
  private participantsTimer: ReturnType<typeof setTimeout> | undefined;
  private everConnected = false;
  private destroyed = false;
  private adoptedFlag: boolean;
  private lastStatus: LiveStatus | null = null;

  constructor(private readonly options: LiveLinkOptions) {
    this.doc = options.doc;
    this.hosting = options.hosting;
    this.roomName = options.roomName;
    this.role = options.identity.role;
    this.adoptedFlag = options.adopted;
    this.awareness = new Awareness(options.doc);
    const { name, role, colour } = options.identity;
    const mine: PresenceState = {
      name,
      role,
      colour,
      cursor: null,
      selection: [],
      viewport: null,
      connection: 'connected',
    };
    this.awareness.setLocalState(announcePresence(mine));
    // Small updates (an edit is tens of bytes) are decoded here: Yjs's V1 decoder reads at least a
    // byte per struct, so 4 KiB cannot take more than a fraction of a millisecond however crafted,
    // while a hop through a busy worker added up to 25 ms to every edit in the benchmark.
    this.gate = createWatchdogGate({ inlineBelowBytes: 4 * 1024 });
    // Loads while signaling and ICE run, so a joiner's workshop is not kept waiting for it.
    this.gate.warm();
    this.provider = new LiveProvider({
      doc: options.doc,
      awareness: this.awareness,
      roomName: options.roomName,
      password: options.password,
      signalingUrls: options.signalingUrls,
      rtcConfig: options.rtcConfig,
      gate: this.gate,
      onChange: () => this.changed(),
      onDropPeer: () => options.onProblem(LIVE_MESSAGES.peerDropped),
    });
    const onAwareness = () => this.scheduleParticipants();
    this.awareness.on('change', onAwareness);
    this.disposers.push(() => this.awareness.off('change', onAwareness));
    this.watchPage();
    if (options.hosting) this.warnIfHostUnreachable();
    // Not during construction: the owner's callbacks may refer to this link once it is assigned.
    queueMicrotask(() => this.changed());
  }

  get adopted(): boolean {
    return this.adoptedFlag;
  }

  /** The joined workshop is now the open workshop: status can say "connected". */
  markAdopted(): void {
    this.adoptedFlag = true;
    this.changed();
  }

  snapshot(): ProviderSnapshot {
    return this.provider.snapshot();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  setLocalPresence(patch: LocalPresencePatch): void {
    if (this.destroyed) return;
    const { cursor, ...rest } = patch;
    if (cursor !== undefined) {
      const now = this.cursor.offer(cursor);
      if (now) this.patchLocal({ cursor: now.value });
      else this.scheduleCursor();
    }
    if (rest.selection !== undefined || rest.viewport !== undefined) this.patchLocal(rest);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    clearTimeout(this.cursorTimer);
    clearTimeout(this.participantsTimer);
    for (const dispose of this.disposers.splice(0)) dispose();
    // Tell the others we left before the channels close (they would notice anyway, later).
    removeAwarenessStates(this.awareness, [this.awareness.clientID], 'left');
    this.provider.destroy();
    this.gate.dispose();
    this.awareness.destroy();
    this.listeners.clear();
  }

  private patchLocal(patch: Partial<PresenceState>): void {
    const current = this.awareness.getLocalState();
    if (current === null) return;
    this.awareness.setLocalState(announcePresence({ ...(current as PresenceState), ...patch }));
  }

  private scheduleCursor(): void {
    if (this.cursorTimer !== undefined) return;
    const due = this.cursor.dueAt();
    if (due === null) return;
    this.cursorTimer = setTimeout(
      () => {
        this.cursorTimer = undefined;
        const held = this.cursor.poll();
        if (held) this.patchLocal({ cursor: held.value });
        else this.scheduleCursor();
      },
      Math.max(0, due - performance.now()),
    );
  }

  private changed(): void {
    if (this.destroyed) return;
    const status = this.status();
    if (status !== this.lastStatus) {
      this.lastStatus = status;
      this.options.onState({ status });
    }
    this.scheduleParticipants();
    for (const listener of [...this.listeners]) listener();
  }

  private status(): LiveStatus {
    if (typeof navigator !== 'undefined' && navigator.onLine === false) return 'offline';
    if (!this.adoptedFlag) return 'connecting';
    const s = this.provider.snapshot();
    if (s.signalingConnected > 0 || s.peers.length > 0) {
      this.everConnected = true;
      return 'connected';
    }
    return this.everConnected ? 'reconnecting' : 'connecting';
  }

  private scheduleParticipants(): void {
    if (this.participantsTimer !== undefined || this.destroyed) return;
    this.participantsTimer = setTimeout(() => {
      this.participantsTimer = undefined;
      if (!this.destroyed) this.options.onState({ participants: this.participants() });
    }, PARTICIPANTS_EVERY_MS);
  }

  private participants(): Participant[] {
    const direct = new Set(this.provider.snapshot().peers);
    const list: Participant[] = [];
    for (const [clientId, raw] of this.awareness.getStates()) {
      if (clientId === this.awareness.clientID) continue;
      const presence = readPresence(raw);
      list.push({ clientId, presence, direct: presence?.peer !== undefined && direct.has(presence.peer) });
    }
    return list.sort(
      (a, b) =>
        (a.presence?.name ?? '\uffff').localeCompare(b.presence?.name ?? '\uffff') || a.clientId - b.clientId,
    );
  }

  /** Network and visibility: "offline" status, a resync when the network returns, "away" while hidden. */
  private watchPage(): void {
    if (typeof window === 'undefined') return;
    const online = () => {
      this.provider.resync();
      this.changed();
    };
    const offline = () => this.changed();
    const visibility = () =>
      this.patchLocal({ connection: document.visibilityState === 'hidden' ? 'away' : 'connected' });
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    document.addEventListener('visibilitychange', visibility);
    this.disposers.push(() => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      document.removeEventListener('visibilitychange', visibility);
    });
  }

  private warnIfHostUnreachable(): void {
    const timer = setTimeout(() => {
      const s = this.provider.snapshot();
      if (!this.destroyed && s.signalingConnected < s.signalingTotal)
        this.options.onProblem(LIVE_MESSAGES.hostServerUnreachable);
    }, HOST_REACH_MS);
    this.disposers.push(() => clearTimeout(timer));
  }
}
