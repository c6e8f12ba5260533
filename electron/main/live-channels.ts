/**
 * Live sessions in main (docs/live-sessions.md, "Platform"): the "In this room" signaling server
 * and dreamboard://join links. Decisions live in electron/live/ (plain Node, tested); this file
 * wires them to IPC, windows and the app's lifetime.
 */
import { app, BrowserWindow, webContents } from 'electron';
import type { JoinLinkInbox } from '../live/join-links';
import { RoomServer } from '../live/room-server';
import type { Ipc } from './ipc';
import { isOurWebContents } from './windows';

function ourWindows(): BrowserWindow[] {
  const focused = BrowserWindow.getFocusedWindow();
  const all = BrowserWindow.getAllWindows().filter(
    (w) => !w.isDestroyed() && isOurWebContents(w.webContents),
  );
  return focused !== null && all.includes(focused) ? [focused, ...all.filter((w) => w !== focused)] : all;
}

export function registerLiveChannels(ipc: Ipc, inbox: JoinLinkInbox, openWindow: () => BrowserWindow): void {
  // Counts and events only (the signaling server never logs topics, contents or addresses).
  const roomServer = new RoomServer({ log: (entry) => console.warn(`[live] ${JSON.stringify(entry)}`) });
  // Quitting ends any session this computer hosts; 'will-quit' comes after windows have closed.
  app.on('will-quit', () => void roomServer.stop());

  // Windows that started (or reuse) the server. A window that is closed can no longer end
  // its session, so the server stops once none is left: a forgotten open port helps nobody.
  const hosts = new Set<number>();
  ipc.handle('live:start-room-server', async (request, { sender }) => {
    const outcome = await roomServer.start(request.port);
    const windowId = sender.id;
    if (outcome.ok && !hosts.has(windowId)) {
      hosts.add(windowId);
      sender.once('destroyed', () => {
        hosts.delete(windowId);
        if (hosts.size === 0) void roomServer.stop();
      });
    }
    return outcome;
  });
  // One server per app: any of our windows may end it (a stale listener left on a window is harmless).
  ipc.handle('live:stop-room-server', async () => {
    hosts.clear();
    await roomServer.stop();
    return null;
  });
  ipc.handle('live:take-join-links', (_request, { sender }) => inbox.take(sender.id));

  inbox.attach({
    list: () => ourWindows().map((w) => w.webContents.id),
    open: () => openWindow().webContents.id,
    focus(windowId) {
      const window = ourWindows().find((w) => w.webContents.id === windowId);
      if (window === undefined) return;
      if (window.isMinimized()) window.restore();
      window.focus();
    },
    notify(windowId) {
      const contents = webContents.fromId(windowId);
      // A page still loading subscribes later and collects its links then.
      if (contents !== undefined && !contents.isDestroyed())
        ipc.send(contents, 'live:join-link-requested', null);
    },
  });
}
