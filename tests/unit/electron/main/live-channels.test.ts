/**
 * electron/main/live-channels.ts under Node with a stand-in 'electron' and RoomServer: the server
 * stops when the app quits and when the last window that hosts closes; links go to the asking window.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';

const appEvents = new EventEmitter();
vi.mock('electron', () => ({
  app: { on: (event: string, listener: () => void) => appEvents.on(event, listener) },
  BrowserWindow: { getFocusedWindow: () => null, getAllWindows: () => [] },
  webContents: { fromId: () => undefined },
}));

const room = { starts: [] as number[], stops: 0, running: false };
vi.mock('../../../../electron/live/room-server', () => ({
  RoomServer: class {
    start(port: number) {
      room.starts.push(port);
      room.running = true;
      return Promise.resolve({ ok: true, port: port || 50000, hosts: ['192.168.1.20'] });
    }
    stop() {
      room.stops += 1;
      room.running = false;
      return Promise.resolve();
    }
  },
}));

const { registerLiveChannels } = await import('../../../../electron/main/live-channels');
const { JoinLinkInbox } = await import('../../../../electron/live/join-links');
const { joinLink } = await import('../../../../shared/live');

type Handler = (request: unknown, context: { sender: unknown }) => unknown;
const handlers = new Map<string, Handler>();
const ipc = { handle: (channel: string, handler: Handler) => handlers.set(channel, handler), send: vi.fn() };
const inbox = new JoinLinkInbox();
registerLiveChannels(ipc as never, inbox, () => ({ webContents: { id: 9 } }) as never);

function fakeSender(id: number) {
  const emitter = new EventEmitter();
  return {
    id,
    once: (event: string, listener: () => void) => emitter.once(event, listener),
    destroy: () => emitter.emit('destroyed'),
  };
}

const call = (channel: string, request: unknown, sender: unknown) =>
  handlers.get(channel)!(request, { sender });

describe('the live channels in main', () => {
  it('registers the contract’s live invoke channels', () => {
    expect([...handlers.keys()].sort()).toEqual([
      'live:start-room-server',
      'live:stop-room-server',
      'live:take-join-links',
    ]);
  });

  it('stops the server when the last window hosting it closes', async () => {
    const a = fakeSender(1);
    const b = fakeSender(2);
    await expect(call('live:start-room-server', { port: 4444 }, a)).resolves.toEqual({
      ok: true,
      port: 4444,
      hosts: ['192.168.1.20'],
    });
    await call('live:start-room-server', { port: 4444 }, b);
    a.destroy();
    expect(room.running).toBe(true);
    b.destroy();
    expect(room.running).toBe(false);
  });

  it('stops on request and when the app quits', async () => {
    await call('live:start-room-server', { port: 0 }, fakeSender(3));
    await expect(call('live:stop-room-server', undefined, fakeSender(3))).resolves.toBeNull();
    expect(room.running).toBe(false);
    await call('live:start-room-server', { port: 0 }, fakeSender(4));
    appEvents.emit('will-quit');
    expect(room.running).toBe(false);
  });

  it('hands the asking window the links held for it', () => {
    const link = joinLink({ secret: 'ABCDEFGHJKMNPQRSTVWX' as never, signal: null });
    inbox.receive(link); // no window open: one is opened (id 9) and the link waits for it
    expect(call('live:take-join-links', undefined, fakeSender(9))).toEqual([link]);
    expect(call('live:take-join-links', undefined, fakeSender(9))).toEqual([]);
  });
});
