import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSignalingServer, type SignalingServer } from '../../../../electron/signaling';
import { RecordingClient, startStockServer } from './helpers';

/**
 * The same scripted conversation against y-webrtc's stock server (a child process) and ours:
 * every client must receive exactly the same messages from both, so either server can be used.
 */
async function runScenario(url: string): Promise<Record<string, unknown[]>> {
  const a = await RecordingClient.connect(url);
  const b = await RecordingClient.connect(url);
  const c = await RecordingClient.connect(url);
  const everyone = [a, b, c];
  // After the actor's round trip the server has handled its messages; after everyone's, every
  // forwarded copy has arrived (each client's pong comes after them on the same stream).
  const step = async (actor: RecordingClient, ...messages: unknown[]): Promise<void> => {
    for (const message of messages) actor.send(message);
    await actor.sync();
    for (const client of everyone) await client.sync();
  };

  await step(a, { type: 'subscribe', topics: ['room-1', 'room-2'] });
  await step(b, { type: 'subscribe', topics: ['room-1'] });
  await step(c, { type: 'subscribe', topics: ['room-2', 'room-2'] });
  // y-webrtc's real traffic: an announce, then an encrypted signal addressed to one peer.
  await step(a, { type: 'publish', topic: 'room-1', data: 'YW5ub3VuY2U=' });
  await step(b, {
    type: 'publish',
    topic: 'room-1',
    data: { to: 'a', from: 'b', type: 'signal', token: 0.5 },
  });
  // Publishing to a topic one has not subscribed to reaches its subscribers.
  await step(b, { type: 'publish', topic: 'room-2', data: 'c2lnbmFs', extra: [1, { n: null }] });
  await step(c, { type: 'publish', topic: 'nobody-here', data: 'x' });
  await step(b, { type: 'unsubscribe', topics: ['room-1'] });
  await step(a, { type: 'publish', topic: 'room-1', data: 'after-unsubscribe' });
  await step(a, { type: 'unsubscribe', topics: ['room-1', 'never-subscribed'] });
  await step(a, { type: 'publish', topic: 'room-1', data: 'empty-room' });
  await step(b, { type: 'subscribe', topics: ['room-1'] }, { type: 'subscribe' });
  await step(a, { type: 'publish', topic: 'room-1', data: 'resubscribed' });
  // Messages both servers skip without a reply.
  await step(c, { type: 'announce' }, { type: 'publish', data: 'no topic' }, {});
  // A server notices a closed connection only when its socket ends, a moment after the client's
  // close; publish until c is no longer counted and keep only the answer that shows it.
  await c.close();
  everyone.pop();
  const beforeLeaving = a.messages().length;
  let last: unknown;
  for (let attempt = 0; attempt < 200; attempt++) {
    await step(a, { type: 'publish', topic: 'room-2', data: 'c-left' });
    last = a.messages().at(-1);
    if ((last as { clients?: unknown }).clients === 1) break;
  }

  // Pongs are left out: their number depends on how many rounds that took. Both servers answer
  // every ping, or `sync` would never have returned.
  const transcripts = {
    a: [...a.messages().slice(0, beforeLeaving), last],
    b: b.messages(),
    c: c.messages(),
  };
  await a.close();
  await b.close();
  return transcripts;
}

describe('interoperability with the stock y-webrtc signaling server', () => {
  let stock: Awaited<ReturnType<typeof startStockServer>>;
  let ours: SignalingServer;

  beforeAll(async () => {
    stock = await startStockServer();
    ours = await startSignalingServer({ host: '127.0.0.1', port: 0 });
  });

  afterAll(async () => {
    await stock?.stop();
    await ours?.close();
  });

  it('sends every client exactly what the stock server sends', async () => {
    const expected = await runScenario(stock.url);
    const actual = await runScenario(ours.url);
    expect(actual).toEqual(expected);

    // And the scenario is not vacuous: the points of the protocol the app relies on.
    const published = (t: unknown[]) => t.filter((m) => (m as { type: string }).type === 'publish');
    expect(published(actual.a!)[0]).toEqual({
      type: 'publish',
      topic: 'room-1',
      data: 'YW5ub3VuY2U=',
      clients: 2,
    });
    expect(published(actual.b!)[0]).toEqual(published(actual.a!)[0]); // the sender gets its own copy too
    expect(published(actual.c!)).toEqual([
      { type: 'publish', topic: 'room-2', data: 'c2lnbmFs', extra: [1, { n: null }], clients: 2 },
    ]);
    const data = (t: unknown[]) => published(t).map((m) => (m as { data: unknown }).data);
    expect(data(actual.b!)).toContain('resubscribed');
    expect(data(actual.a!)).not.toContain('resubscribed'); // a left room-1
    expect(data(actual.b!)).not.toContain('after-unsubscribe');
    expect([...data(actual.a!), ...data(actual.b!)]).not.toContain('empty-room');
    expect(published(actual.a!).at(-1)).toEqual({
      type: 'publish',
      topic: 'room-2',
      data: 'c-left',
      clients: 1,
    });
  });
});
