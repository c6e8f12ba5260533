import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isCopyOfRoom, rememberRoom } from '../../../../renderer/live/rejoin-memory';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
  };
}

const stateVectorOf = (doc: Y.Doc) => Y.decodeStateVector(Y.encodeStateVector(doc));

function docWith(text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.getMap('meta').set('title', text);
  return doc;
}

describe('rejoin memory', () => {
  it('recognises a copy of a session by its content: reopened from the file, with work done apart', () => {
    const storage = memoryStorage();
    const host = docWith('Homelessness prevention');
    const joined = new Y.Doc();
    Y.applyUpdate(joined, Y.encodeStateAsUpdate(host));
    rememberRoom(storage, 'dreamboard-room-a', stateVectorOf(joined), 1);

    // After a restart: the copy comes back from its file, and was edited while apart.
    const reopened = new Y.Doc();
    Y.applyUpdate(reopened, Y.encodeStateAsUpdate(joined));
    reopened.getMap('meta').set('context', 'Written on the train');
    expect(isCopyOfRoom(storage, 'dreamboard-room-a', stateVectorOf(reopened))).toBe(true);
    // Another session's code, or an unrelated workshop with the same title, is not a match.
    expect(isCopyOfRoom(storage, 'dreamboard-room-b', stateVectorOf(reopened))).toBe(false);
    expect(
      isCopyOfRoom(storage, 'dreamboard-room-a', stateVectorOf(docWith('Homelessness prevention'))),
    ).toBe(false);
  });

  it('keeps at most 50 sessions and 16 clients each, and never throws on bad or missing storage', () => {
    const storage = memoryStorage();
    const many = new Map(Array.from({ length: 40 }, (_, i) => [i + 1, 100 - i] as const));
    for (let i = 0; i < 60; i++) rememberRoom(storage, `room-${i}`, many, i);
    const stored = JSON.parse(storage.items.get('dreamboard.live.rooms.v1')!) as Record<
      string,
      { clients: number[] }
    >;
    expect(Object.keys(stored)).toHaveLength(50);
    expect(stored['room-59']!.clients).toHaveLength(16);
    expect(stored['room-0']).toBeUndefined();
    // The clients with the most history are the ones kept.
    expect(stored['room-59']!.clients[0]).toBe(1);

    storage.items.set('dreamboard.live.rooms.v1', '{"room":{"clients":"nope"}}');
    expect(isCopyOfRoom(storage, 'room', many)).toBe(false);
    storage.items.set('dreamboard.live.rooms.v1', 'not json');
    expect(isCopyOfRoom(storage, 'room', many)).toBe(false);
    expect(isCopyOfRoom(null, 'room', many)).toBe(false);
    const throwing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(() => rememberRoom(throwing, 'room', many, 1)).not.toThrow();
    expect(isCopyOfRoom(throwing, 'room', many)).toBe(false);
  });
});
