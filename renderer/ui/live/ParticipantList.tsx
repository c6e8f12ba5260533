import { useMemo, type Ref } from 'react';
import { assignColour } from '../../../shared/live';
import { ROLE_LABELS } from '../../../shared/model';
import { loadIdentity } from '../../live/identity';
import type { Participant } from '../../live/types';
import { participantId } from '../../app/participant';
import { participantConnection, participantName, participantRole } from './live-text';
import { useLive } from '../../app/live-context';
import { safeLocalStorage } from './use-identity';

export interface ParticipantListProps {
  readonly headingRef?: Ref<HTMLHeadingElement>;
}

/**
 * Everyone in the session: you first, then the others in the controller's order. Names come from
 * other people's computers, so they are React text only (never markup); the colour swatch
 * repeats the colour of their pointer on the board and is never the only way to tell them apart.
 */
export function ParticipantList({ headingRef }: ParticipantListProps) {
  const participants = useLive((s) => s.participants);
  const you = useMemo(() => {
    const storage = safeLocalStorage();
    return { identity: loadIdentity(storage), colour: assignColour(participantId(storage)) };
  }, []);
  return (
    <section className="live-people-section" aria-labelledby="live-people-heading">
      <h3 id="live-people-heading" className="live-subheading" ref={headingRef} tabIndex={-1}>
        People here ({participants.length + 1})
      </h3>
      <ul className="live-people">
        <li className="live-person">
          <span className="live-swatch" style={{ background: you.colour }} aria-hidden="true" />
          <span className="live-person-name">You{you.identity ? ` (${you.identity.name})` : ''}</span>
          <span className="live-person-detail">{you.identity ? ROLE_LABELS[you.identity.role] : ''}</span>
        </li>
        {participants.map((p) => (
          <Person key={p.clientId} participant={p} />
        ))}
      </ul>
      {participants.length === 0 && (
        <p className="field-hint">Nobody else has joined yet. They appear here as they join.</p>
      )}
    </section>
  );
}

function Person({ participant }: { readonly participant: Participant }) {
  const role = participantRole(participant);
  return (
    <li className="live-person">
      <span
        className="live-swatch"
        style={participant.presence ? { background: participant.presence.colour } : undefined}
        aria-hidden="true"
      />
      <span className="live-person-name">{participantName(participant)}</span>
      <span className="live-person-detail">
        {role ? `${role} · ` : ''}
        {participantConnection(participant)}
      </span>
    </li>
  );
}
