import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { formatJoinCode } from '../../../shared/live';
import { ROLE_LABELS } from '../../../shared/model';
import { displayNameProblem, readDisplayName } from '../../live/identity';
import { Dialog } from '../dialogs/Dialog';
import { IdentityFields } from './IdentityFields';
import { connectDestination, joinInputState } from './live-text';
import { useLive, useLiveController } from '../../app/live-context';
import { readLiveSettings } from './settings-access';
import { useIdentityDraft } from './use-identity';

export interface JoinDialogProps {
  /** A code or a dreamboard://join link to start with (a link the system handed to the app). */
  readonly prefill: string;
  readonly onClose: () => void;
  /** Settings, then back here with what was typed. */
  readonly openSettings: (text: string) => void;
}

type Step = 'enter' | 'confirm' | 'joining';

/**
 * "Join a live session": the code or link, your name and role, then a confirmation that says
 * where the app will connect. It never connects without that step: a link can come from anyone.
 */
export function JoinDialog({ prefill, onClose, openSettings }: JoinDialogProps) {
  const live = useLiveController();
  const busy = useLive((s) => s.busy);
  const status = useLive((s) => s.status);
  const problem = useLive((s) => s.problem);
  const settings = useMemo(readLiveSettings, []);
  const [text, setText] = useState(prefill);
  const [left, setLeft] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const [step, setStep] = useState<Step>('enter');
  const [draft, setDraft, remember] = useIdentityDraft();
  const codeRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const joinRef = useRef<HTMLButtonElement>(null);
  const codeId = useId();
  const hintId = useId();
  const errorId = useId();
  const input = joinInputState(text, left || submitted);
  const connecting = step === 'joining' && (busy || status === 'connecting');
  const failed = step === 'joining' && !connecting && status === 'off';

  // Joined: the workshop arrives and opens; this dialog has done its job.
  useEffect(() => {
    if (step === 'joining' && status !== 'off' && status !== 'connecting' && !busy) onClose();
  }, [step, status, busy, onClose]);
  useEffect(() => {
    if (step === 'confirm' || failed) joinRef.current?.focus();
  }, [step, failed]);

  const next = () => {
    setSubmitted(true);
    if (!input.parts) return codeRef.current?.focus();
    if (displayNameProblem(draft.name) !== null) return nameRef.current?.focus();
    live.dismissProblem();
    setStep('confirm');
  };

  const join = () => {
    const name = readDisplayName(draft.name);
    if (name === null || !input.parts) return setStep('enter');
    const identity = { name, role: draft.role };
    remember(identity);
    live.dismissProblem();
    setStep('joining');
    void live.join({ input: text.trim(), identity });
  };

  const cancelJoining = () => {
    void live.leave();
    setStep('confirm');
  };

  const needsServer = input.parts !== null && !input.parts.signal && settings.signalingUrls.length === 0;
  const problemAlert = problem && (
    <p className="form-error" role="alert">
      {problem}
    </p>
  );

  return (
    <Dialog
      title="Join a live session"
      description="Work on the facilitator’s board from this computer. You get your own copy of the workshop."
      onClose={connecting ? cancelJoining : onClose}
      className="live-dialog"
    >
      {connecting ? (
        <>
          <p role="status" className="live-waiting">
            Looking for the session…
          </p>
          <div className="dialog-actions">
            <button type="button" className="button" data-autofocus onClick={cancelJoining}>
              Cancel
            </button>
          </div>
        </>
      ) : step === 'enter' ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            next();
          }}
        >
          <div className="field">
            <label className="field-label" htmlFor={codeId}>
              Join code or link
            </label>
            <span id={hintId} className="field-hint">
              The facilitator shows it on the screen, or sends it as a link. Capitals and dashes do not
              matter.
            </span>
            <input
              id={codeId}
              ref={codeRef}
              className="live-code-input"
              value={text}
              spellCheck={false}
              autoComplete="off"
              autoCapitalize="characters"
              data-autofocus
              aria-invalid={input.message !== null}
              aria-describedby={input.message ? `${hintId} ${errorId}` : hintId}
              onChange={(e) => setText(e.target.value)}
              onBlur={() => setLeft(true)}
            />
            {input.message && (
              <span id={errorId} className="form-error live-field-error">
                {input.message}
              </span>
            )}
          </div>
          <IdentityFields draft={draft} onChange={setDraft} submitted={submitted} nameRef={nameRef} />
          {problemAlert}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="button primary">
              Next
            </button>
          </div>
        </form>
      ) : (
        <div className="live-confirm">
          <h3 className="live-subheading">Join this session?</h3>
          <p className="live-confirm-where">
            {input.parts ? connectDestination(input.parts, settings.signalingUrls) : ''}
          </p>
          <dl className="live-confirm-details">
            <dt>Code</dt>
            <dd className="live-link-text">{input.parts ? formatJoinCode(input.parts) : ''}</dd>
            <dt>You join as</dt>
            <dd>
              {draft.name.trim()} ({ROLE_LABELS[draft.role]})
            </dd>
          </dl>
          <p className="field-hint">
            Only join a session from someone you know. Everyone in it sees your name and what you add.
          </p>
          {problemAlert}
          <div className="dialog-actions">
            <button type="button" className="button live-left-action" onClick={() => setStep('enter')}>
              Back
            </button>
            {needsServer ? (
              <button
                type="button"
                className="button primary"
                ref={joinRef}
                onClick={() => openSettings(text)}
              >
                Settings…
              </button>
            ) : (
              <button type="button" className="button primary" ref={joinRef} onClick={join} disabled={busy}>
                {failed ? 'Try again' : 'Join'}
              </button>
            )}
          </div>
        </div>
      )}
    </Dialog>
  );
}
