/**
 * The electron-importing glue, run under Node with a stand-in for the 'electron' module (the real
 * binary cannot run here). Checks that the facts ipc.ts reads from Electron's event reach the
 * sender check the right way round, and that events to the renderer are validated.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const registered = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, listener: (event: unknown, ...args: unknown[]) => Promise<unknown>) =>
      registered.set(channel, listener),
  },
}));

const { createIpc } = await import('../../../../electron/main/ipc');
const { trustedOriginOf } = await import('../../../../electron/main/sender-check');

interface FakeContents {
  id: number;
  mainFrame: unknown;
  sent: unknown[][];
  isDestroyed(): boolean;
  send(...args: unknown[]): void;
}

function fakeContents(id: number, url: string): FakeContents {
  const mainFrame = { url, parent: null };
  return {
    id,
    mainFrame,
    sent: [],
    isDestroyed: () => false,
    send(...args) {
      this.sent.push(args);
    },
  };
}

const ours = fakeContents(1, 'app://dreamboard/index.html');
const stranger = fakeContents(2, 'app://dreamboard/index.html');
const ipc = createIpc({
  trustedOrigin: trustedOriginOf('app://dreamboard/'),
  isOurWebContents: (contents) => contents.id === ours.id,
});
ipc.handle('app:info', () => ({ version: '0.1.0', platform: 'linux' }));
const invokeAppInfo = registered.get('app:info')!;

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('ipc.handle with Electron events', () => {
  it('answers the main frame of our window', async () => {
    await expect(invokeAppInfo({ sender: ours, senderFrame: ours.mainFrame })).resolves.toEqual({
      ok: true,
      value: { version: '0.1.0', platform: 'linux' },
    });
  });

  it('refuses a subframe of our window', async () => {
    const subframe = { url: 'app://dreamboard/index.html', parent: ours.mainFrame };
    await expect(invokeAppInfo({ sender: ours, senderFrame: subframe })).resolves.toMatchObject({
      ok: false,
      error: { code: 'untrusted-sender' },
    });
  });

  it('refuses a frame that is not the web contents’ own main frame', async () => {
    const detached = { url: 'app://dreamboard/index.html', parent: null };
    await expect(invokeAppInfo({ sender: ours, senderFrame: detached })).resolves.toMatchObject({
      ok: false,
      error: { code: 'untrusted-sender' },
    });
  });

  it('refuses web contents that are not our window', async () => {
    await expect(invokeAppInfo({ sender: stranger, senderFrame: stranger.mainFrame })).resolves.toMatchObject(
      { ok: false, error: { code: 'untrusted-sender' } },
    );
  });

  it('refuses when the sending frame is gone', async () => {
    await expect(invokeAppInfo({ sender: ours, senderFrame: null })).resolves.toMatchObject({
      ok: false,
      error: { code: 'untrusted-sender' },
    });
  });

  it('refuses our window once it has navigated elsewhere', async () => {
    const navigated = fakeContents(1, 'https://evil.example/');
    await expect(
      invokeAppInfo({ sender: navigated, senderFrame: navigated.mainFrame }),
    ).resolves.toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
  });
});

describe('ipc.send', () => {
  it('sends a valid menu action to our window', () => {
    ipc.send(ours as never, 'menu:action', { actionId: 'edit.undo' });
    expect(ours.sent).toEqual([['menu:action', { actionId: 'edit.undo' }]]);
  });

  it('drops an invalid payload and anything addressed to other web contents', () => {
    ipc.send(ours as never, 'menu:action', { actionId: 'not.an.action' } as never);
    ipc.send(stranger as never, 'menu:action', { actionId: 'edit.undo' });
    expect(ours.sent).toHaveLength(1);
    expect(stranger.sent).toEqual([]);
  });
});
