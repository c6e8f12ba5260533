import { useCallback, useContext, useSyncExternalStore } from 'react';
import { Store } from '../editor/store';
import type { LiveController, LiveState, LocalPresencePatch } from '../live/types';
import { LiveContext } from '../app/live-context';
import { hasVisiblePresence } from './presence-model';

/**
 * Where the board gets live sessions from. The App provides the LiveController; outside it (the
 * benchmark page, a board mounted in tests) there is none and presence costs nothing: no layer,
 * no subscriptions.
 *
 * Test hook: with `?debug=1` in the browser build (never in the desktop app, where
 * `window.dreamboard` exists), and no controller provided yet, a stand-in controller is used whose
 * state tests set and whose published presence they read; either way the controller in use is
 * exposed as `window.dreamboardLive`. This mirrors App's `window.dreamboardDebug`.
 */
export function useLiveSource(): LiveController | null {
  const provided = useContext(LiveContext);
  const live = provided ?? debugController();
  if (live && debugging()) exposeForTests(live);
  return live;
}

/** A slice of the live state, or `fallback` without a controller; re-renders only when it changes. */
export function useLiveSlice<T>(live: LiveController | null, select: (s: LiveState) => T, fallback: T): T {
  const subscribe = useCallback((cb: () => void) => (live ? live.store.subscribe(cb) : () => {}), [live]);
  return useSyncExternalStore(subscribe, () => (live ? select(live.store.get()) : fallback));
}

export const sessionActive = (s: LiveState): boolean => s.status !== 'off';
export const presenceShown = (s: LiveState): boolean =>
  s.status !== 'off' && hasVisiblePresence(s.participants);

// ----- the ?debug=1 test hook ----------------------------------------------------------------

export interface LiveTestHook {
  readonly store: Store<LiveState>;
  /** Every presence patch the board published, oldest first (the last 500). */
  readonly published: LocalPresencePatch[];
}

declare global {
  interface Window {
    /** Only with ?debug=1 in a browser: end-to-end tests inject participants and read our presence. */
    dreamboardLive?: LiveTestHook;
  }
}

let debugFlag: boolean | undefined;
function debugging(): boolean {
  debugFlag ??=
    typeof window !== 'undefined' &&
    window.dreamboard === undefined &&
    new URLSearchParams(window.location.search).get('debug') === '1';
  return debugFlag;
}

let stub: LiveController | null = null;
function debugController(): LiveController | null {
  if (!debugging()) return null;
  stub ??= {
    store: new Store<LiveState>({
      status: 'off',
      session: null,
      participants: [],
      problem: null,
      busy: false,
    }),
    host: async () => {},
    join: async () => {},
    leave: async () => {},
    setLocalPresence: () => {},
    dismissProblem: () => {},
  };
  return stub;
}

const published: LocalPresencePatch[] = [];
function exposeForTests(live: LiveController): void {
  const hook = window.dreamboardLive;
  if (hook?.store !== live.store || hook.published !== published)
    window.dreamboardLive = { store: live.store, published };
}

/** Records a published patch for the test hook; nothing outside ?debug=1. */
export function recordForTests(patch: LocalPresencePatch): void {
  if (!debugging()) return;
  published.push(patch);
  if (published.length > 500) published.splice(0, published.length - 500);
}
