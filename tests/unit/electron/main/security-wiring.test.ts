/**
 * security.ts under Node with a stand-in 'electron': every web contents the app creates gets
 * navigation, new windows, webviews and permissions denied.
 */
import { describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;
const appListeners = new Map<string, Listener>();
vi.mock('electron', () => ({
  app: { on: (name: string, listener: Listener) => appListeners.set(name, listener) },
}));

const { applySecurityPolicy } = await import('../../../../electron/main/security');

function fakeContents() {
  const listeners = new Map<string, Listener>();
  const session: Record<string, Listener> = {};
  let windowOpenHandler: Listener | undefined;
  const contents = {
    on: (name: string, listener: Listener) => listeners.set(name, listener),
    setWindowOpenHandler: (handler: Listener) => {
      windowOpenHandler = handler;
    },
    session: {
      setPermissionRequestHandler: (handler: Listener) => (session.request = handler),
      setPermissionCheckHandler: (handler: Listener) => (session.check = handler),
      setDevicePermissionHandler: (handler: Listener) => (session.device = handler),
    },
  };
  return { contents, listeners, session, openWindow: (url: string) => windowOpenHandler?.({ url }) };
}

const preventable = (fields: Record<string, unknown> = {}) => {
  const event = { prevented: false, preventDefault: () => (event.prevented = true), ...fields };
  return event;
};

describe('the security policy for every web contents', () => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  applySecurityPolicy();
  const fake = fakeContents();
  appListeners.get('web-contents-created')?.({}, fake.contents);

  it('refuses navigation, subframe navigation and redirects', () => {
    for (const [name, fields] of [
      ['will-navigate', { url: 'https://evil.example/' }],
      ['will-frame-navigate', { url: 'https://evil.example/', isMainFrame: false }],
      ['will-redirect', { url: 'https://evil.example/' }],
    ] as const) {
      const event = preventable(fields);
      fake.listeners.get(name)?.(event);
      expect(event.prevented, name).toBe(true);
    }
  });

  it('refuses new windows', () => {
    expect(fake.openWindow('https://evil.example/')).toEqual({ action: 'deny' });
  });

  it('refuses to attach webviews', () => {
    const event = preventable();
    fake.listeners.get('will-attach-webview')?.(event, {}, {});
    expect(event.prevented).toBe(true);
  });

  it('refuses every permission request, check and device', () => {
    const answers: boolean[] = [];
    fake.session.request?.({}, 'media', (granted: boolean) => answers.push(granted), {});
    fake.session.request?.({}, 'clipboard-read', (granted: boolean) => answers.push(granted), {});
    expect(answers).toEqual([false, false]);
    expect(fake.session.check?.({}, 'notifications', 'app://dreamboard', {})).toBe(false);
    expect(fake.session.device?.({ deviceType: 'hid' })).toBe(false);
  });
});
