/** The privileged scheme and host our UI is served from. One place, so checks cannot drift. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'dreamboard';
export const APP_ORIGIN_URL = `${APP_SCHEME}://${APP_HOST}/`;
export const APP_ENTRY_URL = `${APP_ORIGIN_URL}index.html`;
