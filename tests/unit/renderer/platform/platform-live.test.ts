/** Platform.live on both platforms: the in-room server calls never reject, join links queue. */
import { describe, expect, it, vi } from 'vitest';
import { createBrowserLive, joinLinkInPageUrl } from '../../../../renderer/platform/live-browser';
import { createDesktopLive } from '../../../../renderer/platform/live-desktop';
import { formatJoinCode, joinLink, type JoinCodeParts, type SessionSecret } from '../../../../shared/live';
import type { DesktopApi } from '../../../../shared/ipc/contract';
import { fakeLiveApi } from './fake-live-api';

const parts: JoinCodeParts = {
  secret: 'ABCDEFGHJKMNPQRSTVWX' as SessionSecret,
  signal: { host: '192.168.1.20', port: 50000 },
};
const link = joinLink(parts);
const code = formatJoinCode(parts);
const flushPromises = () => new Promise((resolve) => setImmediate(resolve));

function desktopWith(fake: ReturnType<typeof fakeLiveApi>): DesktopApi {
  return fake.api as unknown as DesktopApi;
}

describe('the desktop live platform', () => {
  it('starts the room server through main and passes its answer on', async () => {
    const fake = fakeLiveApi();
    const live = createDesktopLive(desktopWith(fake));
    await expect(live.startRoomServer(4444)).resolves.toEqual({
      ok: true,
      port: 4444,
      hosts: ['192.168.1.20'],
    });
    fake.answerStart({
      ok: true,
      value: {
        ok: false,
        message:
          'Port 4444 is in use on this computer. Choose another port in Settings, or 0 for any free port.',
      },
    });
    await expect(live.startRoomServer(4444)).resolves.toMatchObject({
      ok: false,
      message: /^Port 4444 is in use/,
    });
    await live.stopRoomServer();
    expect(fake.calls).toContainEqual(['stopRoomServer']);
  });

  it('never rejects: refusals and failures become plain messages', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const fake = fakeLiveApi();
    const live = createDesktopLive(desktopWith(fake));
    fake.answerStart({ ok: false, error: { code: 'failed', message: 'boom' } });
    await expect(live.startRoomServer(0)).resolves.toMatchObject({
      ok: false,
      message: /^Could not start the session server: /,
    });
    fake.answerStart(new Error('bridge gone'));
    await expect(live.startRoomServer(0)).resolves.toMatchObject({ ok: false });
    const calls = fake.calls.length;
    await expect(live.startRoomServer(80)).resolves.toMatchObject({ ok: false, message: /1024 to 65535/ });
    expect(fake.calls).toHaveLength(calls); // refused without asking main
  });

  it('delivers links main held before the page loaded, once the live UI listens', async () => {
    const fake = fakeLiveApi();
    fake.holdLink(link);
    const live = createDesktopLive(desktopWith(fake));
    await flushPromises();
    const seen: string[] = [];
    const stop = live.onJoinLink((l) => seen.push(l));
    expect(seen).toEqual([link]);
    fake.sendLink(`${link}/`);
    await flushPromises();
    expect(seen).toEqual([link, `${link}/`]);
    stop();
    fake.sendLink(link);
    await flushPromises();
    expect(seen).toHaveLength(2);
  });
});

function fakeFetch(answer: () => Promise<Response>) {
  const requests: [string, RequestInit | undefined][] = [];
  const fetch = ((input: string, init?: RequestInit) => {
    requests.push([input, init]);
    return answer();
  }) as typeof globalThis.fetch;
  return { fetch, requests };
}

const json = (value: unknown, status = 200) =>
  Promise.resolve(
    new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json' } }),
  );

describe('the browser live platform', () => {
  const page = 'http://127.0.0.1:4173/';

  it('asks the page’s web server for the room server', async () => {
    const server = fakeFetch(() => json({ ok: true, port: 4444, hosts: ['127.0.0.1'] }));
    const live = createBrowserLive({ fetch: server.fetch, pageUrl: page, replaceUrl: () => undefined });
    await expect(live.startRoomServer(4444)).resolves.toEqual({ ok: true, port: 4444, hosts: ['127.0.0.1'] });
    const [path, init] = server.requests[0]!;
    expect(path).toBe('/__dreamboard/room-server');
    expect(init).toMatchObject({ method: 'POST', body: '{"port":4444}' });
    await live.stopRoomServer();
    expect(server.requests[1]?.[0]).toBe('/__dreamboard/room-server/stop');
  });

  it.each([
    ['no such endpoint', () => Promise.resolve(new Response('not found', { status: 404 }))],
    ['a network failure', () => Promise.reject(new TypeError('Failed to fetch'))],
    ['an answer off the contract', () => json({ ok: true, port: 'many' })],
    ['not JSON', () => Promise.resolve(new Response('<html>', { status: 200 }))],
  ])('turns %s into a plain message, never a rejection', async (_case, answer) => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const live = createBrowserLive({
      fetch: fakeFetch(answer).fetch,
      pageUrl: page,
      replaceUrl: () => undefined,
    });
    const outcome = await live.startRoomServer(0);
    expect(outcome).toMatchObject({ ok: false, message: /^Could not start the session server: / });
    await expect(live.stopRoomServer()).resolves.toBeUndefined();
  });

  it('reads a join code handed over in the page address once, and takes it out of the address', () => {
    const replaced: string[] = [];
    const live = createBrowserLive({
      fetch: fakeFetch(() => json({})).fetch,
      pageUrl: `${page}?join=${encodeURIComponent(code)}#board`,
      replaceUrl: (url) => replaced.push(url),
    });
    const seen: string[] = [];
    live.onJoinLink((l) => seen.push(l));
    live.onJoinLink((l) => seen.push(l));
    expect(seen).toEqual([link]);
    expect(replaced).toEqual([`${page}#board`]);
  });
});

describe('joinLinkInPageUrl', () => {
  it('takes a link after #join= or a code after ?join=', () => {
    expect(joinLinkInPageUrl(`http://127.0.0.1:4173/#join=${encodeURIComponent(link)}`)).toBe(link);
    expect(joinLinkInPageUrl(`http://127.0.0.1:4173/#join=${link}`)).toBe(link);
    expect(joinLinkInPageUrl(`http://127.0.0.1:4173/?join=${code}`)).toBe(link);
    expect(joinLinkInPageUrl(`http://127.0.0.1:4173/?join=${code.replace(/-/g, '+')}`)).toBe(
      `dreamboard://join/${code.replace(/-/g, '')}`,
    );
  });

  it.each([
    ['no code', 'http://127.0.0.1:4173/'],
    ['another scheme', `http://127.0.0.1:4173/#join=${encodeURIComponent('javascript:alert(1)')}`],
    ['a broken escape', 'http://127.0.0.1:4173/#join=%E0%A4%A'],
    ['markup', 'http://127.0.0.1:4173/?join=%3Cimg%20src%3Dx%3E'],
    ['a wrong-length code', 'http://127.0.0.1:4173/?join=ABCD'],
    ['a huge code', `http://127.0.0.1:4173/?join=${'A'.repeat(5000)}`],
    ['not a URL', 'not a url'],
  ])('ignores %s', (_case, url) => {
    expect(joinLinkInPageUrl(url)).toBeNull();
  });
});
