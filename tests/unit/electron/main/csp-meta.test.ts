import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY_DIRECTIVES } from '../../../../electron/main/csp';

// frame-ancestors is ignored in a <meta> policy (browsers warn), so only the header carries it.
const HEADER_ONLY = new Set(['frame-ancestors']);

function metaPolicy(html: string): Map<string, string> {
  const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
  if (match?.[1] === undefined) return new Map();
  return new Map(
    match[1]
      .split(';')
      .map((directive) => directive.trim())
      .filter((directive) => directive !== '')
      .map((directive) => {
        const [name = '', ...values] = directive.split(/\s+/);
        return [name, values.join(' ')] as const;
      }),
  );
}

describe('the CSP meta tag in renderer/index.html', () => {
  const meta = metaPolicy(readFileSync('renderer/index.html', 'utf8'));
  const header = new Map(CONTENT_SECURITY_POLICY_DIRECTIVES);

  it('exists, so `npm run web` and the e2e tests run under the same policy as the app', () => {
    expect(meta.size).toBeGreaterThan(0);
  });

  it('says nothing the app:// header does not say', () => {
    for (const [name, value] of meta)
      expect(`${name} ${value}`).toBe(`${name} ${header.get(name) ?? '(not in header)'}`);
  });

  it('keeps the directives that stop script injection', () => {
    for (const name of ['default-src', 'script-src', 'object-src', 'base-uri'])
      expect(meta.get(name)).toBe(header.get(name));
    expect([...meta.keys()].some((name) => HEADER_ONLY.has(name))).toBe(false);
  });
});

describe('connect-src for live sessions', () => {
  // Signaling servers are chosen at run time (the facilitator's computer, an organisation's
  // server), so WebSockets may go anywhere; nothing else may (docs/security.md §8).
  it('allows WebSockets and nothing else beyond the app itself, in the header and the meta tag', () => {
    const header = new Map(CONTENT_SECURITY_POLICY_DIRECTIVES);
    const meta = metaPolicy(readFileSync('renderer/index.html', 'utf8'));
    for (const policy of [header, meta]) expect(policy.get('connect-src')).toBe("'self' ws: wss:");
  });
});
