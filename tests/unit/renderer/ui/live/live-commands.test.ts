import { describe, expect, it } from 'vitest';
import { Store } from '../../../../../renderer/editor/store';
import type { LiveController, LiveState, LiveStatus } from '../../../../../renderer/live/types';
import { runLiveCommand } from '../../../../../renderer/ui/live/live-commands';
import { createLiveUi } from '../../../../../renderer/ui/live/live-ui';

function controller(status: LiveStatus): LiveController {
  const store = new Store<LiveState>({ status, session: null, participants: [], problem: null, busy: false });
  const nothing = async () => {};
  return {
    store,
    host: nothing,
    join: nothing,
    leave: nothing,
    setLocalPresence: () => {},
    dismissProblem: () => {},
  };
}

describe('the live actions', () => {
  it('open the start form without a session and the session panel during one', () => {
    const ui = createLiveUi();
    expect(runLiveCommand('host', ui, controller('off'))).toBeNull();
    expect(ui.get().dialog).toEqual({ kind: 'host' });
    runLiveCommand('host', ui, controller('connected'));
    expect(ui.get().dialog).toEqual({ kind: 'session' });
  });

  it('join only when not in a session already, and say why not', () => {
    const ui = createLiveUi();
    runLiveCommand('join', ui, controller('off'));
    expect(ui.get().dialog).toEqual({ kind: 'join', prefill: '' });
    expect(runLiveCommand('join', ui, controller('reconnecting'))).toMatch(/already in a live session/);
    expect(ui.get().dialog).toEqual({ kind: 'session' });
  });

  it('ask before leaving, and say so when there is nothing to leave', () => {
    const ui = createLiveUi();
    expect(runLiveCommand('leave', ui, controller('off'))).toBe('You are not in a live session.');
    expect(ui.get().dialog).toBeNull();
    runLiveCommand('leave', ui, controller('connected'));
    expect(ui.get().dialog).toEqual({ kind: 'leave' });
  });

  it('show the people in the session panel, and settings any time', () => {
    const ui = createLiveUi();
    expect(runLiveCommand('people', ui, controller('off'))).toMatch(/no live session/);
    runLiveCommand('people', ui, controller('offline'));
    expect(ui.get().dialog).toEqual({ kind: 'session', focusPeople: true });
    runLiveCommand('settings', ui, controller('off'));
    expect(ui.get().dialog).toEqual({ kind: 'settings', back: null });
  });
});
