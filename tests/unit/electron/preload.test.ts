/**
 * The preload under Node with a stand-in 'electron': what crosses the bridge, and that payloads
 * from main are validated before the page sees them.
 */
import { describe, expect, it, vi } from 'vitest';
import type { DesktopApi } from '../../../shared/ipc/contract';

const exposed = new Map<string, unknown>();
const listeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>();
const invocations: unknown[][] = [];
let nextAnswer: unknown = { ok: true, value: null };

vi.mock('electron', () => ({
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
    removeListener: (channel: string, listener: (event: unknown, payload: unknown) => void) => listeners.get(channel)?.delete(listener),
  },
}));

await import('../../../electron/preload/index');
const { IPC_CONTRACT_VERSION } = await import('../../../shared/ipc/contract');
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
      'forgetRecentWorkshop',
      'getAppInfo',
      'loadWorkshopHistory',
      'onFlushRequested',
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
      'saveWorkshopAs',
      'setWindowTitle',
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
    expect(invocations.slice(-2)).toEqual([['app:info'], ['window:set-title', { title: 'A', savedState: 'saved' }]]);
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
});
