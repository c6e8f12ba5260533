import { useCallback } from 'react';
import { ConfirmDialog } from '../dialogs/ConfirmDialog';
import { HostDialog } from './HostDialog';
import { JoinDialog } from './JoinDialog';
import { useLive, useLiveController } from '../../app/live-context';
import { useLiveDialog, useLiveUi, type LiveDialog } from './live-ui';
import { LiveSettingsDialog } from './LiveSettingsDialog';
import { SessionPanel } from './SessionPanel';
import './live.css';

function focusAfterLeaving(): void {
  if (document.activeElement !== null && document.activeElement !== document.body) return;
  document.querySelector<HTMLElement>('header .live-go, main button')?.focus();
}

export interface LiveDialogsProps {
  /** A workshop is open (hosting shares it). */
  readonly canHost: boolean;
}

/** Whichever live-session dialog is open, on the start screen or in a workshop (App renders it). */
export function LiveDialogs({ canHost }: LiveDialogsProps) {
  const dialog = useLiveDialog();
  const ui = useLiveUi();
  const live = useLiveController();
  const status = useLive((s) => s.status);
  const host = useLive((s) => s.session?.role === 'host');
  const show = useCallback((next: LiveDialog | null) => ui.set({ dialog: next }), [ui]);
  const close = useCallback(() => show(null), [show]);
  if (!dialog) return null;

  const settingsFrom = (back: LiveDialog) => show({ kind: 'settings', back });
  // Starting a session turns the start form into the session panel; ending it turns it back.
  if (dialog.kind === 'host' || (dialog.kind === 'session' && status === 'off')) {
    if (status !== 'off')
      return (
        <SessionPanel onClose={close} onLeave={() => show({ kind: 'leave', back: { kind: 'session' } })} />
      );
    return (
      <HostDialog
        canHost={canHost}
        onClose={close}
        openSettings={() => settingsFrom({ kind: 'host' })}
        openJoin={() => show({ kind: 'join', prefill: '' })}
      />
    );
  }
  switch (dialog.kind) {
    case 'session':
      return (
        <SessionPanel
          onClose={close}
          onLeave={() => show({ kind: 'leave', back: { kind: 'session' } })}
          focusPeople={dialog.focusPeople}
        />
      );
    case 'join':
      return (
        <JoinDialog
          prefill={dialog.prefill}
          onClose={close}
          openSettings={(text) => settingsFrom({ kind: 'join', prefill: text })}
        />
      );
    case 'settings':
      return <LiveSettingsDialog onClose={() => show(dialog.back)} />;
    case 'leave':
      return (
        <ConfirmDialog
          title={host ? 'End the live session?' : 'Leave the live session?'}
          message={
            host
              ? 'Everyone keeps their copy; they can no longer send changes to each other through this computer.'
              : 'You keep your copy of the workshop on this computer. Changes from now on stay on this computer.'
          }
          confirmLabel={host ? 'End session' : 'Leave session'}
          onConfirm={() => {
            close();
            // The button that asked is gone with its dialog; land on Go live (or the start screen).
            void live.leave().finally(() => requestAnimationFrame(focusAfterLeaving));
          }}
          onClose={() => show(dialog.back ?? null)}
        />
      );
  }
}
