/**
 * Serves dist/renderer on app://dreamboard/. A privileged standard scheme (rather than file://)
 * gives the page a real origin for CSP 'self', keeps file:// privileges off, and lets every
 * response carry our security headers. Path resolution lives in renderer-files.ts (tested).
 */
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME } from './app-origin';
import { CONTENT_SECURITY_POLICY } from './csp';
import { resolveRendererFile, responseHeadersFor } from './renderer-files';

const logProtocol = (message: string) => console.warn(`[protocol] ${message}`);

/** Must run before app ready: Chromium fixes scheme privileges at startup. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

function plainResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

const isMissingFile = (error: unknown) =>
  typeof error === 'object' &&
  error !== null &&
  'code' in error &&
  (error.code === 'ENOENT' || error.code === 'EISDIR' || error.code === 'ENOTDIR');

/** Call after app ready. `rootDir` is the absolute path of dist/renderer. */
export function serveRenderer(rootDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    // The bundle is read-only; anything but GET/HEAD is a page doing something it should not.
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return plainResponse(405, 'Method not allowed');
    const resolution = resolveRendererFile(request.url, rootDir);
    if (!resolution.ok) {
      logProtocol(`refused ${request.url}: ${resolution.reason}`);
      return plainResponse(resolution.status, 'Not found');
    }
    try {
      const body = await readFile(resolution.filePath);
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
        headers: responseHeadersFor(resolution.filePath),
      });
    } catch (error) {
      if (isMissingFile(error)) return plainResponse(404, 'Not found');
      logProtocol(`could not read ${resolution.filePath}: ${String(error)}`);
      return plainResponse(500, 'Could not read app file');
    }
  });
}
