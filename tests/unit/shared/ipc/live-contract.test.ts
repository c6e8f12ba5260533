/** The live-session IPC channels: what main accepts from the renderer and what the preload accepts from main. */
import { describe, expect, it } from 'vitest';
import { checkEventPayload, checkRequest, checkResponse } from '../../../../shared/ipc/validate';
import { joinLink, type SessionSecret } from '../../../../shared/live';

const link = joinLink({ secret: 'ABCDEFGHJKMNPQRSTVWX' as SessionSecret, signal: null });

describe('live:start-room-server', () => {
  it.each([0, 1024, 4444, 65535])('accepts port %d', (port) => {
    expect(checkRequest('live:start-room-server', [{ port }]).ok).toBe(true);
  });

  it.each([
    [{ port: 80 }],
    [{ port: 65536 }],
    [{ port: 4444.5 }],
    [{ port: '4444' }],
    [{}],
    [null],
    [undefined],
  ])('refuses %j', (payload) => {
    expect(checkRequest('live:start-room-server', [payload]).ok).toBe(false);
  });

  it('answers a running server or a message, nothing else', () => {
    expect(
      checkResponse('live:start-room-server', { ok: true, port: 4444, hosts: ['192.168.1.20'] }).ok,
    ).toBe(true);
    expect(checkResponse('live:start-room-server', { ok: false, message: 'Port 4444 is in use.' }).ok).toBe(
      true,
    );
    expect(checkResponse('live:start-room-server', { ok: true, port: 4444, hosts: [] }).ok).toBe(false);
    expect(
      checkResponse('live:start-room-server', { ok: true, port: 4444, hosts: ['evil.example'] }).ok,
    ).toBe(false);
    expect(checkResponse('live:start-room-server', { ok: false, message: '' }).ok).toBe(false);
  });
});

describe('join links', () => {
  it('lets only join links through from main', () => {
    expect(checkResponse('live:take-join-links', [link]).ok).toBe(true);
    expect(checkResponse('live:take-join-links', ['https://evil.example/']).ok).toBe(false);
    expect(
      checkResponse(
        'live:take-join-links',
        Array.from({ length: 9 }, () => link),
      ).ok,
    ).toBe(false);
    expect(checkEventPayload('live:join-link-requested', null).ok).toBe(true);
    expect(checkEventPayload('live:join-link-requested', link).ok).toBe(false);
  });

  it('takes no argument for stop and take', () => {
    expect(checkRequest('live:stop-room-server', []).ok).toBe(true);
    expect(checkRequest('live:stop-room-server', [{ port: 1 }]).ok).toBe(false);
    expect(checkRequest('live:take-join-links', []).ok).toBe(true);
  });
});
