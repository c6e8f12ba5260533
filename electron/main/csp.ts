/**
 * The Content Security Policy sent with every app:// response (and, as a meta tag, in the built
 * index.html). Each directive's reason is in docs/security.md; the short version:
 * - script-src 'self' with no 'unsafe-eval'/'unsafe-inline': injected markup (a card title, a
 *   peer's name) can never become script.
 * - style-src allows 'unsafe-inline' because React's `style` props and Konva's DOM container set
 *   inline styles; styles cannot run script, and everything else is locked down.
 * - connect-src adds ws:/wss: for y-webrtc signaling: servers are on the local network (in-room
 *   sessions) or configured per organisation, so their hosts are not known when the app is built.
 *   WebRTC data channels themselves are not governed by CSP.
 */
export const CONTENT_SECURITY_POLICY_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self'"],
  ['connect-src', "'self' ws: wss:"],
  ['worker-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['frame-ancestors', "'none'"],
  ['form-action', "'none'"],
];

export const CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY_DIRECTIVES.map(
  ([name, value]) => `${name} ${value}`,
).join('; ');
