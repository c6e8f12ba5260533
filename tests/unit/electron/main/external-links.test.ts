import { describe, expect, it } from 'vitest';
import { checkHelpLink } from '../../../../electron/main/external-links';

describe('which help links main opens in the browser', () => {
  it('opens https links to declared hosts, in normalised form', () => {
    expect(checkHelpLink('https://www.gov.uk/service-manual')).toEqual({
      allowed: true,
      href: 'https://www.gov.uk/service-manual',
    });
    expect(checkHelpLink('https://GitHub.com/a/b?q=1#x')).toEqual({
      allowed: true,
      href: 'https://github.com/a/b?q=1#x',
    });
  });

  it.each([
    ['credentials before an allowed host', 'https://user:pass@github.com/'],
    ['a username alone', 'https://user@github.com/'],
    ['a non-default port', 'https://github.com:8443/'],
    ['http', 'http://www.gov.uk/'],
    ['a file URL', 'file:///C:/Windows/System32/calc.exe'],
    ['an smb share', 'smb://attacker/share'],
    ['a host not on the list', 'https://example.com/'],
    ['a non-string', 42],
    ['nothing', undefined],
  ])('refuses %s with a reason', (_case, url) => {
    const verdict = checkHelpLink(url);
    expect(verdict.allowed).toBe(false);
    if (!verdict.allowed) expect(verdict.reason.length).toBeGreaterThan(0);
  });
});
