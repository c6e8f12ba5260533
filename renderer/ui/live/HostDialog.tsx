import { useId, useMemo, useRef, useState } from 'react';
import { readDisplayName } from '../../live/identity';
import { Dialog } from '../dialogs/Dialog';
import { IdentityFields } from './IdentityFields';
import { useLive, useLiveController } from '../../app/live-context';
import { readLiveSettings } from './settings-access';
import { useIdentityDraft } from './use-identity';

export interface HostDialogProps {
  readonly onClose: () => void;
  readonly openSettings: () => void;
  readonly openJoin: () => void;
  /** False on the start screen: a session shares the open workshop, so there must be one. */
  readonly canHost: boolean;
}

/** "Start a live session": how people will join (in this room, online or both), and who you are. */
export function HostDialog({ onClose, openSettings, openJoin, canHost }: HostDialogProps) {
  const live = useLiveController();
  const busy = useLive((s) => s.busy);
  const problem = useLive((s) => s.problem);
  const settings = useMemo(readLiveSettings, []);
  const onlinePossible = settings.signalingUrls.length > 0;
  const [inRoom, setInRoom] = useState(true);
  const [online, setOnline] = useState(false);
  const [draft, setDraft, remember] = useIdentityDraft();
  const [submitted, setSubmitted] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const onlineReason = useId();
  const waysError = useId();
  // Someone who has hosted before starts with Enter; a first-timer starts at the name.
  const [named] = useState(() => readDisplayName(draft.name) !== null);
  const noWay = submitted && !inRoom && !(online && onlinePossible);

  const start = () => {
    setSubmitted(true);
    const name = readDisplayName(draft.name);
    if (name === null) return nameRef.current?.focus();
    if (!inRoom && !(online && onlinePossible)) return;
    const identity = { name, role: draft.role };
    remember(identity);
    live.dismissProblem();
    void live.host({ inRoom, online: online && onlinePossible }, identity);
  };

  return (
    <Dialog
      title="Start a live session"
      description="People in the workshop join from their own computers and work on this board with you. Everyone keeps a copy."
      onClose={onClose}
      className="live-dialog"
    >
      {!canHost ? (
        <>
          <p>Open or start a workshop first: a live session shares the workshop that is open.</p>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={openJoin}>
              Join a live session instead…
            </button>
            <button type="button" className="button primary" data-autofocus onClick={onClose}>
              Close
            </button>
          </div>
        </>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!busy) start();
          }}
        >
          <fieldset className="live-ways" disabled={busy} aria-describedby={noWay ? waysError : undefined}>
            <legend className="field-label">How people join</legend>
            <label className="check">
              <input type="checkbox" checked={inRoom} onChange={(e) => setInRoom(e.target.checked)} />
              <span>
                In this room (no internet needed)
                <span className="field-hint live-block">
                  Everyone on the same Wi-Fi joins through this computer.
                </span>
              </span>
            </label>
            <div className="live-online-choice">
              <label className="check">
                <input
                  type="checkbox"
                  checked={online && onlinePossible}
                  disabled={!onlinePossible}
                  aria-describedby={onlinePossible ? undefined : onlineReason}
                  onChange={(e) => setOnline(e.target.checked)}
                />
                <span>
                  Online (uses the servers in Settings)
                  <span className="field-hint live-block">
                    For people who are not in the room, or on another network.
                  </span>
                </span>
              </label>
              <p className="live-reason">
                {onlinePossible ? (
                  <span>Through {settings.signalingUrls.join(', ')}.</span>
                ) : (
                  <span id={onlineReason}>Not available: no signaling server is set up yet.</span>
                )}{' '}
                <button type="button" className="button" onClick={openSettings}>
                  Settings…
                </button>
              </p>
            </div>
            {noWay && (
              <p id={waysError} className="form-error">
                Choose at least one way for people to join.
              </p>
            )}
          </fieldset>
          <IdentityFields
            draft={draft}
            onChange={setDraft}
            submitted={submitted}
            nameRef={nameRef}
            disabled={busy}
            autoFocusName={!named}
          />
          {problem && (
            <p className="form-error" role="alert">
              {problem}
            </p>
          )}
          {busy && (
            <p role="status" className="live-waiting">
              Starting the live session…
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" className="button live-left-action" onClick={openJoin} disabled={busy}>
              Join someone else’s session…
            </button>
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
            <button
              type="submit"
              className="button primary"
              disabled={busy}
              data-autofocus={named ? true : undefined}
            >
              Start
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
