import * as fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import {
  AWARENESS_LIMITS,
  AwarenessOwnership,
  filterAwarenessUpdate,
  readPresence,
  type PresenceState,
} from '../../../../shared/live';
import { hostileStringArb } from './arbitraries';

const valid: PresenceState = {
  name: 'Sam',
  colour: '#2E7D32',
  role: 'frontline',
  cursor: { x: 10, y: -20.5 },
  selection: ['card_1', 'frame-2'],
  viewport: { x: -500, y: -300, w: 1280, h: 800 },
  connection: 'connected',
};

const OWN = 1;
const made: Awareness[] = [];
afterEach(() => made.splice(0).forEach((a) => a.destroy()));

function awarenessOf(clientId: number, state: unknown = null): Awareness {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const awareness = new Awareness(doc);
  made.push(awareness);
  awareness.setLocalState(state as Record<string, unknown> | null);
  return awareness;
}

/** An awareness update with arbitrary entries, in y-protocols' wire format. */
function rawUpdate(entries: readonly { clientId: number; clock?: number; json: string }[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const { clientId, clock = 1, json } of entries) {
    encoding.writeVarUint(e, clientId);
    encoding.writeVarUint(e, clock);
    encoding.writeVarString(e, json);
  }
  return encoding.toUint8Array(e);
}

function filterFrom(peerId: string, update: Uint8Array, ownership = new AwarenessOwnership()) {
  return filterAwarenessUpdate(update, ownership.contextFor(peerId, OWN));
}

/** Applies with y-protocols into a fresh Awareness (our client id OWN); throws if y-protocols would. */
function applied(update: Uint8Array | null, ours = awarenessOf(OWN, valid)): Map<number, unknown> {
  if (update) applyAwarenessUpdate(ours, update, 'peer');
  return new Map([...ours.getStates()].filter(([id]) => id !== OWN));
}

describe('filterAwarenessUpdate', () => {
  it("passes y-protocols' own encoding of a valid state through unchanged", () => {
    const remote = awarenessOf(5, valid);
    const update = encodeAwarenessUpdate(remote, [5]);
    const result = filterFrom('p1', update);
    expect(result).toEqual({ update, rejected: 0 });
    expect(applied(result.update).get(5)).toEqual(valid);
  });

  it('re-encodes only the normalised state: extra fields and padding never reach the Awareness', () => {
    const sent = {
      ...valid,
      name: '  Sam  ',
      selection: ['a', 'a'],
      evil: '<img onerror>',
      nested: { x: 1 },
    };
    const result = filterFrom('p1', rawUpdate([{ clientId: 5, json: JSON.stringify(sent) }]));
    expect(result.rejected).toBe(0);
    expect(applied(result.update).get(5)).toEqual({ ...valid, selection: ['a'] });
  });

  it('lets a peer say it has gone (a null state)', () => {
    const ownership = new AwarenessOwnership();
    const ours = awarenessOf(OWN, valid);
    applyAwarenessUpdate(
      ours,
      filterFrom('p1', rawUpdate([{ clientId: 5, json: JSON.stringify(valid) }]), ownership).update!,
      'p1',
    );
    const gone = filterFrom('p1', rawUpdate([{ clientId: 5, clock: 2, json: 'null' }]), ownership);
    expect(gone.rejected).toBe(0);
    expect(applied(gone.update, ours).has(5)).toBe(false);
  });

  it('refuses entries for our own client id: a spoofed "you left" cannot remove us', () => {
    const ours = awarenessOf(OWN, valid);
    const result = filterFrom('p1', rawUpdate([{ clientId: OWN, clock: 99, json: 'null' }]));
    expect(result).toMatchObject({ update: null, rejected: 1, reason: 'an entry for our own client id' });
    expect(ours.getLocalState()).toEqual(valid);
  });

  it("refuses entries for another connected peer's client, until that peer disconnects", () => {
    const ownership = new AwarenessOwnership();
    expect(
      filterFrom('p1', rawUpdate([{ clientId: 5, json: JSON.stringify(valid) }]), ownership).rejected,
    ).toBe(0);
    const spoof = rawUpdate([
      { clientId: 5, clock: 9, json: 'null' },
      { clientId: 6, json: JSON.stringify({ ...valid, name: 'Mallory' }) },
    ]);
    const refused = filterFrom('p2', spoof, ownership);
    expect(refused.rejected).toBe(1);
    expect(refused.reason).toMatch(/belongs to another peer/);
    expect([...applied(refused.update).keys()]).toEqual([6]);
    expect(ownership.ownerOf(5)).toBe('p1');

    expect(ownership.release('p1')).toEqual([5]);
    expect(filterFrom('p2', spoof, ownership).rejected).toBe(0);
    expect(ownership.clientsOf('p2').sort()).toEqual([5, 6]);
  });

  it('caps the clients one peer may speak for, unless it is a hub allowed more', () => {
    const entries = Array.from({ length: 12 }, (_, i) => ({
      clientId: 100 + i,
      json: JSON.stringify(valid),
    }));
    const ownership = new AwarenessOwnership(8);
    const capped = filterFrom('p1', rawUpdate(entries), ownership);
    expect(capped.rejected).toBe(4);
    expect(applied(capped.update).size).toBe(8);
    ownership.setPeerLimit('hub', 30);
    expect(
      filterFrom('hub', rawUpdate(entries.map((e) => ({ ...e, clientId: e.clientId + 100 }))), ownership)
        .rejected,
    ).toBe(0);
  });

  it("lets a peer's own state take its client over from a relayer, and never the other way round", () => {
    const ownership = new AwarenessOwnership();
    const relayed = rawUpdate([{ clientId: 7, json: JSON.stringify({ ...valid, peer: 'sam' }) }]);
    // The hub relays Sam's presence before Sam's own channel opens: the hub holds it for now.
    expect(filterFrom('hub', relayed, ownership).rejected).toBe(0);
    expect(ownership.ownerOf(7)).toBe('hub');
    // Sam's own state (its `peer` names the connection it came on) takes it over.
    const own = rawUpdate([{ clientId: 7, clock: 2, json: JSON.stringify({ ...valid, peer: 'sam' }) }]);
    expect(filterFrom('sam', own, ownership).rejected).toBe(0);
    expect(ownership.ownerOf(7)).toBe('sam');
    // Now neither the relayer nor anyone claiming to be Sam on another connection may speak for it.
    expect(filterFrom('hub', relayed, ownership).rejected).toBe(1);
    const impostor = rawUpdate([
      { clientId: 7, clock: 3, json: JSON.stringify({ ...valid, peer: 'mallory' }) },
    ]);
    expect(filterFrom('mallory', impostor, ownership).rejected).toBe(1);
    expect(ownership.ownerOf(7)).toBe('sam');
  });

  it('refuses invalid entries one by one and keeps the rest', () => {
    const withValid = (patch: string) => `{${JSON.stringify(valid).slice(1, -1)},${patch}}`;
    const states = [
      '{not json',
      JSON.stringify({ ...valid, name: 'Sam\u202Enoj' }), // bidi override
      JSON.stringify({ ...valid, name: 'Sam\u0007' }), // control character
      JSON.stringify({ ...valid, name: 'x'.repeat(41) }),
      withValid('"cursor":{"x":1e999,"y":0}'), // JSON has no Infinity, but 1e999 parses as one
      withValid('"cursor":{"x":"NaN","y":0}'),
      JSON.stringify({ ...valid, colour: 'red' }),
      '42',
      '"a string"',
      '[]',
    ];
    const entries = states.map((json, i) => ({ clientId: 10 + i, json }));
    const result = filterFrom('p1', rawUpdate([...entries, { clientId: 99, json: JSON.stringify(valid) }]));
    expect(result.rejected).toBe(states.length);
    expect([...applied(result.update).keys()]).toEqual([99]);
  });

  it('does not let "__proto__" or "constructor" in a state pollute anything', () => {
    const json = `{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},${JSON.stringify(valid).slice(1)}`;
    const result = filterFrom('p1', rawUpdate([{ clientId: 5, json }]));
    const state = applied(result.update).get(5) as Record<string, unknown>;
    expect(state).toEqual(valid);
    expect(Object.keys(state)).not.toContain('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses updates over the limits before parsing any JSON', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({ clientId: 10 + i, json: 'null' }));
    const start = performance.now();
    expect(filterFrom('p1', rawUpdate(many))).toMatchObject({ update: null, rejected: 1 });
    expect(performance.now() - start).toBeLessThan(50);
    const giantState = JSON.stringify({ ...valid, pad: 'x'.repeat(AWARENESS_LIMITS.maxStateBytes) });
    expect(filterFrom('p1', rawUpdate([{ clientId: 5, json: giantState }])).reason).toMatch(
      /state of \d+ bytes/,
    );
    const giantUpdate = new Uint8Array(AWARENESS_LIMITS.maxUpdateBytes + 1);
    expect(filterFrom('p1', giantUpdate).reason).toMatch(/bytes/);
  });

  it('refuses malformed bytes as a whole: huge counts, truncation, a length past the end, bad UTF-8', () => {
    const hugeCount = Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0xff, 0x7f);
    const pastEnd = Uint8Array.of(1, 5, 1, 0x80, 0x10, 0x7b);
    const badUtf8 = Uint8Array.of(1, 5, 1, 2, 0xc3, 0x28);
    for (const bytes of [new Uint8Array(), hugeCount, pastEnd, badUtf8])
      expect(filterFrom('p1', bytes)).toMatchObject({ update: null, rejected: 1 });
    const whole = rawUpdate([{ clientId: 5, json: JSON.stringify(valid) }]);
    for (let cut = 0; cut < whole.length; cut++) {
      const result = filterFrom('p1', whole.subarray(0, cut));
      expect(result.update).toBeNull();
    }
  });

  it('never throws, and its output always decodes with y-protocols into valid presence', () => {
    const stateJson = fc.oneof(
      fc.constant('null'),
      fc.constant(JSON.stringify(valid)),
      hostileStringArb,
      fc.json(),
      fc.record({ name: hostileStringArb }).map((patch) => JSON.stringify({ ...valid, ...patch })),
      fc.anything().map((v) => JSON.stringify(v) ?? 'undefined'),
    );
    const structured = fc
      .array(
        fc.record({
          clientId: fc.oneof(fc.constantFrom(OWN, 5, 6), fc.nat({ max: 2 ** 40 })),
          clock: fc.nat(),
          json: stateJson,
        }),
        { maxLength: 20 },
      )
      .map(rawUpdate);
    const bytes = fc.oneof(fc.uint8Array({ maxLength: 300 }), structured);
    const ownership = new AwarenessOwnership();
    let statesApplied = 0;
    fc.assert(
      fc.property(bytes, fc.constantFrom('p1', 'p2'), (update, peerId) => {
        const result = filterAwarenessUpdate(update, ownership.contextFor(peerId, OWN));
        expect(result.rejected).toBeGreaterThanOrEqual(0);
        if (result.update === null) return;
        const states = applied(result.update);
        statesApplied += states.size;
        for (const [id, state] of states) {
          expect(id).not.toBe(OWN);
          expect(state).toEqual(readPresence(state));
        }
      }),
      { numRuns: 300 },
    );
    // The property is only worth something if valid states get through too.
    expect(statesApplied).toBeGreaterThan(10);
  });
});
