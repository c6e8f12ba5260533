import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../../electron/main/csp';
import {
  mimeTypeFor,
  resolveRendererFile,
  responseHeadersFor,
} from '../../../../electron/main/renderer-files';

const root = path.resolve('/opt/dreamboard/dist/renderer');

describe('serving app://dreamboard from dist/renderer', () => {
  it('serves index.html for the root', () => {
    expect(resolveRendererFile('app://dreamboard/', root)).toEqual({
      ok: true,
      filePath: path.join(root, 'index.html'),
    });
    expect(resolveRendererFile('app://dreamboard', root)).toEqual({
      ok: true,
      filePath: path.join(root, 'index.html'),
    });
  });

  it('serves files inside the bundle, decoding percent-encoded names', () => {
    expect(resolveRendererFile('app://dreamboard/assets/index-abc123.js', root)).toEqual({
      ok: true,
      filePath: path.join(root, 'assets', 'index-abc123.js'),
    });
    expect(resolveRendererFile('app://dreamboard/assets/My%20Icon.svg', root)).toEqual({
      ok: true,
      filePath: path.join(root, 'assets', 'My Icon.svg'),
    });
  });

  it('ignores the query string and fragment', () => {
    expect(resolveRendererFile('app://dreamboard/index.html?x=1#top', root)).toEqual({
      ok: true,
      filePath: path.join(root, 'index.html'),
    });
  });

  it.each([
    ['an encoded slash with dot-dot', 'app://dreamboard/assets/..%2f..%2f..%2fetc%2fpasswd'],
    ['an encoded absolute path', 'app://dreamboard/%2fetc%2fpasswd'],
    ['a Windows drive path', 'app://dreamboard/C:/Windows/win.ini'],
    ['an encoded Windows drive path', 'app://dreamboard/C%3a%5cWindows%5cwin.ini'],
    ['an encoded null byte', 'app://dreamboard/index.html%00.png'],
    ['an encoded backslash traversal', 'app://dreamboard/..%5c..%5cetc%5cpasswd'],
    ['a backslash', 'app://dreamboard/assets\\..\\..\\secret'],
    ['malformed percent-encoding', 'app://dreamboard/%E0%A4%A'],
    ['another host', 'app://evil/index.html'],
    ['another scheme', 'file:///etc/passwd'],
    ['credentials', 'app://me:pw@dreamboard/index.html'],
    ['a URL that does not parse', '::::'],
  ])('refuses %s', (_case, url) => {
    const result = resolveRendererFile(url, root);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect([400, 403, 404]).toContain(result.status);
      expect(result.reason.length).toBeGreaterThan(0);
    }
  });

  // URL parsing (Node's and Chromium's alike) folds these dot segments before the handler sees
  // them; whatever is left must still point inside the bundle.
  it.each([
    ['a plain dot-dot', 'app://dreamboard/../../etc/passwd', 'etc/passwd'],
    ['an encoded dot-dot', 'app://dreamboard/%2e%2e/%2e%2e/etc/passwd', 'etc/passwd'],
    ['a mixed-case encoded dot-dot', 'app://dreamboard/%2E%2e/secret', 'secret'],
    ['a double-encoded dot-dot (a literal file name)', 'app://dreamboard/%252e%252e/x', '%2e%2e/x'],
  ])('keeps %s inside the bundle', (_case, url, inside) => {
    expect(resolveRendererFile(url, root)).toEqual({ ok: true, filePath: path.join(root, inside) });
  });

  it('refuses encoded traversal explicitly rather than by luck', () => {
    expect(resolveRendererFile('app://dreamboard/assets/..%2f..%2fsecret', root)).toMatchObject({
      ok: false,
      status: 400,
    });
    expect(resolveRendererFile('app://dreamboard/a%00b', root)).toMatchObject({ ok: false, status: 400 });
    expect(resolveRendererFile('app://dreamboard/a%5cb', root)).toMatchObject({ ok: false, status: 400 });
  });
});

describe('response headers', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/app.js', 'text/javascript; charset=utf-8'],
    ['assets/app.CSS', 'text/css; charset=utf-8'],
    ['icon.svg', 'image/svg+xml'],
    ['icon.png', 'image/png'],
    ['font.woff2', 'font/woff2'],
    ['assets/app.js.map', 'application/json; charset=utf-8'],
    ['unknown.xyz', 'application/octet-stream'],
    ['no-extension', 'application/octet-stream'],
  ])('labels %s as %s', (file, mime) => {
    expect(mimeTypeFor(file)).toBe(mime);
  });

  it('sends the CSP and nosniff with every file', () => {
    const headers = responseHeadersFor('/x/index.html');
    expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
  });
});

describe('the content security policy', () => {
  it('matches the documented policy exactly', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; " +
        "connect-src 'self' ws: wss:; worker-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
  });

  it('never allows eval or inline script', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    const scriptSrc = CONTENT_SECURITY_POLICY.split('; ').find((directive) =>
      directive.startsWith('script-src'),
    );
    expect(scriptSrc).toBe("script-src 'self'");
  });
});
