import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import { Store } from '../../editor/store';

/**
 * Which live-session dialog is open. Page-wide (App owns it, like the controller) because a
 * dreamboard://join link can arrive on the start screen or inside a workshop, and the menu
 * actions open the same dialogs from either.
 */
export type LiveDialog =
  | { readonly kind: 'host' }
  /** The session panel: code, QR, link, people. `focusPeople` moves focus to the people list. */
  | { readonly kind: 'session'; readonly focusPeople?: boolean }
  | { readonly kind: 'join'; readonly prefill: string }
  /** `back`: the dialog that opened Settings, shown again when Settings closes. */
  | { readonly kind: 'settings'; readonly back: LiveDialog | null }
  /** Asks before ending or leaving; `back` is shown again on Cancel (the session panel, when it asked). */
  | { readonly kind: 'leave'; readonly back?: LiveDialog | null };

export interface LiveUiState {
  readonly dialog: LiveDialog | null;
}

export function createLiveUi(): Store<LiveUiState> {
  return new Store<LiveUiState>({ dialog: null });
}

export const LiveUiContext = createContext<Store<LiveUiState> | null>(null);

export function useLiveUi(): Store<LiveUiState> {
  const ui = useContext(LiveUiContext);
  if (!ui) throw new Error('useLiveUi needs a <LiveUiContext.Provider>');
  return ui;
}

export function useLiveDialog(): LiveDialog | null {
  const ui = useLiveUi();
  const subscribe = useCallback((cb: () => void) => ui.subscribe(cb), [ui]);
  return useSyncExternalStore(subscribe, () => ui.get().dialog);
}
