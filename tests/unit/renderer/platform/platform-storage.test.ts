import { describe, expect, it, vi } from 'vitest';
import { MAX_JOINED_STATE_BYTES, MAX_RECORD_BYTES } from '../../../../shared/ipc/workshop-schemas';
import { createElectronStorage } from '../../../../renderer/platform/electron-storage';
import type { DesktopApi } from '../../../../shared/ipc/contract';
import { fakeLiveApi } from './fake-live-api';
import { fakeWorkshopApi } from './fake-workshop-api';

const handle = 'b'.repeat(32);

function desktopWith(fake: ReturnType<typeof fakeWorkshopApi>): DesktopApi {
  return {
    ...fake.api,
    contractVersion: 2,
    getAppInfo: () => Promise.reject(new Error('unused')),
    setWindowTitle: () => Promise.reject(new Error('unused')),
    openExternal: () => Promise.reject(new Error('unused')),
    performNativeEdit: () => Promise.reject(new Error('unused')),
    onMenuAction: () => () => undefined,
    saveExport: () => Promise.reject(new Error('unused')),
    ...fakeLiveApi().api,
  };
}

const flushPromises = () => new Promise((resolve) => setImmediate(resolve));

describe('the desktop workshop storage', () => {
  it('collects open requests main queued before the app listened, and delivers them once', async () => {
    const fake = fakeWorkshopApi();
    fake.queue('takeOpenRequests', { ok: true, value: [{ kind: 'cancelled' }] });
    const storage = createElectronStorage(desktopWith(fake));
    await flushPromises();
    const seen: unknown[] = [];
    storage.onOpenRequest((o) => seen.push(o));
    expect(seen).toEqual([{ kind: 'cancelled' }]);
    fake.queue('takeOpenRequests', { ok: true, value: [{ kind: 'elsewhere' }] });
    fake.emitOpenRequested();
    await flushPromises();
    expect(seen).toEqual([{ kind: 'cancelled' }, { kind: 'elsewhere' }]);
  });

  it('answers a flush request with the same token, after the updates sent before it', async () => {
    const fake = fakeWorkshopApi();
    const storage = createElectronStorage(desktopWith(fake));
    storage.record(handle, new Uint8Array([1]));
    fake.emitFlushRequested('0123456789abcdef');
    await flushPromises();
    const names = fake.calls.map((c) => c[0]);
    expect(names.indexOf('recordUpdate')).toBeLessThan(names.indexOf('acknowledgeFlush'));
    expect(fake.calls.find((c) => c[0] === 'acknowledgeFlush')).toEqual([
      'acknowledgeFlush',
      '0123456789abcdef',
    ]);
  });

  it('shows an update too large to send as not saved instead of dropping it silently', () => {
    const fake = fakeWorkshopApi();
    const storage = createElectronStorage(desktopWith(fake));
    const states: string[] = [];
    storage.onSaveState((_h, state) => states.push(state.kind));
    storage.record(handle, new Uint8Array(MAX_RECORD_BYTES + 1));
    expect(states).toEqual(['failing']);
    expect(fake.calls.some((c) => c[0] === 'recordUpdate')).toBe(false);
  });

  it('turns a refused record into a failing save state', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const fake = fakeWorkshopApi();
    fake.queue('recordUpdate', { ok: false, error: { code: 'invalid-request', message: 'read-only' } });
    const storage = createElectronStorage(desktopWith(fake));
    const states: string[] = [];
    storage.onSaveState((_h, state) => states.push(state.kind));
    storage.record(handle, new Uint8Array([1]));
    await flushPromises();
    expect(states).toEqual(['failing']);
    vi.restoreAllMocks();
  });

  it('turns IPC failures into problems people can read, never rejections', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const fake = fakeWorkshopApi();
    fake.queue('openWorkshopDialog', {
      ok: false,
      error: { code: 'failed', message: 'workshops:open-dialog failed' },
    });
    const storage = createElectronStorage(desktopWith(fake));
    expect(await storage.openDialog()).toMatchObject({ kind: 'problem', problem: { code: 'io' } });
    expect(await storage.recent()).toEqual([]);
    vi.restoreAllMocks();
  });

  it('passes save states from main through to listeners', () => {
    const fake = fakeWorkshopApi();
    const storage = createElectronStorage(desktopWith(fake));
    const seen: unknown[] = [];
    const stop = storage.onSaveState((h, state) => seen.push([h, state.kind]));
    fake.emitSaveState({ handle, state: { kind: 'saving' } });
    stop();
    fake.emitSaveState({ handle, state: { kind: 'unsaved' } });
    expect(seen).toEqual([[handle, 'saving']]);
  });

  it('sends a joined workshop to main, and refuses one over 32 MiB itself, in plain words', async () => {
    const fake = fakeWorkshopApi();
    const storage = createElectronStorage(desktopWith(fake));
    const state = new Uint8Array([1, 2]);
    await storage.createFromState(state, 'Homecare plan');
    expect(fake.calls.at(-1)).toEqual(['createWorkshopFromState', { state, title: 'Homecare plan' }]);
    await storage.createFromState(state, 'x'.repeat(300));
    expect(fake.calls.at(-1)).toEqual(['createWorkshopFromState', { state, title: 'x'.repeat(200) }]);

    const calls = fake.calls.length;
    expect(await storage.createFromState(new Uint8Array(MAX_JOINED_STATE_BYTES + 1), 'Plan')).toEqual({
      kind: 'problem',
      problem: {
        code: 'too-large',
        message: 'The workshop could not be saved: what arrived from the session could not be read.',
      },
    });
    expect(fake.calls).toHaveLength(calls);
  });
});
