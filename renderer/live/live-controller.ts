import * as Y from 'yjs';
import {
  assignColour,
  createSessionSecret,
  formatJoinCode,
  isJoinCodeError,
  joinLink,
  joinQrSvg,
  readJoinInput,
  roomNameFor,
  roomPasswordFor,
  signalUrl,
  type JoinCodeParts,
} from '../../shared/live';
import { docFacts } from '../../shared/doc/updates';
import { Store } from '../editor/store';
import type { Platform } from '../platform/types';
import type { WorkshopFiles } from '../app/workshop-files';
import { participantId } from '../app/participant';
import { JoinWatch, LIVE_MESSAGES } from './join-watch';
import { loadLiveSettings, relayProblem, toRtcConfiguration, type SettingsStorage } from './live-settings';
import { LiveLink } from './live-link';
import { isCopyOfRoom, rememberRoom } from './rejoin-memory';
import { mark } from './live-provider';
import type {
  HostOptions,
  JoinRequest,
  LiveController,
  LiveIdentity,
  LiveSessionInfo,
  LiveState,
  LocalPresencePatch,
} from './types';

export interface LiveControllerDeps {
  readonly platform: Platform;
  readonly files: WorkshopFiles;
  /** Where settings and the participant id live; null when the page has no storage. */
  readonly storage?: SettingsStorage | null;
}

const IDLE: LiveState = { status: 'off', session: null, participants: [], problem: null, busy: false };

function pageStorage(): SettingsStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * Hosting, joining and leaving live sessions. One per page. The connection itself (provider,
 * presence, status) is a LiveLink; this decides which servers, makes codes, watches a join
 * until the workshop has arrived and hands the arrived workshop to WorkshopFiles as the joiner's
 * own file.
 */
export function createLiveController(deps: LiveControllerDeps): LiveController {
  return new Controller(deps);
}

class Controller implements LiveController {
  readonly store = new Store<LiveState>(IDLE);
  private link: LiveLink | null = null;
  private watch: JoinWatch | null = null;
  private readonly storage: SettingsStorage | null;
  /** Which room each document was last live in this run (rejoin-memory.ts keeps it across restarts, when storage works). */
  private readonly roomOf = new WeakMap<Y.Doc, string>();

  constructor(private readonly deps: LiveControllerDeps) {
    this.storage = deps.storage === undefined ? pageStorage() : deps.storage;
    // The session belongs to the open workshop: closing it, or opening another, ends the session.
    deps.files.store.subscribe((files) => {
      const link = this.link;
      if (link && link.adopted && files.workshop?.session.doc !== link.doc) void this.leave();
    });
    if (typeof window !== 'undefined') window.addEventListener('pagehide', () => this.stopLink());
  }

  async host(options: HostOptions, identity: LiveIdentity): Promise<void> {
    if (this.store.get().busy) return;
    const workshop = this.deps.files.state.workshop;
    if (!workshop) return this.fail(LIVE_MESSAGES.noWorkshop);
    if (workshop.file.readOnlyReason !== null) return this.fail(LIVE_MESSAGES.readOnly);
    if (!options.inRoom && !options.online) return this.fail(LIVE_MESSAGES.chooseWhere);
    const settings = loadLiveSettings(this.storage);
    if (options.online && settings.signalingUrls.length === 0) return this.fail(LIVE_MESSAGES.noOnlineServer);
    const relay = relayProblem(settings);
    if (relay) return this.fail(relay);

    await this.leave();
    this.store.set({ busy: true, problem: null, status: 'connecting' });
    try {
      const urls: string[] = [];
      let parts: JoinCodeParts = { secret: createSessionSecret(), signal: null };
      let inRoomUrls: string[] | null = null;
      if (options.inRoom) {
        const server = await this.deps.platform.live.startRoomServer(settings.roomPort);
        if (!server.ok) return this.fail(server.message);
        const host = server.hosts[0] ?? '127.0.0.1';
        parts = { ...parts, signal: { host, port: server.port } };
        inRoomUrls = server.hosts.map((h) => signalUrl({ host: h, port: server.port }));
        // Our own connection goes over loopback: it keeps working if the network address changes.
        urls.push(signalUrl({ host: '127.0.0.1', port: server.port }));
      }
      if (options.online) urls.push(...settings.signalingUrls);
      const link = joinLink(parts);
      const session: LiveSessionInfo = {
        role: 'host',
        code: formatJoinCode(parts),
        link,
        qrSvg: joinQrSvg(link),
        inRoomUrls,
        onlineUrls: options.online ? settings.signalingUrls : [],
      };
      this.startLink(workshop.session.doc, parts, urls, identity, { hosting: true, adopted: true }, settings);
      this.store.set({ session });
    } catch (error) {
      console.error('[live] could not start hosting', error);
      this.fail(LIVE_MESSAGES.couldNotStart);
    } finally {
      this.store.set({ busy: false });
    }
  }

  async join(request: JoinRequest): Promise<void> {
    if (this.store.get().busy) return;
    const parts = readJoinInput(request.input);
    if (isJoinCodeError(parts)) return this.fail(parts.error);
    const settings = loadLiveSettings(this.storage);
    const urls = [...(parts.signal ? [signalUrl(parts.signal)] : []), ...settings.signalingUrls];
    if (urls.length === 0) return this.fail(LIVE_MESSAGES.onlineCodeNoServer);
    const relay = relayProblem(settings);
    if (relay) return this.fail(relay);

    await this.leave();
    this.store.set({ busy: true, problem: null, status: 'connecting' });
    mark('join-start');
    const link = joinLink(parts);
    this.store.set({
      session: {
        role: 'guest',
        code: formatJoinCode(parts),
        link,
        qrSvg: joinQrSvg(link),
        inRoomUrls: parts.signal ? [signalUrl(parts.signal)] : null,
        onlineUrls: settings.signalingUrls,
      },
    });
    const open = this.deps.files.state.workshop;
    const room = roomNameFor(parts.secret);
    const rejoining =
      open !== null &&
      (this.roomOf.get(open.session.doc) === room ||
        isCopyOfRoom(this.storage, room, stateVectorOf(open.session.doc)));
    const doc = rejoining ? open.session.doc : new Y.Doc();
    const live = this.startLink(
      doc,
      parts,
      urls,
      request.identity,
      { hosting: false, adopted: rejoining },
      settings,
    );
    this.watch = new JoinWatch({
      live,
      where: parts.signal?.host ?? null,
      onFail: (message) => this.fail(message),
      onArrived: () => (rejoining ? this.store.set({ busy: false }) : void this.adopt(live)),
    });
  }

  async leave(): Promise<void> {
    const link = this.link;
    if (!link) return;
    const hosted = link.hosting && this.store.get().session?.inRoomUrls;
    this.stopLink();
    this.store.set({ status: 'off', session: null, participants: [], busy: false });
    if (hosted) await this.deps.platform.live.stopRoomServer();
  }

  setLocalPresence(patch: LocalPresencePatch): void {
    this.link?.setLocalPresence(patch);
  }

  dismissProblem(): void {
    this.store.set({ problem: null });
  }

  private startLink(
    doc: Y.Doc,
    parts: JoinCodeParts,
    urls: readonly string[],
    identity: LiveIdentity,
    { hosting, adopted }: { readonly hosting: boolean; readonly adopted: boolean },
    settings: ReturnType<typeof loadLiveSettings>,
  ): LiveLink {
    const id = participantId(this.storage);
    const link = new LiveLink({
      doc,
      hosting,
      adopted,
      roomName: roomNameFor(parts.secret),
      password: roomPasswordFor(parts.secret),
      signalingUrls: urls,
      rtcConfig: toRtcConfiguration(settings),
      identity: { ...identity, colour: assignColour(id) },
      onState: (patch) => {
        if (this.link === link) this.store.set(patch);
      },
      onProblem: (message) => {
        if (this.link === link) this.store.set({ problem: message });
      },
    });
    this.link = link;
    if (adopted) this.remember(doc, roomNameFor(parts.secret));
    return link;
  }

  private stopLink(): void {
    this.watch?.stop();
    this.watch = null;
    const link = this.link;
    this.link = null;
    link?.destroy();
  }

  /** The workshop arrived: it becomes the joiner's own file, on the same document the link syncs. */
  private async adopt(link: LiveLink): Promise<void> {
    if (this.link !== link) return;
    const title = docFacts(link.doc).title;
    mark('adopt-start');
    // The joiner's role goes on the cards they make, so the plan can count voices by role.
    const adopted = await this.deps.files.adopt(link.doc, title, link.role);
    mark('adopt-end');
    if (this.link !== link) return;
    if (!adopted) return this.fail(this.deps.files.state.problem ?? LIVE_MESSAGES.couldNotSave);
    link.markAdopted();
    this.remember(link.doc, link.roomName);
    this.store.set({ busy: false });
  }

  /** This document is a copy of that session: joining it again (also after a restart) merges into it. */
  private remember(doc: Y.Doc, room: string): void {
    this.roomOf.set(doc, room);
    rememberRoom(this.storage, room, stateVectorOf(doc), Date.now());
  }

  private fail(message: string): void {
    this.stopLink();
    this.store.set({ ...IDLE, problem: message });
  }
}

const stateVectorOf = (doc: Y.Doc): Map<number, number> => Y.decodeStateVector(Y.encodeStateVector(doc));
