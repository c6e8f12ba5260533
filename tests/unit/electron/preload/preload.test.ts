/**
 * The preload under Node with a stand-in 'electron': what crosses the bridge, and that payloads
 * from main are validated before the page sees them.
 */
import { describe, expect, it, vi } from 'vitest';
import type { DesktopApi } from '../../../../shared/ipc/contract';

const exposed = new Map<string, unknown>();
const listeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>();
const invocations: unknown[][] = [];
let nextAnswer: unknown = { ok: true, value: null };

/** Files the page "dropped": a real one has a path on disk, one built in script has ''. */
const droppedPaths = new Map<unknown, string>();

vi.mock('electron', () => ({
  webUtils: {
    getPathForFile: (file: unknown) => {
      if (!droppedPaths.has(file)) throw new TypeError('not a File');
      return droppedPaths.get(file);
    },
  },
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => {
      invocations.push(args);
      return Promise.resolve(nextAnswer);
    },
    on: (channel: string, listener: (event: unknown, payload: unknown) => void) => {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
    },
    removeListener: (channel: string, listener: (event: unknown, payload: unknown) => void) =>
      listeners.get(channel)?.delete(listener),
  },
}));

await import('../../../../electron/preload/index');
const { IPC_CONTRACT_VERSION } = await import('../../../../shared/ipc/contract');
const api = exposed.get('dreamboard') as DesktopApi;

const fromMain = (channel: string, payload: unknown) => {
  for (const listener of listeners.get(channel) ?? []) listener({ sender: 'ipcRenderer itself' }, payload);
};

describe('window.dreamboard', () => {
  it('exposes exactly the contract’s functions and nothing of ipcRenderer', () => {
    expect([...exposed.keys()]).toEqual(['dreamboard']);
    expect(Object.keys(api).sort()).toEqual([
      'acknowledgeFlush',
      'closeWorkshop',
      'contractVersion',
      'createWorkshop',
      'createWorkshopFromState',
      'forgetRecentWorkshop',
      'getAppInfo',
      'loadWorkshopHistory',
      'onFlushRequested',
      'onJoinLinkRequested',
      'onMenuAction',
      'onOpenRequested',
      'onSaveState',
      'openDroppedFile',
      'openExternal',
      'openRecentWorkshop',
      'openWorkshopDialog',
      'performNativeEdit',
      'recentWorkshops',
      'recordUpdate',
      'renameWorkshop',
      'saveExport',
      'saveWorkshopAs',
      'setWindowTitle',
      'startRoomServer',
      'stopRoomServer',
      'takeJoinLinks',
      'takeOpenRequests',
      'workshopHistory',
    ]);
    expect(api.contractVersion).toBe(IPC_CONTRACT_VERSION);
    for (const value of Object.values(api)) if (typeof value === 'object') expect(value).toBeNull();
  });

  it('calls request-less channels with no argument and others with exactly one', async () => {
    nextAnswer = { ok: true, value: { version: '0.1.0', platform: 'linux' } };
    await api.getAppInfo();
    nextAnswer = { ok: true, value: null };
    await api.setWindowTitle({ title: 'A', savedState: 'saved' });
    expect(invocations.slice(-2)).toEqual([
      ['app:info'],
      ['window:set-title', { title: 'A', savedState: 'saved' }],
    ]);
  });

  it('sends a joined workshop’s state and title to main as they are', async () => {
    nextAnswer = { ok: true, value: { kind: 'cancelled' } };
    const state = new Uint8Array([1, 2, 3]);
    await api.createWorkshopFromState({ state, title: 'Homecare plan' });
    expect(invocations.at(-1)).toEqual(['workshops:create-from-state', { state, title: 'Homecare plan' }]);
  });

  it('turns an off-contract answer from main into an invalid-response error', async () => {
    nextAnswer = { ok: true, value: { version: 12 } };
    await expect(api.getAppInfo()).resolves.toMatchObject({ ok: false, error: { code: 'invalid-response' } });
  });

  it('delivers valid menu actions without the Electron event, ignores invalid ones, and unsubscribes', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const received: unknown[][] = [];
    const unsubscribe = api.onMenuAction((...args) => received.push(args));
    fromMain('menu:action', { actionId: 'edit.undo' });
    fromMain('menu:action', { actionId: 'rm -rf' });
    fromMain('menu:action', 'edit.undo');
    expect(received).toEqual([['edit.undo']]);
    unsubscribe();
    fromMain('menu:action', { actionId: 'edit.redo' });
    expect(received).toHaveLength(1);
  });

  it('sends a dropped file’s path to main itself, so the page never holds it', async () => {
    const onDisk = { name: 'Plan.dreamboard', size: 10 };
    droppedPaths.set(onDisk, '/home/sam/Plan.dreamboard');
    nextAnswer = { ok: true, value: { kind: 'cancelled' } };
    await expect(api.openDroppedFile(onDisk)).resolves.toEqual({ ok: true, value: { kind: 'cancelled' } });
    expect(invocations.at(-1)).toEqual(['workshops:open-path', { path: '/home/sam/Plan.dreamboard' }]);
  });

  it('refuses files built in script and things that are not files, without asking main', async () => {
    const before = invocations.length;
    const built = { name: 'fake.dreamboard', size: 1 };
    droppedPaths.set(built, '');
    await expect(api.openDroppedFile(built)).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    await expect(api.openDroppedFile({ name: 'x', size: 0 })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect(invocations.length).toBe(before);
  });

  it('sends updates as bytes with their handle', async () => {
    nextAnswer = { ok: true, value: null };
    await api.recordUpdate('c'.repeat(32), new Uint8Array([1, 2]));
    expect(invocations.at(-1)).toEqual([
      'workshops:record',
      { handle: 'c'.repeat(32), update: new Uint8Array([1, 2]) },
    ]);
  });
});
