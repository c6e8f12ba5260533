import { describe, expect, it } from 'vitest';
import { checkSender, trustedOriginOf, type SenderFacts } from '../../../../electron/main/sender-check';

const appOrigin = trustedOriginOf('app://dreamboard/index.html');
const devOrigin = trustedOriginOf('http://127.0.0.1:5173/');

const fromOurPage = (frameUrl: string | null, overrides: Partial<SenderFacts> = {}): SenderFacts => ({
  frameUrl,
  isMainFrame: true,
  isOurWindow: true,
  ...overrides,
});

describe('the IPC sender check', () => {
  it('trusts the main frame of our window on app://dreamboard', () => {
    expect(checkSender(fromOurPage('app://dreamboard/index.html'), appOrigin)).toEqual({ trusted: true });
    expect(checkSender(fromOurPage('app://dreamboard/'), appOrigin)).toEqual({ trusted: true });
  });

  it('trusts the loopback dev server only when that is the configured origin', () => {
    expect(checkSender(fromOurPage('http://127.0.0.1:5173/'), devOrigin)).toEqual({ trusted: true });
    expect(checkSender(fromOurPage('http://127.0.0.1:5173/'), appOrigin).trusted).toBe(false);
    expect(checkSender(fromOurPage('http://127.0.0.1:5174/'), devOrigin).trusted).toBe(false);
  });

  it.each([
    ['another https site', 'https://evil.example/'],
    ['another app:// host', 'app://evil/index.html'],
    ['a look-alike host', 'app://dreamboard.evil/index.html'],
    ['a file URL', 'file:///home/user/dist/renderer/index.html'],
    ['devtools', 'devtools://devtools/bundled/devtools_app.html'],
    ['about:blank', 'about:blank'],
    ['a data URL', 'data:text/html,<script>1</script>'],
    ['credentials in the URL', 'app://user:pass@dreamboard/index.html'],
    ['a URL that does not parse', 'not a url'],
  ])('refuses a main frame on %s', (_case, url) => {
    const verdict = checkSender(fromOurPage(url), appOrigin);
    expect(verdict.trusted).toBe(false);
  });

  it('refuses a subframe even on our origin', () => {
    expect(
      checkSender(fromOurPage('app://dreamboard/index.html', { isMainFrame: false }), appOrigin),
    ).toEqual({
      trusted: false,
      reason: 'sender is a subframe',
    });
  });

  it('refuses a web contents that is not one of our windows even on our origin', () => {
    expect(
      checkSender(fromOurPage('app://dreamboard/index.html', { isOurWindow: false }), appOrigin),
    ).toEqual({
      trusted: false,
      reason: 'sender is not one of our windows',
    });
  });

  it('refuses a sender whose frame has gone', () => {
    expect(checkSender(fromOurPage(null), appOrigin)).toEqual({
      trusted: false,
      reason: 'sender frame is gone',
    });
  });
});
