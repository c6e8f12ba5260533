import { useEffect, useRef } from 'react';
import { Dialog } from '../dialogs/Dialog';
import { codeGroups, inRoomAddresses, liveStatusText } from './live-text';
import { useLive } from '../../app/live-context';
import { ParticipantList } from './ParticipantList';
import { useCopyMessage } from './copy-text';

export interface SessionPanelProps {
  readonly onClose: () => void;
  /** Asks first (ConfirmDialog): ending or leaving cannot be taken back. */
  readonly onLeave: () => void;
  readonly focusPeople?: boolean;
}

/**
 * The running session, big enough for a projector: the join code in groups of four, the QR code,
 * the link, where people join in the room, and who is here.
 */
export function SessionPanel({ onClose, onLeave, focusPeople }: SessionPanelProps) {
  const session = useLive((s) => s.session);
  const status = useLive((s) => s.status);
  const others = useLive((s) => s.participants.length);
  const problem = useLive((s) => s.problem);
  const [copied, copy] = useCopyMessage();
  const peopleHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusPeople) peopleHeading.current?.focus();
  }, [focusPeople]);

  const host = session?.role === 'host';
  const statusText = liveStatusText(status, others);
  const addresses = inRoomAddresses(session?.inRoomUrls ?? null);
  // Our own SVG from our own link (shared/live/qr.ts), shown as an image: no markup enters the page.
  const qrSource = session ? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(session.qrSvg)}` : '';

  return (
    <Dialog
      title={host ? 'Your live session' : 'Live session'}
      description={
        host
          ? 'People join with this code: read it out, show the QR code, or send the link.'
          : 'You are working on this board with others. Anyone with this code can join.'
      }
      onClose={onClose}
      className="live-dialog live-session-dialog"
    >
      {statusText && (
        <p className={`live-session-status live-tone-${statusText.tone}`}>
          <span className="live-dot" aria-hidden="true" />
          {statusText.label}
        </p>
      )}
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      {session && (
        <div className="live-share">
          <div className="live-share-text">
            <h3 className="live-subheading">Join code</h3>
            <p className="live-code" data-testid="join-code">
              {codeGroups(session.code).map((group, i) => (
                <span key={i} className="live-code-group">
                  {group}
                </span>
              ))}
            </p>
            <div className="live-copy-row">
              <button type="button" className="button" onClick={() => copy(session.code, 'Code')}>
                Copy code
              </button>
              <button type="button" className="button" onClick={() => copy(session.link, 'Link')}>
                Copy link
              </button>
            </div>
            <p className="live-copied" role="status">
              {copied}
            </p>
            <p className="live-link">
              <span className="field-label">Link: </span>
              <span className="live-link-text">{session.link}</span>
            </p>
            {addresses.length > 0 && (
              <p>
                {host ? 'People join through this computer at ' : 'Through the facilitator’s computer at '}
                {addresses[0]}
                {addresses.length > 1 ? ` (or ${addresses.slice(1).join(', ')})` : ''}.
              </p>
            )}
            {session.onlineUrls.length > 0 && <p>Online through {session.onlineUrls.join(', ')}.</p>}
          </div>
          {session.qrSvg && <img className="live-qr" src={qrSource} alt="QR code for joining this session" />}
        </div>
      )}
      <ParticipantList headingRef={peopleHeading} />
      <div className="dialog-actions">
        <button type="button" className="button danger live-left-action" onClick={onLeave}>
          {host ? 'End session' : 'Leave session'}
        </button>
        <button type="button" className="button primary" data-autofocus onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
