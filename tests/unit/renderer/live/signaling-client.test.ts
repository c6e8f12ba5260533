import * as buffer from 'lib0/buffer';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  SignalingClient,
  type SignalMessage,
  type SignalingClientOptions,
  type WebSocketLike,
} from '../../../../renderer/live/signaling-client';
import { deriveRoomKey, encryptSignal } from '../../../../renderer/live/signaling-crypto';
import {
  PING_INTERVAL_MS,
  RECONNECT_INITIAL_MS,
  RECONNECT_MAX_MS,
  SILENCE_LIMIT_MS,
} from '../../../../renderer/live/signaling-socket';

/** The client against a scripted socket and a hand-turned clock: protocol, heartbeat, back-off. */
const ROOM = 'dreamboard-room';
const ME = 'me-peer';
const THEM = 'their-peer';

class FakeSocket implements WebSocketLike {
  readyState = 0;
  readonly sent: unknown[] = [];
  closed = false;
  onopen: WebSocketLike['onopen'] = null;
  onmessage: WebSocketLike['onmessage'] = null;
  onclose: WebSocketLike['onclose'] = null;
  onerror: WebSocketLike['onerror'] = null;

  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }
  close(): void {
    this.closed = true;
    this.readyState = 3;
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }
  receive(data: unknown): void {
    this.onmessage?.({ data });
  }
  drop(): void {
    this.readyState = 3;
    this.onclose?.({});
  }
  types(): unknown[] {
    return this.sent.map((m) => (m as { type: unknown }).type);
  }
}

/** Timers that run only when the test moves the clock. */
class ManualClock {
  time = 0;
  private timers = new Map<number, { at: number; run: () => void }>();
  private next = 1;
  readonly setTimer = (run: () => void, ms: number): unknown => {
    const id = this.next++;
    this.timers.set(id, { at: this.time + ms, run });
    return id;
  };
  readonly clearTimer = (id: unknown): void => void this.timers.delete(id as number);
  /** Delays of the timers now pending, from now. */
  pending(): number[] {
    return [...this.timers.values()].map((t) => t.at - this.time).sort((a, b) => a - b);
  }
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = [...this.timers.entries()]
        .filter(([, t]) => t.at <= end)
        .sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = due[1].at;
      due[1].run();
    }
    this.time = end;
  }
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(condition()).toBe(true);
}

let key: CryptoKey;
let otherKey: CryptoKey;
beforeAll(async () => {
  [key, otherKey] = await Promise.all([deriveRoomKey('pw', ROOM), deriveRoomKey('other', ROOM)]);
});

const clients: SignalingClient[] = [];
afterEach(() => clients.splice(0).forEach((c) => c.destroy()));

function setup(overrides: Partial<SignalingClientOptions> = {}) {
  const clock = new ManualClock();
  const sockets: FakeSocket[] = [];
  const messages: SignalMessage[] = [];
  const statuses: boolean[] = [];
  const client = new SignalingClient({
    url: 'ws://127.0.0.1:1',
    roomName: ROOM,
    key: Promise.resolve(key),
    peerId: ME,
    onMessage: (m) => messages.push(m),
    onStatus: (s) => statuses.push(s),
    createSocket: () => {
      const socket = new FakeSocket();
      sockets.push(socket);
      return socket;
    },
    now: () => clock.time,
    random: () => 1,
    setTimer: clock.setTimer,
    clearTimer: clock.clearTimer,
    ...overrides,
  });
  clients.push(client);
  const socket = () => sockets[sockets.length - 1]!;
  return { client, clock, sockets, socket, messages, statuses };
}

async function published(message: unknown, withKey = key, topic = ROOM): Promise<string> {
  const data = buffer.toBase64(await encryptSignal(message, withKey));
  return JSON.stringify({ type: 'publish', topic, data, clients: 2 });
}

describe('SignalingClient', () => {
  it('subscribes, then announces itself encrypted, when the connection opens', async () => {
    const { client, socket, statuses } = setup();
    expect(client.connected).toBe(false);
    socket().open();
    expect(client.connected).toBe(true);
    expect(statuses).toEqual([true]);
    expect(socket().sent[0]).toEqual({ type: 'subscribe', topics: [ROOM] });
    await until(() => socket().sent.length === 2);
    const announce = socket().sent[1] as { type: string; topic: string; data: string };
    expect(announce).toMatchObject({ type: 'publish', topic: ROOM });
    expect(typeof announce.data).toBe('string');
  });

  it('delivers valid messages from others, in order, and counts the rest', async () => {
    const { client, socket, messages } = setup();
    socket().open();
    const offer = { type: 'signal', from: THEM, to: ME, token: 3, signal: { type: 'offer', sdp: 'v=0' } };
    const frames = [
      await published({ type: 'announce', from: THEM }),
      await published(offer),
      await published({ type: 'announce', from: ME }), // our own echo
      await published({ ...offer, to: 'someone-else' }),
      await published({ type: 'announce', from: THEM, to: 'someone-else' }), // y-webrtc skips these too
      await published({ type: 'announce', from: 'x' }, otherKey), // another password
      await published({ type: 'announce', from: 'y' }, key, 'another-room'),
      await published({ type: 'announce', from: '' }),
      'not json',
      JSON.stringify({ type: 'publish', topic: ROOM, data: '!!!not base64!!!' }),
      JSON.stringify({ type: 'publish', topic: ROOM, data: 'QUJDRA==' }),
      { type: 'ping' },
      JSON.stringify({ type: 'pong' }),
    ];
    for (const frame of frames) socket().receive(frame);
    await until(() => client.stats.delivered + client.stats.decryptFailures + client.stats.notForUs >= 7);
    await until(() => client.stats.dropped === 5);
    expect(messages).toEqual([{ type: 'announce', from: THEM }, offer]);
    expect(client.stats).toMatchObject({ messagesIn: 13, delivered: 2, notForUs: 3, decryptFailures: 2 });
  });

  it('answers pings, pings every 15 s and gives up after 30 s of silence', () => {
    const { client, clock, socket, sockets, statuses } = setup();
    socket().open();
    socket().receive('{"type":"ping"}');
    expect(socket().types()).toContain('pong');
    clock.advance(PING_INTERVAL_MS);
    expect(
      socket()
        .types()
        .filter((t) => t === 'ping'),
    ).toHaveLength(1);
    socket().receive('{"type":"pong"}');
    clock.advance(PING_INTERVAL_MS); // 15 s of silence: ping again
    expect(
      socket()
        .types()
        .filter((t) => t === 'ping'),
    ).toHaveLength(2);
    expect(sockets[0]!.closed).toBe(false);
    clock.advance(PING_INTERVAL_MS); // 30 s after the pong: dead
    expect(sockets[0]!.closed).toBe(true);
    expect(client.connected).toBe(false);
    expect(statuses).toEqual([true, false]);
    expect(client.stats.reconnects).toBe(1);
    clock.advance(RECONNECT_INITIAL_MS);
    expect(sockets).toHaveLength(2);
  });

  it('gives up on a handshake that never completes', () => {
    const { clock, sockets } = setup();
    clock.advance(SILENCE_LIMIT_MS + PING_INTERVAL_MS);
    expect(sockets[0]!.closed).toBe(true);
    expect(sockets.length).toBeGreaterThanOrEqual(1);
  });

  it('backs off exponentially with jitter up to 10 s, and resets after a stable connection', () => {
    const { clock, socket, sockets } = setup({ random: () => 0 });
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      socket().drop();
      delays.push(clock.pending().find((ms) => ms !== PING_INTERVAL_MS)!);
      clock.advance(delays[i]!);
    }
    // random() = 0 takes the low end of each window: half the ceiling.
    expect(delays).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000, 5000]);
    expect(RECONNECT_MAX_MS).toBe(10_000);
    socket().open();
    clock.advance(12_000);
    socket().receive('{"type":"pong"}');
    socket().drop();
    expect(clock.pending()[0]).toBe(RECONNECT_INITIAL_MS / 2);
    expect(sockets.length).toBe(9);
  });

  it('does not publish while disconnected', async () => {
    const { client, socket } = setup();
    expect(await client.announce()).toBe(false);
    socket().open();
    expect(await client.publish({ type: 'announce', from: '' })).toBe(false);
    expect(
      await client.publish({ type: 'signal', from: ME, to: THEM, token: 1, signal: { type: 'offer' } }),
    ).toBe(false);
    expect(
      await client.publish({ type: 'signal', from: ME, to: THEM, token: 1, signal: { renegotiate: true } }),
    ).toBe(true);
    socket().drop();
    expect(await client.announce()).toBe(false);
  });

  it('survives a throwing socket factory, a rejected key and throwing callbacks', async () => {
    let calls = 0;
    const failing = setup({
      createSocket: () => {
        calls++;
        throw new SyntaxError('bad url');
      },
    });
    failing.clock.advance(60_000);
    expect(calls).toBeGreaterThan(3);

    const keyless = setup({ key: Promise.reject(new Error('no crypto')) });
    keyless.socket().open();
    keyless.socket().receive(await published({ type: 'announce', from: THEM }));
    await until(() => keyless.client.stats.decryptFailures === 1);
    expect(await keyless.client.announce()).toBe(false);

    const throwing = setup({
      onMessage: () => {
        throw new Error('provider bug');
      },
      onStatus: () => {
        throw new Error('provider bug');
      },
    });
    throwing.socket().open();
    throwing.socket().receive(await published({ type: 'announce', from: THEM }));
    await until(() => throwing.client.stats.handlerErrors === 2);
    throwing.socket().receive('{"type":"ping"}');
    expect(throwing.socket().types()).toContain('pong');
  });

  it('unsubscribes and closes on destroy, once, and stays quiet after', async () => {
    const { client, clock, socket, sockets, statuses, messages } = setup();
    socket().open();
    const late = await published({ type: 'announce', from: THEM });
    socket().receive(late);
    client.destroy();
    client.destroy();
    expect(socket().sent.at(-1)).toEqual({ type: 'unsubscribe', topics: [ROOM] });
    expect(socket().closed).toBe(true);
    socket().drop();
    clock.advance(120_000);
    expect(sockets).toHaveLength(1);
    expect(clock.pending()).toEqual([]);
    expect(statuses).toEqual([true]);
    await new Promise((r) => setTimeout(r, 50));
    expect(messages).toEqual([]);
  });
});
