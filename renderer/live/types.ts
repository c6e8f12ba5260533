/**
 * Live sessions (issue #4) as the rest of the renderer sees them: one LiveController per page,
 * owned by App like WorkshopFiles, observed through its Store. docs/live-sessions.md describes
 * the flows; this file is the contract between the controller (live-controller.ts), the UI
 * (ui/live/*), the canvas presence layer and the platform.
 */
import type { PresenceState, WorldBox, WorldPoint } from '../../shared/live';
import type { RoleCategory } from '../../shared/model';
import type { Store } from '../editor/store';

/**
 * - off: no live session.
 * - connecting: looking for the session (joining) or for a signaling server (hosting).
 * - connected: at least one signaling server or peer is reachable (a joiner: and has the workshop).
 * - reconnecting: every signaling server and peer was lost; retrying with back-off. Editing goes on.
 * - offline: the computer has no network (navigator.onLine false). Editing goes on; merges later.
 */
export type LiveStatus = 'off' | 'connecting' | 'connected' | 'reconnecting' | 'offline';

/** Someone in the session as we see them: validated presence, or null ("Someone", no cursor). */
export interface Participant {
  /** The Yjs awareness client id: stable for one app run of one person. */
  readonly clientId: number;
  readonly presence: PresenceState | null;
  /** A direct WebRTC connection to them is open (else we hear of them through another peer). */
  readonly direct: boolean;
}

export interface LiveSessionInfo {
  readonly role: 'host' | 'guest';
  /** Formatted join code, `XXXX-XXXX-…`. */
  readonly code: string;
  /** `dreamboard://join/<code>` (plus the online servers, see shared/live/join-link.ts). */
  readonly link: string;
  /** SVG markup of the link's QR code, made locally by the qrcode package from our own link. */
  readonly qrSvg: string;
  /** The in-room signaling server's ws:// URLs (one per network address), or null when not used. */
  readonly inRoomUrls: readonly string[] | null;
  /** Online signaling servers in use (from Settings or from the join link). */
  readonly onlineUrls: readonly string[];
}

export interface LiveState {
  readonly status: LiveStatus;
  readonly session: LiveSessionInfo | null;
  /** Everyone else in the session (never ourselves), in a stable order (by name, then id). */
  readonly participants: readonly Participant[];
  /**
   * What went wrong, in plain words, shown until the next action: a wrong or expired code, a
   * server that cannot be reached, a peer dropped for sending garbage. Null when nothing did.
   */
  readonly problem: string | null;
  /** host() or join() is running; buttons that start another wait. */
  readonly busy: boolean;
}

export interface HostOptions {
  /** Start the app's own signaling server on the local network ("In this room"). */
  readonly inRoom: boolean;
  /** Use the signaling servers from Settings ("Online"). */
  readonly online: boolean;
}

/** Who I am in sessions; remembered between runs (identity.ts). */
export interface LiveIdentity {
  readonly name: string;
  readonly role: RoleCategory;
}

export interface JoinRequest {
  /** What the person typed or pasted: a join code or a dreamboard://join link. */
  readonly input: string;
  readonly identity: LiveIdentity;
}

/** The local person's presence that changes while they work; name, role and colour come from the identity. */
export interface LocalPresencePatch {
  readonly cursor?: WorldPoint | null;
  readonly selection?: readonly string[];
  readonly viewport?: WorldBox | null;
}

export interface LiveController {
  readonly store: Store<LiveState>;
  /** Starts hosting the open workshop. Failures end up in state.problem; never rejects. */
  host(options: HostOptions, identity: LiveIdentity): Promise<void>;
  /** Joins a session: the workshop arrives from the others and is saved as a new local file. Never rejects. */
  join(request: JoinRequest): Promise<void>;
  /** Leaves the session (the local copy stays open and keeps its changes). Never rejects. */
  leave(): Promise<void>;
  /** Cursor moves are throttled to 20 a second inside; call on every pointer move. */
  setLocalPresence(patch: LocalPresencePatch): void;
  dismissProblem(): void;
}

/** One STUN or TURN server, as RTCIceServer takes it. */
export interface IceServerSetting {
  /** `stun:host:port`, `turn:host:port?transport=udp|tcp` or `turns:host:port`. */
  readonly urls: string;
  readonly username?: string;
  readonly credential?: string;
}

/** Settings → Live sessions; kept in this app's local storage (live-settings.ts validates them on every read). */
export interface LiveSettings {
  /** Online signaling servers: `wss://…` (or `ws://` to a loopback or private address). No public defaults. */
  readonly signalingUrls: readonly string[];
  readonly iceServers: readonly IceServerSetting[];
  /** Port of the "In this room" server; 0 picks a free one. */
  readonly roomPort: number;
  /** Only connect through TURN relays, so other participants never learn this computer's addresses. */
  readonly relayOnly: boolean;
}

export type RoomServerOutcome =
  | {
      readonly ok: true;
      readonly port: number;
      /** Addresses others on the network can reach it at, best first (IPv4 only: join codes carry IPv4). */
      readonly hosts: readonly string[];
    }
  | { readonly ok: false; readonly message: string };

/** What live sessions need from the platform (renderer/platform/types.ts has it as `Platform.live`). */
export interface LivePlatform {
  /**
   * Starts the "In this room" signaling server (desktop: in the main process, on every network
   * interface; browser build: the web server's, on loopback) or answers the one already running.
   */
  startRoomServer(port: number): Promise<RoomServerOutcome>;
  /** Stops it; peers still connected directly stay connected. */
  stopRoomServer(): Promise<void>;
  /**
   * `dreamboard://join/…` links the operating system handed to the app. Also delivers links that
   * arrived before the first listener (the app was started by clicking one). Unvalidated text.
   */
  onJoinLink(listener: (link: string) => void): () => void;
}
