import { describe, expect, it } from 'vitest';
import {
  MAX_PUBLISH_DATA_CHARS,
  MAX_SIGNAL_BYTES,
  parseServerMessage,
  parseSignalMessage,
} from '../../../../renderer/live/signaling-messages';

const signal = (body: unknown) => ({
  type: 'signal',
  from: 'peer-a',
  to: 'peer-b',
  token: 1.5,
  signal: body,
});

/** What simple-peer 9 emits from 'signal' (node_modules/simple-peer/index.js). */
const SIMPLE_PEER_SIGNALS: unknown[] = [
  { type: 'offer', sdp: 'v=0\r\n' },
  { type: 'answer', sdp: 'v=0\r\n' },
  {
    type: 'candidate',
    candidate: { candidate: 'candidate:1 1 udp 2 10.0.0.2 5000 typ host', sdpMLineIndex: 0, sdpMid: '0' },
  },
  { type: 'candidate', candidate: { candidate: '', sdpMLineIndex: null, sdpMid: null } },
  { type: 'renegotiate', renegotiate: true },
  { type: 'transceiverRequest', transceiverRequest: { kind: 'audio', init: undefined } },
  { type: 'transceiverRequest', transceiverRequest: { kind: 'video', init: { direction: 'recvonly' } } },
  // Older simple-peer sent these without `type`.
  { candidate: { candidate: 'candidate:1 1 udp 2 10.0.0.2 5000 typ host', sdpMLineIndex: 0 } },
  { renegotiate: true },
];

describe('parseSignalMessage', () => {
  it('accepts an announce and every signal simple-peer emits', () => {
    expect(parseSignalMessage({ type: 'announce', from: 'x' })).toEqual({ type: 'announce', from: 'x' });
    for (const body of SIMPLE_PEER_SIGNALS) {
      expect(parseSignalMessage(signal(body)), JSON.stringify(body)).toEqual(signal(body));
    }
  });

  it('keeps unknown keys inside a signal but strips them from the envelope', () => {
    const body = { type: 'offer', sdp: 'v=0', extra: [1, 'two'] };
    expect(parseSignalMessage({ ...signal(body), clients: 3 })).toEqual(signal(body));
    expect(parseSignalMessage({ type: 'announce', from: 'x', to: 'y' })).toEqual({
      type: 'announce',
      from: 'x',
    });
  });

  it.each([
    ['no type', { from: 'x' }],
    ['an unknown type', { type: 'hello', from: 'x' }],
    ['an empty id', { type: 'announce', from: '' }],
    ['a 65-character id', { type: 'announce', from: 'x'.repeat(65) }],
    ['a numeric id', { type: 'announce', from: 7 }],
    ['a missing recipient', { type: 'signal', from: 'a', token: 1, signal: { renegotiate: true } }],
    ['a string token', { ...signal({ renegotiate: true }), token: '1' }],
    ['a NaN token', { ...signal({ renegotiate: true }), token: NaN }],
    ['an infinite token', { ...signal({ renegotiate: true }), token: Infinity }],
    ['an offer without sdp', signal({ type: 'offer' })],
    ['a pranswer', signal({ type: 'pranswer', sdp: 'v=0' })],
    ['an empty signal', signal({})],
    ['a string signal', signal('{"type":"offer","sdp":"v=0"}')],
    ['a null signal', signal(null)],
    ['an array signal', signal([{ type: 'offer', sdp: 'v=0' }])],
    ['a candidate without its string', signal({ type: 'candidate', candidate: { sdpMid: '0' } })],
    ['renegotiate false', signal({ type: 'renegotiate', renegotiate: false })],
    ['bytes inside', signal({ type: 'offer', sdp: 'v=0', blob: new Uint8Array(4) })],
    ['a bigint inside', signal({ type: 'offer', sdp: 'v=0', n: 1n })],
    ['NaN inside', signal({ type: 'offer', sdp: 'v=0', n: NaN })],
    ['undefined in an array', signal({ type: 'offer', sdp: 'v=0', list: [undefined] })],
    ['a class instance', signal(Object.assign(new (class Offer {})(), { type: 'offer', sdp: 'v=0' }))],
    ['a replaced prototype', signal(Object.setPrototypeOf({ sdp: 'v=0' }, { type: 'offer' }))],
    ['a date', { type: 'announce', from: 'x', at: new Date() }],
    ['null', null],
    ['a string', 'announce'],
    ['undefined', undefined],
  ])('refuses %s', (_, value) => {
    expect(parseSignalMessage(value)).toBeNull();
  });

  it('refuses a signal over 64 KiB and nesting deeper than 16', () => {
    expect(parseSignalMessage(signal({ type: 'offer', sdp: 'x'.repeat(MAX_SIGNAL_BYTES) }))).toBeNull();
    expect(
      parseSignalMessage(signal({ type: 'offer', sdp: 'x'.repeat(MAX_SIGNAL_BYTES - 100) })),
    ).not.toBeNull();
    let deep: unknown = 'bottom';
    for (let i = 0; i < 20; i++) deep = [deep];
    expect(parseSignalMessage(signal({ type: 'offer', sdp: 'v=0', deep }))).toBeNull();
  });
});

describe('parseServerMessage', () => {
  it('reads ping, pong and an encrypted publish', () => {
    expect(parseServerMessage('{"type":"ping"}')).toEqual({ type: 'ping' });
    expect(parseServerMessage('{"type":"pong"}')).toEqual({ type: 'pong' });
    expect(parseServerMessage('{"type":"publish","topic":"t","data":"QUJD","clients":2}')).toEqual({
      type: 'publish',
      topic: 't',
      data: 'QUJD',
    });
  });

  it.each([
    ['not a string', Buffer.from('{"type":"ping"}')],
    ['undefined', undefined],
    ['not JSON', '{type:ping}'],
    ['JSON null', 'null'],
    ['an unknown type', '{"type":"subscribe","topics":["t"]}'],
    ['an unencrypted publish', '{"type":"publish","topic":"t","data":{"type":"announce","from":"x"}}'],
    ['a publish without topic', '{"type":"publish","data":"QUJD"}'],
    ['an empty publish', '{"type":"publish","topic":"t","data":""}'],
    [
      'oversize data',
      JSON.stringify({ type: 'publish', topic: 't', data: 'A'.repeat(MAX_PUBLISH_DATA_CHARS + 4) }),
    ],
    ['an oversize frame', `{"type":"ping","pad":"${'x'.repeat(200_000)}"}`],
  ])('drops %s', (_, data) => {
    expect(parseServerMessage(data)).toBeNull();
  });
});
