/**
 * The IPC contract: every channel between the renderer and the main process, declared once.
 *
 * Main validates every request against `request` and every response against `response` before it
 * leaves (electron/main/ipc.ts); the preload validates every event payload from main before the
 * renderer sees it (electron/preload/index.ts). The renderer is untrusted to main: a compromised
 * renderer can send anything, so nothing here is a type-level promise only.
 *
 * To add a channel (e.g. the workshop-file channels of the storage work): add an entry to
 * `IPC_CHANNELS`, a method to `DesktopApi`, one line in the preload, and a handler registered with
 * `handle(...)` in main. The compiler then holds all four together.
 */
import { z } from 'zod';
import { isActionId, type ActionId } from '../actions/catalog';
import {
  CloseOutcomeSchema,
  CreateFromStateRequestSchema,
  CreateWorkshopRequestSchema,
  FlushAckSchema,
  HandleRequestSchema,
  HistoryEntrySchema,
  HistoryLoadOutcomeSchema,
  LoadHistoryRequestSchema,
  NameOutcomeSchema,
  OpenOutcomeSchema,
  OpenPathRequestSchema,
  RecentEntrySchema,
  RecentRequestSchema,
  RecordRequestSchema,
  RenameRequestSchema,
  SaveStateEventSchema,
  type CloseOutcome,
  type HistoryEntry,
  type HistoryLoadOutcome,
  type NameOutcome,
  type OpenOutcome,
  type RecentEntry,
  type RecentId,
  type SaveStateEvent,
  type WorkshopHandle,
} from './workshop-schemas';
import {
  ExportSaveOutcomeSchema,
  ExportSaveRequestSchema,
  type ExportSaveOutcome,
  type ExportSaveRequest,
} from './export-schemas';
import {
  JoinLinksSchema,
  RoomServerOutcomeSchema,
  StartRoomServerRequestSchema,
  type RoomServerOutcome,
} from './live-schemas';

/** Bumped when a channel changes incompatibly, so a stale preload is detectable. */
export const IPC_CONTRACT_VERSION = 2;

/** Hosts that help links may open in the user's browser. Exact match: no subdomain wildcards. */
export const HELP_LINK_HOSTS = ['github.com', 'www.gov.uk', 'www.w3.org', 'jsoncanvas.org'] as const;

const MAX_WINDOW_TITLE_LENGTH = 200;
const MAX_URL_LENGTH = 2048;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where a document's changes are relative to disk; shown in the title bar. */
export const SAVED_STATES = ['saved', 'saving', 'unsaved', 'error'] as const;
export const SavedStateSchema = z.enum(SAVED_STATES);
export type SavedState = z.infer<typeof SavedStateSchema>;

export const ActionIdSchema = z.custom<ActionId>((value) => isActionId(value), {
  message: 'Not an action id from shared/actions/catalog.ts',
});

/** Operating systems Electron runs on (Node's `process.platform`). */
export const OS_PLATFORMS = [
  'aix',
  'android',
  'darwin',
  'freebsd',
  'haiku',
  'linux',
  'openbsd',
  'sunos',
  'win32',
  'cygwin',
  'netbsd',
] as const;

export const AppInfoSchema = z.object({
  /** The app's semantic version, from package.json. */
  version: z.string().min(1).max(64),
  platform: z.enum(OS_PLATFORMS),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const WindowTitleRequestSchema = z.object({
  /** The workshop's title; control characters would let a title spoof extra lines in task switchers. */
  title: z
    .string()
    .max(MAX_WINDOW_TITLE_LENGTH)
    .regex(/^[^\p{Cc}]*$/u, 'Title must not contain control characters'),
  savedState: SavedStateSchema,
});
export type WindowTitleRequest = z.infer<typeof WindowTitleRequestSchema>;

/**
 * A help link. Only https to the declared hosts: `shell.openExternal` hands the URL to the OS, and
 * an attacker-chosen scheme (file:, smb:, ms-msdt:, custom handlers) there is code execution.
 * Main applies `isAllowedHelpLink` (credentials, ports) on top of this.
 */
export const HelpLinkSchema = z
  .url({
    protocol: /^https$/,
    hostname: new RegExp(`^(${HELP_LINK_HOSTS.map(escapeRegExp).join('|')})$`),
    error: `Only https links to ${HELP_LINK_HOSTS.join(', ')} can be opened`,
  })
  .max(MAX_URL_LENGTH);

export const OpenExternalRequestSchema = z.object({ url: HelpLinkSchema });
export type OpenExternalRequest = z.infer<typeof OpenExternalRequestSchema>;

/**
 * Text-editing commands main performs natively on the sender's focused text field. Native menus
 * send our action ids instead of using Electron's cut/copy/paste roles; when a text field has
 * focus the renderer hands the command back here (see docs/security.md, "Menus and text fields").
 */
export const NATIVE_EDIT_COMMANDS = ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'delete'] as const;
export const NativeEditCommandSchema = z.enum(NATIVE_EDIT_COMMANDS);
export type NativeEditCommand = z.infer<typeof NativeEditCommandSchema>;

export const MenuActionEventSchema = z.object({ actionId: ActionIdSchema });
export type MenuActionEvent = z.infer<typeof MenuActionEventSchema>;

/** No payload (the renderer calls without an argument) or no result. */
const Nothing = z.undefined();
const Done = z.null();

interface InvokeChannelSpec {
  /** Renderer asks, main answers. */
  readonly direction: 'invoke';
  readonly summary: string;
  readonly request: z.ZodType;
  readonly response: z.ZodType;
}

interface EventChannelSpec {
  /** Main tells the renderer; no answer. */
  readonly direction: 'event';
  readonly summary: string;
  readonly payload: z.ZodType;
}

export const IPC_CHANNELS = {
  'app:info': {
    direction: 'invoke',
    summary: 'App version and operating system, for the About box and bug reports.',
    request: Nothing,
    response: AppInfoSchema,
  },
  'window:set-title': {
    direction: 'invoke',
    summary: "Set the sender window's title and saved-state marker.",
    request: WindowTitleRequestSchema,
    response: Done,
  },
  'shell:open-external': {
    direction: 'invoke',
    summary: "Open an https help link in the user's browser.",
    request: OpenExternalRequestSchema,
    response: Done,
  },
  'edit:native': {
    direction: 'invoke',
    summary: "Perform a native text-editing command in the sender's focused text field.",
    request: NativeEditCommandSchema,
    response: Done,
  },
  'menu:action': {
    direction: 'event',
    summary: 'A native menu item was chosen; the renderer performs the action.',
    payload: MenuActionEventSchema,
  },
  'workshops:create': {
    direction: 'invoke',
    summary: 'Create a workshop file from a template in the default folder and open it.',
    request: CreateWorkshopRequestSchema,
    response: OpenOutcomeSchema,
  },
  'workshops:create-from-state': {
    direction: 'invoke',
    summary: "Save a joined live session's workshop (Yjs state from peers) as a new file and open it.",
    request: CreateFromStateRequestSchema,
    response: OpenOutcomeSchema,
  },
  'workshops:open-dialog': {
    direction: 'invoke',
    summary: 'Ask the person for a workshop file with the system open dialog and open it.',
    request: Nothing,
    response: OpenOutcomeSchema,
  },
  'workshops:open-path': {
    direction: 'invoke',
    summary: 'Open a file dropped on the window (path from the preload, checked in main).',
    request: OpenPathRequestSchema,
    response: OpenOutcomeSchema,
  },
  'workshops:open-recent': {
    direction: 'invoke',
    summary: 'Open an entry of the recent list by its id.',
    request: RecentRequestSchema,
    response: OpenOutcomeSchema,
  },
  'workshops:take-open-requests': {
    direction: 'invoke',
    summary: 'Workshops main opened for this window (OS open, second launch, menu), oldest first.',
    request: Nothing,
    response: z.array(OpenOutcomeSchema).max(64),
  },
  'workshops:recent': {
    direction: 'invoke',
    summary: 'The recent workshops, newest first, without paths.',
    request: Nothing,
    response: z.array(RecentEntrySchema).max(100),
  },
  'workshops:forget-recent': {
    direction: 'invoke',
    summary: 'Remove an entry from the recent list (the file is not touched).',
    request: RecentRequestSchema,
    response: Done,
  },
  'workshops:record': {
    direction: 'invoke',
    summary: 'Save one Yjs update of an open workshop (autosave batches and writes it).',
    request: RecordRequestSchema,
    response: Done,
  },
  'workshops:save-as': {
    direction: 'invoke',
    summary: 'Write a copy elsewhere (system save dialog) and carry on in the copy.',
    request: HandleRequestSchema,
    response: NameOutcomeSchema,
  },
  'workshops:rename': {
    direction: 'invoke',
    summary: 'Rename the workshop file in its folder.',
    request: RenameRequestSchema,
    response: NameOutcomeSchema,
  },
  'workshops:close': {
    direction: 'invoke',
    summary: 'Save what is pending and close the workshop file.',
    request: HandleRequestSchema,
    response: CloseOutcomeSchema,
  },
  'workshops:history': {
    direction: 'invoke',
    summary: 'Version history snapshots of an open workshop, newest first.',
    request: HandleRequestSchema,
    response: z.array(HistoryEntrySchema).max(1000),
  },
  'workshops:load-history': {
    direction: 'invoke',
    summary: 'One version history snapshot as Yjs state, for preview and restore.',
    request: LoadHistoryRequestSchema,
    response: HistoryLoadOutcomeSchema,
  },
  'workshops:flush-ack': {
    direction: 'invoke',
    summary: 'Answer to workshops:flush-requested: every update sent before this has arrived.',
    request: FlushAckSchema,
    response: Done,
  },
  'export:save': {
    direction: 'invoke',
    summary:
      'Write an export (plan, picture, JSON Canvas) where the person chooses in the system save dialog.',
    request: ExportSaveRequestSchema,
    response: ExportSaveOutcomeSchema,
  },
  'live:start-room-server': {
    direction: 'invoke',
    summary:
      'Start the "In this room" signaling server on every network interface, or answer the running one.',
    request: StartRoomServerRequestSchema,
    response: RoomServerOutcomeSchema,
  },
  'live:stop-room-server': {
    direction: 'invoke',
    summary: 'Stop the "In this room" signaling server (direct connections between peers stay).',
    request: Nothing,
    response: Done,
  },
  'live:take-join-links': {
    direction: 'invoke',
    summary: 'dreamboard://join links the operating system handed to this window, oldest first.',
    request: Nothing,
    response: JoinLinksSchema,
  },
  'workshops:save-state': {
    direction: 'event',
    summary: 'The save state of one of this window’s workshops changed.',
    payload: SaveStateEventSchema,
  },
  'workshops:open-requested': {
    direction: 'event',
    summary: 'Main has opened a workshop for this window; collect it with workshops:take-open-requests.',
    payload: Done,
  },
  'workshops:flush-requested': {
    direction: 'event',
    summary: 'The window is closing: answer with workshops:flush-ack once earlier updates are sent.',
    payload: FlushAckSchema,
  },
  'live:join-link-requested': {
    direction: 'event',
    summary: 'A join link arrived for this window; collect it with live:take-join-links.',
    payload: Done,
  },
} as const satisfies Record<string, InvokeChannelSpec | EventChannelSpec>;

type Channels = typeof IPC_CHANNELS;
export type ChannelName = keyof Channels;
export type InvokeChannel = {
  [C in ChannelName]: Channels[C] extends InvokeChannelSpec ? C : never;
}[ChannelName];
export type EventChannel = {
  [C in ChannelName]: Channels[C] extends EventChannelSpec ? C : never;
}[ChannelName];

export type RequestOf<C extends InvokeChannel> = z.infer<Channels[C]['request']>;
export type ResponseOf<C extends InvokeChannel> = z.infer<Channels[C]['response']>;
export type PayloadOf<C extends EventChannel> = z.infer<Channels[C]['payload']>;

export const INVOKE_CHANNELS = (Object.keys(IPC_CHANNELS) as ChannelName[]).filter(
  (name): name is InvokeChannel => IPC_CHANNELS[name].direction === 'invoke',
);
export const EVENT_CHANNELS = (Object.keys(IPC_CHANNELS) as ChannelName[]).filter(
  (name): name is EventChannel => IPC_CHANNELS[name].direction === 'event',
);

/** Why main refused or failed a request. Messages are for logs and people, never parsed. */
export const IPC_ERROR_CODES = ['untrusted-sender', 'invalid-request', 'invalid-response', 'failed'] as const;
export type IpcErrorCode = (typeof IPC_ERROR_CODES)[number];
export interface IpcError {
  readonly code: IpcErrorCode;
  readonly message: string;
}

/**
 * Every invoke answers with a result instead of throwing: Electron turns a thrown error into a
 * generic rejection that loses its cause, and a plain object crosses the context bridge intact.
 */
export type IpcResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcError };

export const IpcErrorSchema = z.object({
  code: z.enum(IPC_ERROR_CODES),
  message: z.string(),
});

/** Undo a subscription. Every `on…` returns one; call it on teardown. */
export type Unsubscribe = () => void;

/** What the preload exposes as `window.dreamboard`. Nothing else crosses the bridge. */
export interface DesktopApi {
  readonly contractVersion: typeof IPC_CONTRACT_VERSION;
  getAppInfo(): Promise<IpcResult<AppInfo>>;
  setWindowTitle(request: WindowTitleRequest): Promise<IpcResult<null>>;
  openExternal(request: OpenExternalRequest): Promise<IpcResult<null>>;
  performNativeEdit(command: NativeEditCommand): Promise<IpcResult<null>>;
  onMenuAction(listener: (actionId: ActionId) => void): Unsubscribe;

  // Workshop files (docs/files.md). Paths never reach the page: handles and ids only.
  createWorkshop(request: { templateId: string; title?: string }): Promise<IpcResult<OpenOutcome>>;
  /** A joined live session's workshop as a new file of this person's own (docs/files.md). */
  createWorkshopFromState(request: { state: Uint8Array; title: string }): Promise<IpcResult<OpenOutcome>>;
  openWorkshopDialog(): Promise<IpcResult<OpenOutcome>>;
  /**
   * Opens a file dropped on the window or picked in an <input type=file>. The preload looks the
   * path up (webUtils.getPathForFile) and sends it; the page never sees it.
   */
  openDroppedFile(file: DroppedFile): Promise<IpcResult<OpenOutcome>>;
  openRecentWorkshop(id: RecentId): Promise<IpcResult<OpenOutcome>>;
  takeOpenRequests(): Promise<IpcResult<OpenOutcome[]>>;
  recentWorkshops(): Promise<IpcResult<RecentEntry[]>>;
  forgetRecentWorkshop(id: RecentId): Promise<IpcResult<null>>;
  recordUpdate(handle: WorkshopHandle, update: Uint8Array): Promise<IpcResult<null>>;
  saveWorkshopAs(handle: WorkshopHandle): Promise<IpcResult<NameOutcome>>;
  renameWorkshop(handle: WorkshopHandle, name: string): Promise<IpcResult<NameOutcome>>;
  closeWorkshop(handle: WorkshopHandle): Promise<IpcResult<CloseOutcome>>;
  workshopHistory(handle: WorkshopHandle): Promise<IpcResult<HistoryEntry[]>>;
  loadWorkshopHistory(handle: WorkshopHandle, id: string): Promise<IpcResult<HistoryLoadOutcome>>;
  acknowledgeFlush(token: string): Promise<IpcResult<null>>;
  onSaveState(listener: (event: SaveStateEvent) => void): Unsubscribe;
  onOpenRequested(listener: () => void): Unsubscribe;
  onFlushRequested(listener: (token: string) => void): Unsubscribe;

  /** Exports (docs/export.md): main shows the save dialog and writes the bytes atomically. */
  saveExport(request: ExportSaveRequest): Promise<IpcResult<ExportSaveOutcome>>;

  // Live sessions (docs/live-sessions.md, "Platform"): the in-room server and join links.
  startRoomServer(port: number): Promise<IpcResult<RoomServerOutcome>>;
  stopRoomServer(): Promise<IpcResult<null>>;
  takeJoinLinks(): Promise<IpcResult<string[]>>;
  onJoinLinkRequested(listener: () => void): Unsubscribe;
}

/**
 * A DOM File as the preload receives it. Declared structurally because shared/ has no DOM types;
 * the preload hands it to webUtils.getPathForFile, which refuses anything that is not a real File.
 */
export interface DroppedFile {
  readonly name: string;
  readonly size: number;
}
