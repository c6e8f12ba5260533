/**
 * Who may call main over IPC. Pure (no 'electron' import) so the accept and reject paths are
 * unit-tested: GitHub Desktop once shipped an inverted sender check, and only a test of the
 * rejection path catches that.
 */

/** What main knows about the frame that sent an IPC message. */
export interface SenderFacts {
  /** URL of the sending frame, or null when the frame has gone (navigated away or destroyed). */
  readonly frameUrl: string | null;
  /** False for iframes: an embedded page must never reach the desktop API. */
  readonly isMainFrame: boolean;
  /** The web contents belong to a window this app created (not devtools, not a stray view). */
  readonly isOurWindow: boolean;
}

export type SenderVerdict = { readonly trusted: true } | { readonly trusted: false; readonly reason: string };

/**
 * The origin our UI is served from: `app://dreamboard` in production, the loopback dev server in
 * development. Compared by scheme and host (with port), since `app:` URLs have an opaque origin.
 */
export interface TrustedOrigin {
  readonly protocol: string;
  readonly host: string;
}

export function trustedOriginOf(url: string): TrustedOrigin {
  const parsed = new URL(url);
  return { protocol: parsed.protocol, host: parsed.host };
}

export function checkSender(facts: SenderFacts, trusted: TrustedOrigin): SenderVerdict {
  if (!facts.isOurWindow) return { trusted: false, reason: 'sender is not one of our windows' };
  if (!facts.isMainFrame) return { trusted: false, reason: 'sender is a subframe' };
  if (facts.frameUrl === null) return { trusted: false, reason: 'sender frame is gone' };
  let url: URL;
  try {
    url = new URL(facts.frameUrl);
  } catch {
    return { trusted: false, reason: 'sender URL does not parse' };
  }
  if (url.protocol !== trusted.protocol || url.host !== trusted.host) {
    return {
      trusted: false,
      reason: `sender origin ${url.protocol}//${url.host} is not ${trusted.protocol}//${trusted.host}`,
    };
  }
  // Basic-auth style credentials have no place in our URLs; refuse rather than reason about them.
  if (url.username !== '' || url.password !== '')
    return { trusted: false, reason: 'sender URL carries credentials' };
  return { trusted: true };
}
