/**
 * Hardening applied to every web contents the app ever creates, in one place, via
 * app.on('web-contents-created'): windows, devtools, and anything a future feature adds.
 */
import { app, type Session, type WebContents } from 'electron';

const logSecurity = (message: string) => console.warn(`[security] ${message}`);

function denyAllPermissions(session: Session): void {
  // Threat: a compromised renderer (e.g. via malicious document content from a peer) asking for
  // camera, microphone, location, notifications, clipboard reads, HID/serial/USB and so on. The
  // app needs none of them, so every request is refused…
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    logSecurity(`refused permission request: ${permission}`);
    callback(false);
  });
  // …and every synchronous check too: without this, APIs that only *check* (navigator.permissions,
  // some clipboard and device paths) would see Electron's default grant.
  session.setPermissionCheckHandler(() => false);
  // Threat: WebHID/WebUSB/Web Serial access to devices plugged into a shared workshop laptop.
  session.setDevicePermissionHandler(() => false);
}

function hardenWebContents(contents: WebContents): void {
  // Threat: navigating our window to another page, which would then hold the preload's desktop
  // API (a link in a card, a redirect, a drag-and-drop of a URL). The app is one page; navigation
  // never has a legitimate use, so every attempt in every frame is refused.
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    logSecurity(`refused navigation to ${event.url}`);
  });
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame) return; // the main frame is already handled by will-navigate
    event.preventDefault();
    logSecurity(`refused subframe navigation to ${event.url}`);
  });
  contents.on('will-redirect', (event) => {
    event.preventDefault();
    logSecurity(`refused redirect to ${event.url}`);
  });
  // Threat: window.open / target=_blank creating a new Electron window with attacker content and
  // default web preferences. Help links go through the shell:open-external channel instead.
  contents.setWindowOpenHandler(({ url }) => {
    logSecurity(`refused new window for ${url}`);
    return { action: 'deny' };
  });
  // Threat: a <webview> (with its own, possibly Node-enabled, preferences) attached by injected
  // markup. webviewTag is off in our windows; this refuses it even if that ever changes.
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    logSecurity('refused to attach a webview');
  });
  denyAllPermissions(contents.session);
}

/** Call once, before app ready, so no web contents is ever created without it. */
export function applySecurityPolicy(): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}
