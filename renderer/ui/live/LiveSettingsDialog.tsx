import { useId, useRef, useState } from 'react';
import { MAX_ICE_SERVERS, MAX_SIGNALING_URLS } from '../../live/live-settings';
import { Dialog } from '../dialogs/Dialog';
import { IceServerRows, SignalingRows } from './ServerRows';
import { readLiveSettings, writeLiveSettings } from './settings-access';
import './live-settings.css';
import { draftOf, hasProblems, settingsOf, settingsProblems, type SettingsDraft } from './settings-form';

export interface LiveSettingsDialogProps {
  readonly onClose: () => void;
}

/**
 * Settings → Live sessions: the servers online sessions use, the port of the in-room server and
 * "relay only". Problems are shown next to their field after Save, and focus goes to the first.
 */
export function LiveSettingsDialog({ onClose }: LiveSettingsDialogProps) {
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(readLiveSettings()));
  const [submitted, setSubmitted] = useState(false);
  const [saveProblem, setSaveProblem] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const portId = useId();
  const portHint = useId();
  const portError = useId();
  const relayHint = useId();
  const relayError = useId();
  const problems = submitted ? settingsProblems(draft) : null;
  const update = (patch: Partial<SettingsDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const save = () => {
    setSubmitted(true);
    const found = settingsProblems(draft);
    if (hasProblems(found)) {
      // After React has marked the fields invalid.
      requestAnimationFrame(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    const saved = writeLiveSettings(settingsOf(draft));
    if (!saved.ok) return setSaveProblem(saved.message);
    onClose();
  };

  return (
    <Dialog
      title="Live session settings"
      description="Only needed for online sessions, or if your IT team asks. Sessions in one room work without any of this."
      onClose={onClose}
      className="live-dialog live-settings-dialog"
    >
      <form
        ref={form}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <SignalingRows
          urls={draft.signalingUrls}
          problems={problems?.signalingUrls ?? null}
          max={MAX_SIGNALING_URLS}
          onChange={(signalingUrls) => update({ signalingUrls })}
        />
        <IceServerRows
          servers={draft.iceServers}
          problems={problems?.iceServers ?? null}
          max={MAX_ICE_SERVERS}
          onChange={(iceServers) => update({ iceServers })}
        />
        <section className="live-settings-section" aria-labelledby={`${portId}-heading`}>
          <h3 id={`${portId}-heading`} className="live-subheading">
            In this room
          </h3>
          <div className="field live-port-field">
            <label className="field-label" htmlFor={portId}>
              Port
            </label>
            <span id={portHint} className="field-hint">
              The network port other computers in the room connect to. 0 picks any free port. Change it only
              if your IT team asks.
            </span>
            <input
              id={portId}
              inputMode="numeric"
              value={draft.roomPort}
              aria-invalid={!!problems?.roomPort}
              aria-describedby={problems?.roomPort ? `${portHint} ${portError}` : portHint}
              onChange={(e) => update({ roomPort: e.target.value })}
            />
            {problems?.roomPort && (
              <span id={portError} className="form-error live-field-error">
                {problems.roomPort}
              </span>
            )}
          </div>
        </section>
        <label className="check live-relay">
          <input
            type="checkbox"
            checked={draft.relayOnly}
            aria-invalid={!!problems?.relayOnly}
            aria-describedby={problems?.relayOnly ? `${relayHint} ${relayError}` : relayHint}
            onChange={(e) => update({ relayOnly: e.target.checked })}
          />
          <span>
            Only connect through a relay (TURN) so other people never see this computer’s network address
            <span id={relayHint} className="field-hint live-block">
              Slower. Needs a TURN server above.
            </span>
          </span>
        </label>
        {problems?.relayOnly && (
          <p id={relayError} className="form-error live-field-error">
            {problems.relayOnly}
          </p>
        )}
        {saveProblem && (
          <p className="form-error" role="alert">
            {saveProblem}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button primary">
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}
