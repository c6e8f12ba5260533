import type { PresenceColour } from '../../../../shared/live/presence-colours';
import type { PresenceState } from '../../../../shared/live/presence';
import type { Participant } from '../../../../renderer/live/types';

/** A participant with presence; fields default to a cursor-less, selection-less person. */
export function person(
  clientId: number,
  presence: Partial<PresenceState> | null = {},
  colour: PresenceColour = '#2E7D32',
): Participant {
  return {
    clientId,
    direct: true,
    presence:
      presence === null
        ? null
        : {
            name: `Person ${clientId}`,
            colour,
            role: 'frontline',
            cursor: null,
            selection: [],
            viewport: null,
            connection: 'connected',
            ...presence,
          },
  };
}
