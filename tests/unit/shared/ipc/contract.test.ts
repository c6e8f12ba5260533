import { describe, expect, it } from 'vitest';
import { ACTIONS } from '../../../../shared/actions/catalog';
import { EVENT_CHANNELS, INVOKE_CHANNELS, IPC_CHANNELS } from '../../../../shared/ipc/contract';
import {
  checkEventPayload,
  checkRequest,
  checkResponse,
  readInvokeResult,
} from '../../../../shared/ipc/validate';

describe('the IPC contract', () => {
  it('declares every channel as either invoke or event, with namespaced names', () => {
    expect([...INVOKE_CHANNELS, ...EVENT_CHANNELS].sort()).toEqual(Object.keys(IPC_CHANNELS).sort());
    for (const name of Object.keys(IPC_CHANNELS)) expect(name).toMatch(/^[a-z]+:[a-z-]+$/);
  });

  it('lists the main-to-renderer events: menu actions, workshop notices and join links', () => {
    expect(EVENT_CHANNELS).toEqual([
      'menu:action',
      'workshops:save-state',
      'workshops:open-requested',
      'workshops:flush-requested',
      'live:join-link-requested',
    ]);
  });
});

describe('request validation', () => {
  it('accepts app:info with no argument and refuses any argument', () => {
    expect(checkRequest('app:info', []).ok).toBe(true);
    expect(checkRequest('app:info', [{ sneaky: true }]).ok).toBe(false);
  });

  it('refuses more than one argument on any channel', () => {
    const result = checkRequest('window:set-title', [{ title: 'A', savedState: 'saved' }, 'extra']);
    expect(result).toEqual({ ok: false, message: 'window:set-title takes at most one argument, got 2' });
  });

  it('accepts a window title up to 200 characters with a known saved state', () => {
    expect(
      checkRequest('window:set-title', [{ title: 'Homelessness dream service', savedState: 'unsaved' }]),
    ).toEqual({
      ok: true,
      value: { title: 'Homelessness dream service', savedState: 'unsaved' },
    });
    expect(checkRequest('window:set-title', [{ title: 'x'.repeat(200), savedState: 'saved' }]).ok).toBe(true);
  });

  it.each([
    ['a title over 200 characters', { title: 'x'.repeat(201), savedState: 'saved' }],
    ['an unknown saved state', { title: 'A', savedState: 'lost' }],
    ['a title with a newline', { title: 'A\nB', savedState: 'saved' }],
    ['a title with a null character', { title: 'A\u0000', savedState: 'saved' }],
    ['a title that is not a string', { title: 42, savedState: 'saved' }],
    ['a missing title', { savedState: 'saved' }],
    ['null', null],
  ])('refuses a window title request with %s', (_case, payload) => {
    const result = checkRequest('window:set-title', [payload]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message.length).toBeGreaterThan(0);
  });

  it.each([
    'https://github.com/dreamboard/dreamboard#help',
    'https://www.gov.uk/service-manual',
    'https://www.w3.org/TR/WCAG22/',
  ])('accepts the help link %s', (url) => {
    expect(checkRequest('shell:open-external', [{ url }]).ok).toBe(true);
  });

  it.each([
    ['http instead of https', 'http://github.com/'],
    ['a file URL', 'file:///etc/passwd'],
    ['a javascript URL', 'javascript:alert(1)'],
    ['a custom scheme', 'ms-msdt:/id PCWDiagnostic'],
    ['a host not on the list', 'https://evil.example/'],
    ['a subdomain of an allowed host', 'https://evil.github.com/'],
    ['an allowed host as a prefix', 'https://github.com.evil.example/'],
    ['an allowed host as credentials', 'https://github.com@evil.example/'],
    ['a backslash trick', 'https://evil.example\\@github.com/'],
    ['an over-long URL', `https://github.com/${'a'.repeat(2100)}`],
    ['not a URL', 'github.com'],
  ])('refuses a help link that is %s', (_case, url) => {
    expect(checkRequest('shell:open-external', [{ url }]).ok).toBe(false);
  });

  it('accepts only the declared native edit commands', () => {
    expect(checkRequest('edit:native', ['paste']).ok).toBe(true);
    expect(checkRequest('edit:native', ['executeJavaScript']).ok).toBe(false);
    expect(checkRequest('edit:native', []).ok).toBe(false);
  });
});

describe('response validation', () => {
  it('accepts app info with a known platform and refuses anything else', () => {
    expect(checkResponse('app:info', { version: '0.1.0', platform: 'linux' }).ok).toBe(true);
    expect(checkResponse('app:info', { version: '0.1.0', platform: 'plan9' }).ok).toBe(false);
    expect(checkResponse('app:info', { version: '', platform: 'linux' }).ok).toBe(false);
  });

  it('reads a well-formed success and a well-formed error from main', () => {
    expect(
      readInvokeResult('app:info', { ok: true, value: { version: '1.2.3', platform: 'darwin' } }),
    ).toEqual({
      ok: true,
      value: { version: '1.2.3', platform: 'darwin' },
    });
    expect(
      readInvokeResult('app:info', { ok: false, error: { code: 'untrusted-sender', message: 'no' } }),
    ).toEqual({
      ok: false,
      error: { code: 'untrusted-sender', message: 'no' },
    });
  });

  it.each([
    ['a bare value', { version: '1.2.3', platform: 'darwin' }],
    ['a success with a wrong value', { ok: true, value: { version: 3 } }],
    ['an error with an unknown code', { ok: false, error: { code: 'teapot', message: '' } }],
    ['undefined', undefined],
  ])('turns %s from main into invalid-response', (_case, raw) => {
    const result = readInvokeResult('app:info', raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('invalid-response');
  });
});

describe('event payload validation', () => {
  it('accepts every action id from the catalog', () => {
    for (const action of ACTIONS)
      expect(checkEventPayload('menu:action', { actionId: action.id }).ok).toBe(true);
  });

  it.each([
    ['an unknown id', { actionId: 'file.deleteEverything' }],
    ['a number', { actionId: 7 }],
    ['no id', {}],
    ['a bare string', 'edit.undo'],
  ])('refuses a menu action with %s', (_case, payload) => {
    expect(checkEventPayload('menu:action', payload).ok).toBe(false);
  });
});
