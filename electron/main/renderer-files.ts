/**
 * Maps an app://dreamboard/… request to a file under dist/renderer. Pure (no 'electron') so the
 * path-traversal cases are unit-tested. Threat: a request such as app://dreamboard/..%2f..%2fetc
 * reading files outside the bundle — a renderer compromised by malicious document content could
 * otherwise read the user's files through our own protocol handler.
 */
import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin';
import { CONTENT_SECURITY_POLICY } from './csp';

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers on every app:// response. nosniff stops a mislabelled file being run as script. */
export function responseHeadersFor(filePath: string): Record<string, string> {
  return {
    'Content-Type': mimeTypeFor(filePath),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  };
}

export type RendererFileResolution =
  | { readonly ok: true; readonly filePath: string }
  | { readonly ok: false; readonly status: 400 | 403 | 404; readonly reason: string };

const refuse = (status: 400 | 403 | 404, reason: string): RendererFileResolution => ({
  ok: false,
  status,
  reason,
});

/**
 * @param requestUrl the full request URL as Electron gives it
 * @param rootDir absolute path of dist/renderer
 */
export function resolveRendererFile(requestUrl: string, rootDir: string): RendererFileResolution {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return refuse(400, 'URL does not parse');
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST)
    return refuse(404, `not an ${APP_SCHEME}://${APP_HOST} URL`);
  if (url.username !== '' || url.password !== '') return refuse(400, 'URL carries credentials');

  // Check the raw path as well as the decoded one: an encoded separator or dot segment that
  // survives URL parsing would only appear after decoding.
  const rawPath = url.pathname;
  // Our bundle's file names never contain an encoded separator; one in a request is an attempt
  // to smuggle a path boundary past the segment checks below.
  if (/%2f|%5c/i.test(rawPath)) return refuse(400, 'path contains an encoded separator');
  let decodedPath: string;
  try {
    decodedPath = decodeURIComponent(rawPath);
  } catch {
    return refuse(400, 'path has malformed percent-encoding');
  }
  for (const candidate of [rawPath, decodedPath]) {
    if (candidate.includes('\0')) return refuse(400, 'path contains a null byte');
    if (candidate.includes('\\')) return refuse(400, 'path contains a backslash');
  }
  const segments = decodedPath.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '.' || segment === '..'))
    return refuse(403, 'path contains a dot segment');
  // A colon in a segment would be a drive letter or an alternate data stream on Windows.
  if (segments.some((segment) => segment.includes(':'))) return refuse(403, 'path contains a colon');

  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, relative);
  const fromRoot = path.relative(root, filePath);
  if (fromRoot === '' || fromRoot.startsWith('..') || path.isAbsolute(fromRoot))
    return refuse(403, 'path leaves the renderer folder');
  return { ok: true, filePath };
}
