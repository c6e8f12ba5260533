import * as fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { createCard, updateCard } from '../../../../shared/doc';
import type { CardId } from '../../../../shared/model';
import {
  MESSAGE,
  decodeMessage,
  encodeAwareness,
  encodeQueryAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncUpdate,
  splitMessage,
} from '../../../../shared/sync';

/** What y-webrtc 10 puts on the channel, built with y-protocols the way y-webrtc.js does. */
function stock(write: (encoder: encoding.Encoder) => void, type: number = MESSAGE.sync): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function docWith(texts: readonly string[], clientID: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  texts.forEach((text, i) => {
    const id = createCard(
      doc,
      { id: `c${i}` as CardId, kind: 'need', x: i, y: i, text },
      { participantId: 'p', role: null },
    );
    if (i % 2 === 0) updateCard(doc, id, { text: `${text}!` });
  });
  return doc;
}

describe('messages are byte-identical to stock y-webrtc', () => {
  it('sync step 1, step 2 and update, for any document', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 40 }), { maxLength: 12 }),
        fc.array(fc.string({ maxLength: 40 }), { maxLength: 4 }),
        (a, b) => {
          const doc = docWith(a, 1);
          const other = docWith(b, 2);
          const sv = Y.encodeStateVector(other);
          expect(encodeSyncStep1(doc)).toEqual(stock((e) => syncProtocol.writeSyncStep1(e, doc)));
          expect(encodeSyncStep2(doc, sv)).toEqual(stock((e) => syncProtocol.writeSyncStep2(e, doc, sv)));
          const update = Y.encodeStateAsUpdate(doc);
          expect(encodeSyncUpdate(update)).toEqual(stock((e) => syncProtocol.writeUpdate(e, update)));
        },
      ),
      { seed: 4, numRuns: 60 },
    );
  });

  it('awareness and query-awareness', () => {
    const awareness = new awarenessProtocol.Awareness(new Y.Doc());
    awareness.setLocalState({ name: 'Sam', colour: '#123456' });
    const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]);
    expect(encodeAwareness(update)).toEqual(
      stock((e) => encoding.writeVarUint8Array(e, update), MESSAGE.awareness),
    );
    expect(encodeQueryAwareness()).toEqual(stock(() => undefined, MESSAGE.queryAwareness));
    awareness.destroy();
  });

  it('a stock reader applies our update messages (y-protocols readSyncMessage)', () => {
    const doc = docWith(['one', 'two', 'three'], 1);
    const stockDoc = new Y.Doc();
    const reply = encoding.createEncoder();
    const type = syncProtocol.readSyncMessage(
      decoding.createDecoder(encodeSyncUpdate(Y.encodeStateAsUpdate(doc)).subarray(1)),
      reply,
      stockDoc,
      'stock',
    );
    expect(type).toBe(syncProtocol.messageYjsUpdate);
    expect(stockDoc.getMap('cards').toJSON()).toEqual(doc.getMap('cards').toJSON());
  });

  it('a chunk starts with a type stock y-webrtc does not know, so it falls into its default branch', () => {
    const [first] = splitMessage(new Uint8Array(1000), 0, 200);
    const type = decoding.readVarUint(decoding.createDecoder(first!));
    expect(type).toBe(MESSAGE.chunk);
    // y-webrtc's readMessage handles 0, 1, 3, 4; y-websocket uses 2.
    expect([0, 1, 2, 3, 4]).not.toContain(type);
  });
});

describe('decodeMessage', () => {
  it('reads what stock y-webrtc sends', () => {
    const doc = docWith(['x'], 1);
    const decoded = decodeMessage(stock((e) => syncProtocol.writeSyncStep1(e, doc)));
    expect(decoded).toEqual({
      ok: true,
      message: { type: 'sync', kind: 'step1', payload: Y.encodeStateVector(doc) },
    });
  });

  it('takes the empty answer a stock client sends to an unknown type as "empty", and unknown types as ignorable', () => {
    expect(decodeMessage(new Uint8Array(0))).toEqual({ ok: true, message: { type: 'empty' } });
    expect(decodeMessage(Uint8Array.of(42))).toEqual({
      ok: true,
      message: { type: 'unknown', messageType: 42 },
    });
  });

  it('reports truncated and malformed messages instead of throwing', () => {
    const cases: [string, Uint8Array][] = [
      ['sync without a kind', Uint8Array.of(0)],
      ['unknown sync kind', Uint8Array.of(0, 9, 0)],
      ['payload longer than the message', Uint8Array.of(0, 2, 50, 1, 2)],
      ['awareness without payload', Uint8Array.of(1)],
      ['unterminated varUint', Uint8Array.of(0xff, 0xff, 0xff)],
    ];
    for (const [name, bytes] of cases) expect(decodeMessage(bytes).ok, name).toBe(false);
  });

  it('never throws, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        decodeMessage(bytes);
      }),
      { seed: 5, numRuns: 2000 },
    );
  });
});
