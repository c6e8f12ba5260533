import type { Store } from '../../editor/store';
import type { LiveController } from '../../live/types';
import type { LiveUiState } from './live-ui';

/** The five live-session actions of the catalog (live.host, live.join, …) without their prefix. */
export type LiveCommand = 'host' | 'join' | 'leave' | 'settings' | 'people';

/**
 * What each live action does in the state the session is in. Returns a sentence to announce when
 * the action has nothing to open (leaving when there is no session), so the key press is not silent.
 */
export function runLiveCommand(
  command: LiveCommand,
  ui: Store<LiveUiState>,
  live: LiveController,
): string | null {
  const inSession = live.store.get().status !== 'off';
  switch (command) {
    case 'host':
      ui.set({ dialog: inSession ? { kind: 'session' } : { kind: 'host' } });
      return null;
    case 'join':
      if (inSession) {
        ui.set({ dialog: { kind: 'session' } });
        return 'You are already in a live session. Leave it first to join another.';
      }
      ui.set({ dialog: { kind: 'join', prefill: '' } });
      return null;
    case 'leave':
      if (!inSession) return 'You are not in a live session.';
      ui.set({ dialog: { kind: 'leave' } });
      return null;
    case 'settings':
      ui.set({ dialog: { kind: 'settings', back: null } });
      return null;
    case 'people':
      if (!inSession) return 'Nobody else is here: there is no live session. Start one to work together.';
      ui.set({ dialog: { kind: 'session', focusPeople: true } });
      return null;
  }
}
