import { describe, expect, it } from 'vitest';
import { parseClientMessage } from '../../../../electron/signaling/messages';

const limits = { maxTopicLength: 8 };
const parse = (raw: string | Uint8Array) => parseClientMessage(raw, limits);

describe('parseClientMessage', () => {
  it.each([
    ['{"type":"subscribe","topics":["a","b"]}', { kind: 'subscribe', topics: ['a', 'b'], rejected: 0 }],
    ['{"type":"unsubscribe","topics":["a"]}', { kind: 'unsubscribe', topics: ['a'], rejected: 0 }],
    ['{"type":"ping"}', { kind: 'ping' }],
    // The stock server treats a missing list as an empty one.
    ['{"type":"subscribe"}', { kind: 'subscribe', topics: [], rejected: 0 }],
    ['{"type":"subscribe","topics":null}', { kind: 'subscribe', topics: [], rejected: 0 }],
  ])('reads %s', (raw, expected) => {
    expect(parse(raw)).toEqual(expected);
  });

  it('keeps the whole publish message so it can be forwarded as sent', () => {
    const result = parse('{"type":"publish","topic":"room","data":"c2VjcmV0","extra":[1]}');
    expect(result).toEqual({
      kind: 'publish',
      topic: 'room',
      message: { type: 'publish', topic: 'room', data: 'c2VjcmV0', extra: [1] },
    });
  });

  it('skips topic names that are not strings, empty or too long, and duplicates, counting the rejects', () => {
    expect(parse('{"type":"subscribe","topics":["a",1,null,"","123456789","12345678","a"]}')).toEqual({
      kind: 'subscribe',
      topics: ['a', '12345678'],
      rejected: 4,
    });
  });

  it.each([
    ['', 'not-json'],
    ['{', 'not-json'],
    ['garbage \u0000', 'not-json'],
    ['null', 'not-an-object'],
    ['42', 'not-an-object'],
    ['"publish"', 'not-an-object'],
    ['[{"type":"ping"}]', 'not-an-object'],
    ['{}', 'unknown-type'],
    ['{"type":"announce"}', 'unknown-type'],
    ['{"type":["ping"]}', 'unknown-type'],
    ['{"type":"subscribe","topics":"room"}', 'bad-topics'],
    ['{"type":"subscribe","topics":{"0":"room"}}', 'bad-topics'],
    ['{"type":"publish","data":"x"}', 'bad-topic'],
    ['{"type":"publish","topic":7}', 'bad-topic'],
    ['{"type":"publish","topic":""}', 'bad-topic'],
    ['{"type":"publish","topic":"123456789"}', 'bad-topic'],
  ])('ignores %j (%s) without throwing', (raw, reason) => {
    expect(parse(raw)).toEqual({ kind: 'ignored', reason });
  });

  it('reads JSON sent in a binary frame, as the stock server does', () => {
    expect(parse(new TextEncoder().encode('{"type":"ping"}'))).toEqual({ kind: 'ping' });
  });

  it('ignores binary frames that are not valid UTF-8', () => {
    expect(parse(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))).toEqual({ kind: 'ignored', reason: 'not-json' });
  });

  it('does not let a __proto__ key change the prototype of the forwarded message', () => {
    const result = parse('{"type":"publish","topic":"r","__proto__":{"polluted":true}}');
    expect(result.kind).toBe('publish');
    if (result.kind !== 'publish') return;
    expect(Object.getPrototypeOf(result.message)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
