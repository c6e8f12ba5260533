/** Join links from the operating system: extraction from argv / open-url, and the inbox. */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JoinLinkInbox, joinLinkFromUrl, joinLinksInArgs } from '../../../../electron/live/join-links';
import { formatJoinCode, joinLink, type JoinCodeParts, type SessionSecret } from '../../../../shared/live';
import { hostileStringArb } from '../../shared/live/arbitraries';

const parts: JoinCodeParts = {
  secret: 'ABCDEFGHJKMNPQRSTVWX' as SessionSecret,
  signal: { host: '192.168.1.20', port: 50000 },
};
const link = joinLink(parts);
const code = formatJoinCode(parts);
/** The same code with one symbol changed: the check symbols catch it as a typo. */
const typoLink = link.replace(/-(.)/, (_m, c: string) => `-${c === '0' ? '1' : '0'}`);

describe('joinLinksInArgs', () => {
  it('finds the link in a first or second launch, among Chromium switches and files', () => {
    expect(joinLinksInArgs(['/opt/Dreamboard/dreamboard', link])).toEqual([link]);
    expect(
      joinLinksInArgs([
        'C:\\Program Files\\Dreamboard\\Dreamboard.exe',
        '--allow-file-access-from-files',
        'plan.dreamboard',
        `${link}/`,
      ]),
    ).toEqual([`${link}/`]);
  });

  it('accepts what some systems do to the case', () => {
    expect(joinLinksInArgs(['app', link.toUpperCase()])).toEqual([link.toUpperCase()]);
  });

  it('passes on a link whose code has a typo, so the person is told', () => {
    expect(typoLink).not.toBe(link);
    expect(joinLinksInArgs(['app', typoLink])).toEqual([typoLink]);
  });

  it.each([
    ['the program itself', [link]],
    ['another scheme', ['app', `https://join/${code}`]],
    ['a query', ['app', `${link}?x=1`]],
    ['a fragment', ['app', `${link}#x`]],
    ['credentials', ['app', `dreamboard://me@join/${code}`]],
    ['a percent-escape', ['app', `dreamboard://join/%41${code}`]],
    ['another host', ['app', `dreamboard://open/${code}`]],
    ['an over-long link', ['app', `dreamboard://join/${'0'.repeat(200)}`]],
    ['a code of the wrong length', ['app', 'dreamboard://join/ABCD-EFGH']],
    ['a switch', ['app', `--url=${link}`]],
  ])('ignores %s', (_case, argv) => {
    expect(joinLinksInArgs(argv)).toEqual([]);
  });

  it('keeps at most four links from one launch', () => {
    expect(joinLinksInArgs(['app', ...Array.from({ length: 50 }, () => link)])).toHaveLength(4);
  });

  it('never throws and keeps only join links, whatever argv holds', () => {
    fc.assert(
      fc.property(fc.array(hostileStringArb, { maxLength: 8 }), (argv) => {
        for (const kept of joinLinksInArgs(argv)) expect(kept).toMatch(/^dreamboard:\/\/join\//i);
      }),
    );
  });
});

describe('joinLinkFromUrl (macOS open-url)', () => {
  it('keeps a join link and drops anything else', () => {
    expect(joinLinkFromUrl(link)).toBe(link);
    expect(joinLinkFromUrl('dreamboard://settings')).toBeNull();
    expect(joinLinkFromUrl(42)).toBeNull();
  });
});

function fakeWindows(ids: number[]) {
  const notified: number[] = [];
  const focused: number[] = [];
  return {
    notified,
    focused,
    port: {
      list: () => ids,
      notify: (id: number) => notified.push(id),
      focus: (id: number) => focused.push(id),
      open: () => {
        ids.push(100 + ids.length);
        return ids.at(-1)!;
      },
    },
  };
}

describe('JoinLinkInbox', () => {
  it('holds links that arrive before main’s windows exist, for the first window that asks', () => {
    const inbox = new JoinLinkInbox();
    inbox.receive(link);
    inbox.receive(typoLink);
    inbox.attach(fakeWindows([7]).port);
    expect(inbox.take(7)).toEqual([link, typoLink]);
    expect(inbox.take(7)).toEqual([]);
  });

  it('opens a window for a link when none is open (macOS keeps running without windows)', () => {
    const inbox = new JoinLinkInbox();
    const windows = fakeWindows([]);
    inbox.attach(windows.port);
    inbox.receive(typoLink);
    expect(windows.notified).toEqual([100]);
    expect(inbox.take(100)).toEqual([typoLink]);
  });

  it('gives a link to the focused window, brings it forward and tells it', () => {
    const inbox = new JoinLinkInbox();
    const windows = fakeWindows([3, 1]);
    inbox.attach(windows.port);
    inbox.receive(link);
    expect(windows.focused).toEqual([3]);
    expect(windows.notified).toEqual([3]);
    expect(inbox.take(1)).toEqual([]);
    expect(inbox.take(3)).toEqual([link]);
  });

  it('drops what is not a join link, and a closed window’s links', () => {
    const inbox = new JoinLinkInbox();
    const windows = fakeWindows([3]);
    inbox.attach(windows.port);
    inbox.receive('javascript:alert(1)');
    expect(windows.notified).toEqual([]);
    inbox.receive(link);
    inbox.forget(3);
    expect(inbox.take(3)).toEqual([]);
  });

  it('keeps only the latest eight waiting links', () => {
    const inbox = new JoinLinkInbox();
    for (let i = 0; i < 20; i++) inbox.receive(i === 19 ? typoLink : link);
    const taken = inbox.take(1);
    expect(taken).toHaveLength(8);
    expect(taken.at(-1)).toBe(typoLink);
  });
});
