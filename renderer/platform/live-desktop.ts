/** Platform.live over `window.dreamboard`: main runs the in-room server and receives join links. */
import type { DesktopApi } from '../../shared/ipc/contract';
import { isRoomPort } from '../../shared/ipc/live-schemas';
import type { LivePlatform, RoomServerOutcome } from '../live/types';
import { JoinLinkFanout } from './live-join-links';

const warn = (message: string) => console.warn(`[platform] ${message}`);

export const ROOM_PORT_PROBLEM =
  'Could not start the session server: the port must be 0 (any free port) or a whole number from 1024 to 65535. Check Settings.';

const couldNotStart = (detail: string): RoomServerOutcome => ({
  ok: false,
  message: `Could not start the session server: ${detail}`,
});

export function createDesktopLive(desktop: DesktopApi): LivePlatform {
  const links = new JoinLinkFanout();

  const collect = async () => {
    try {
      const result = await desktop.takeJoinLinks();
      if (!result.ok) {
        warn(`join links: ${result.error.message}`);
        return;
      }
      for (const link of result.value) links.deliver(link);
    } catch (error) {
      warn(`join links: ${String(error)}`);
    }
  };
  // Subscribed for the page's whole life; links main held before this page loaded (the app was
  // started by a link) are collected now and kept until the live UI listens.
  desktop.onJoinLinkRequested(() => void collect());
  void collect();

  return {
    async startRoomServer(port) {
      if (!isRoomPort(port)) return { ok: false, message: ROOM_PORT_PROBLEM };
      try {
        const result = await desktop.startRoomServer(port);
        if (result.ok) return result.value;
        warn(`room server: ${result.error.message}`);
        return couldNotStart(
          'Dreamboard did not answer. Try again; if it keeps happening, restart Dreamboard.',
        );
      } catch (error) {
        warn(`room server: ${String(error)}`);
        return couldNotStart(
          'Dreamboard did not answer. Try again; if it keeps happening, restart Dreamboard.',
        );
      }
    },
    async stopRoomServer() {
      try {
        const result = await desktop.stopRoomServer();
        if (!result.ok) warn(`room server stop: ${result.error.message}`);
      } catch (error) {
        warn(`room server stop: ${String(error)}`);
      }
    },
    onJoinLink: (listener) => links.subscribe(listener),
  };
}
