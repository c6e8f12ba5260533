/**
 * Builds `window.dreamboard`: one narrow function per contract channel, nothing else. ipcRenderer
 * itself never crosses the bridge (a page holding it could send on any channel), and neither do
 * Electron event objects (they carry `sender`, which is ipcRenderer).
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { z } from 'zod';
import {
  IPC_CONTRACT_VERSION,
  type DesktopApi,
  type EventChannel,
  type InvokeChannel,
  type IpcResult,
  type PayloadOf,
  type RequestOf,
  type ResponseOf,
  type Unsubscribe,
} from '../../shared/ipc/contract';
import { checkEventPayload, ipcFailure, readInvokeResult } from '../../shared/ipc/validate';

// zod compiles fast-path validators with `new Function`; the page's CSP forbids eval, so use the
// interpreter instead of tripping (and logging) a CSP violation on every start.
z.config({ jitless: true });

async function invoke<C extends InvokeChannel>(
  channel: C,
  request: RequestOf<C>,
): Promise<IpcResult<ResponseOf<C>>> {
  try {
    // No argument at all for request-less channels, so main sees exactly what the contract says.
    const raw: unknown =
      request === undefined ? await ipcRenderer.invoke(channel) : await ipcRenderer.invoke(channel, request);
    return readInvokeResult(channel, raw);
  } catch (error) {
    return ipcFailure('failed', `${channel}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Main is trusted, but a payload that does not match the contract is a bug worth seeing, not running. */
function subscribe<C extends EventChannel>(
  channel: C,
  listener: (payload: PayloadOf<C>) => void,
): Unsubscribe {
  const receive = (_event: IpcRendererEvent, raw: unknown) => {
    const checked = checkEventPayload(channel, raw);
    if (!checked.ok) {
      console.warn(`[dreamboard] ignored ${channel}: ${checked.message}`);
      return;
    }
    listener(checked.value);
  };
  ipcRenderer.on(channel, receive);
  return () => {
    ipcRenderer.removeListener(channel, receive);
  };
}

const desktopApi = {
  contractVersion: IPC_CONTRACT_VERSION,
  getAppInfo: () => invoke('app:info', undefined),
  setWindowTitle: (request) => invoke('window:set-title', request),
  openExternal: (request) => invoke('shell:open-external', request),
  performNativeEdit: (command) => invoke('edit:native', command),
  onMenuAction: (listener) => subscribe('menu:action', ({ actionId }) => listener(actionId)),

  createWorkshop: (request) => invoke('workshops:create', request),
  createWorkshopFromState: (request) => invoke('workshops:create-from-state', request),
  openWorkshopDialog: () => invoke('workshops:open-dialog', undefined),
  openDroppedFile: (file) => {
    // The path is looked up here and goes straight to main: the page never learns it. A File the
    // page built itself has no path (''), and anything that is not a File makes Electron throw.
    let path = '';
    try {
      path = webUtils.getPathForFile(file as File);
    } catch {
      path = '';
    }
    if (path === '')
      return Promise.resolve(
        ipcFailure('invalid-request', 'workshops:open-path: that is not a file on this computer'),
      );
    return invoke('workshops:open-path', { path });
  },
  openRecentWorkshop: (id) => invoke('workshops:open-recent', { id }),
  takeOpenRequests: () => invoke('workshops:take-open-requests', undefined),
  recentWorkshops: () => invoke('workshops:recent', undefined),
  forgetRecentWorkshop: (id) => invoke('workshops:forget-recent', { id }),
  recordUpdate: (handle, update) => invoke('workshops:record', { handle, update }),
  saveWorkshopAs: (handle) => invoke('workshops:save-as', { handle }),
  renameWorkshop: (handle, name) => invoke('workshops:rename', { handle, name }),
  closeWorkshop: (handle) => invoke('workshops:close', { handle }),
  workshopHistory: (handle) => invoke('workshops:history', { handle }),
  loadWorkshopHistory: (handle, id) => invoke('workshops:load-history', { handle, id }),
  acknowledgeFlush: (token) => invoke('workshops:flush-ack', { token }),
  onSaveState: (listener) => subscribe('workshops:save-state', listener),
  onOpenRequested: (listener) => subscribe('workshops:open-requested', () => listener()),
  onFlushRequested: (listener) => subscribe('workshops:flush-requested', ({ token }) => listener(token)),
  saveExport: (request) => invoke('export:save', request),
  startRoomServer: (port) => invoke('live:start-room-server', { port }),
  stopRoomServer: () => invoke('live:stop-room-server', undefined),
  takeJoinLinks: () => invoke('live:take-join-links', undefined),
  onJoinLinkRequested: (listener) => subscribe('live:join-link-requested', () => listener()),
} satisfies DesktopApi;

contextBridge.exposeInMainWorld('dreamboard', desktopApi);
