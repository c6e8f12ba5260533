/** What live sessions say to people, in one place (plain words: participants are not technical). */
export const LIVE_MESSAGES = {
  noWorkshop: 'Open a workshop first, then start a live session.',
  readOnly: 'This workshop is read-only here, so it cannot be shared in a live session.',
  chooseWhere: 'Choose "In this room", "Online" or both.',
  noOnlineServer:
    'There is no online server in Settings yet. Add your organisation’s signaling server, or use "In this room".',
  onlineCodeNoServer:
    'This code is for an online session. Add your organisation’s signaling server in Settings, or ask for the link instead.',
  couldNotStart: 'The live session could not start. Try again.',
  couldNotSave: 'The workshop arrived, but it could not be saved on this computer.',
  cannotReachHost: (host: string) =>
    `Cannot reach the facilitator’s computer at ${host}. Check that you are on the same Wi-Fi or network, then try again.`,
  cannotReachServer: 'Cannot reach the session server. Check your internet connection, then try again.',
  noSession:
    'No one is running a session with this code. Check the code, or ask the facilitator whether the session is still on.',
  couldNotConnect:
    'Found the session, but could not connect to anyone in it. Their network may block direct connections: ask whoever runs your Dreamboard server about a relay (TURN) server.',
  notArrived: 'Connected to the session, but the workshop did not arrive. Try joining again.',
  hostServerUnreachable:
    'Cannot reach the online session server, so people outside this room cannot join yet. Dreamboard keeps trying. People in the room can still join if you chose "In this room".',
  peerDropped:
    'Someone’s computer sent something Dreamboard could not use, so it was disconnected. Everyone else is still connected.',
} as const;
