/**
 * Development mode loads the Vite dev server instead of app://. Only a loopback http URL with an
 * explicit port is accepted. Threat: an environment variable pointing the app (and its preload
 * API) at a remote page would give that page the desktop API.
 */
export type DevServerSetting =
  | { readonly mode: 'production' }
  | { readonly mode: 'development'; readonly url: string }
  | { readonly mode: 'refused'; readonly reason: string };

export const DEV_URL_VARIABLE = 'DREAMBOARD_DEV_URL';

export function readDevServerSetting(env: Readonly<Record<string, string | undefined>>): DevServerSetting {
  const value = env[DEV_URL_VARIABLE];
  if (value === undefined || value === '') return { mode: 'production' };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { mode: 'refused', reason: `${DEV_URL_VARIABLE} is not a URL` };
  }
  if (url.protocol !== 'http:' || url.hostname !== '127.0.0.1' || url.port === '') {
    return { mode: 'refused', reason: `${DEV_URL_VARIABLE} must be http://127.0.0.1:<port>` };
  }
  if (
    url.username !== '' ||
    url.password !== '' ||
    url.pathname !== '/' ||
    url.search !== '' ||
    url.hash !== ''
  ) {
    return { mode: 'refused', reason: `${DEV_URL_VARIABLE} must be just http://127.0.0.1:<port>` };
  }
  return { mode: 'development', url: url.origin + '/' };
}
