import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import type { LiveController, LiveState } from '../live/types';

/** The page's live-session controller (App provides it; one per page, like WorkshopFiles). */
export const LiveContext = createContext<LiveController | null>(null);

export function useLiveController(): LiveController {
  const live = useContext(LiveContext);
  if (!live) throw new Error('useLiveController needs a <LiveContext.Provider>');
  return live;
}

/** A slice of the live state; re-renders only when it changes (by ===). */
export function useLive<T>(select: (s: LiveState) => T): T {
  const live = useLiveController();
  const subscribe = useCallback((cb: () => void) => live.store.subscribe(cb), [live]);
  return useSyncExternalStore(subscribe, () => select(live.store.get()));
}
