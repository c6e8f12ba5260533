import * as fc from 'fast-check';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  MAX_ENVELOPE_BYTES,
  decryptSignal,
  deriveRoomKey,
  encryptSignal,
} from '../../../../renderer/live/signaling-crypto';

/**
 * Our signaling encryption against y-webrtc 10's own src/crypto.js (not in the package's
 * `exports`, so loaded by file URL): each side decrypts what the other encrypted, with keys each
 * derived on its own from the same password and room name.
 */
interface StockCrypto {
  deriveKey(secret: string, roomName: string): Promise<CryptoKey>;
  encrypt(data: Uint8Array, key: CryptoKey): Promise<Uint8Array>;
  encryptJson(data: unknown, key: CryptoKey): Promise<Uint8Array>;
  decryptJson(data: Uint8Array, key: CryptoKey): Promise<unknown>;
}

const ROOM = 'dreamboard-7QK2M9XW';
const PASSWORD = 'b3b1f0a2-room-password';

const SAMPLES: unknown[] = [
  { type: 'announce', from: '0b7c6e4e-2f53-4b39-9d4e-5a0f8f2c1d3e' },
  {
    type: 'signal',
    from: 'a',
    to: 'b',
    token: 1764121582123.25,
    signal: { type: 'offer', sdp: 'v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\n'.repeat(40) },
  },
  {
    type: 'signal',
    from: 'b',
    to: 'a',
    token: 2,
    signal: {
      type: 'candidate',
      candidate: { candidate: 'candidate:1 1 udp 1 10.0.0.2 5000 typ host', sdpMLineIndex: 0, sdpMid: null },
    },
  },
  { unicode: 'Grüße, 世界 🎉', nested: [1, -2.5, true, false, null, ['x']] },
];

let stock: StockCrypto;
let ourKey: CryptoKey;
let stockKey: CryptoKey;
let otherKey: CryptoKey;

beforeAll(async () => {
  const url = pathToFileURL(resolve('node_modules/y-webrtc/src/crypto.js')).href;
  stock = (await import(/* @vite-ignore */ url)) as StockCrypto;
  [ourKey, stockKey, otherKey] = await Promise.all([
    deriveRoomKey(PASSWORD, ROOM),
    stock.deriveKey(PASSWORD, ROOM),
    deriveRoomKey('another password', ROOM),
  ]);
});

describe('compatibility with y-webrtc crypto.js', () => {
  it('stock decryptJson reads what encryptSignal wrote', async () => {
    for (const sample of SAMPLES) {
      expect(await stock.decryptJson(await encryptSignal(sample, ourKey), stockKey)).toEqual(sample);
    }
  });

  it('decryptSignal reads what stock encryptJson wrote', async () => {
    for (const sample of SAMPLES) {
      expect(await decryptSignal(await stock.encryptJson(sample, stockKey), ourKey)).toEqual(sample);
    }
  });

  it('writes the same envelope: AES-GCM name, 12-byte iv, ciphertext with its 16-byte tag', async () => {
    const plain = encoding.createEncoder();
    encoding.writeAny(plain, SAMPLES[0] as never);
    const plainLength = encoding.length(plain);
    const ours = await encryptSignal(SAMPLES[0], ourKey);
    const theirs = await stock.encryptJson(SAMPLES[0], stockKey);
    expect(ours.length).toBe(theirs.length);
    expect(ours.length).toBe(1 + 7 + 1 + 12 + 1 + plainLength + 16);
    expect(new TextDecoder().decode(ours.subarray(1, 8))).toBe('AES-GCM');
    // A fresh iv every time: the same message never encrypts the same way twice.
    expect(await encryptSignal(SAMPLES[0], ourKey)).not.toEqual(ours);
  });

  it('derives a different key for another room name (the salt) or password', async () => {
    const envelope = await encryptSignal(SAMPLES[0], ourKey);
    expect(await decryptSignal(envelope, await deriveRoomKey(PASSWORD, `${ROOM}x`))).toBeNull();
    expect(await decryptSignal(envelope, otherKey)).toBeNull();
    expect(await stock.decryptJson(envelope, stockKey)).toEqual(SAMPLES[0]);
  });
});

/** A lib0 envelope with any fields, for malformed ones. */
function envelope(algorithm: string, iv: Uint8Array, cipher: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, algorithm);
  encoding.writeVarUint8Array(encoder, iv);
  encoding.writeVarUint8Array(encoder, cipher);
  return encoding.toUint8Array(encoder);
}

describe('decryptSignal on hostile input', () => {
  it('resolves null for random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        expect(await decryptSignal(bytes, ourKey)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('resolves null for every truncation and for any flipped bit of a real envelope', async () => {
    const real = await encryptSignal(SAMPLES[1], ourKey);
    for (let length = 0; length < real.length; length += 7) {
      expect(await decryptSignal(real.slice(0, length), ourKey)).toBeNull();
    }
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: real.length * 8 - 1 }), async (bit) => {
        const flipped = real.slice();
        flipped[bit >> 3]! ^= 1 << (bit & 7);
        expect(await decryptSignal(flipped, ourKey)).toBeNull();
      }),
      { numRuns: 200 },
    );
  });

  it('resolves null for a wrong key, another algorithm name, odd ivs and lengths past the end', async () => {
    const real = await encryptSignal(SAMPLES[0], ourKey);
    expect(await decryptSignal(real, otherKey)).toBeNull();
    expect(await decryptSignal(await stock.encryptJson(SAMPLES[0], otherKey), ourKey)).toBeNull();
    const iv = new Uint8Array(12);
    expect(await decryptSignal(envelope('AES-CBC', iv, new Uint8Array(32)), ourKey)).toBeNull();
    expect(
      await decryptSignal(envelope('AES-GCM', new Uint8Array(0), new Uint8Array(32)), ourKey),
    ).toBeNull();
    expect(await decryptSignal(envelope('AES-GCM', iv, new Uint8Array(3)), ourKey)).toBeNull();
    const huge = encoding.createEncoder();
    encoding.writeVarString(huge, 'AES-GCM');
    encoding.writeVarUint(huge, 2 ** 31);
    expect(await decryptSignal(encoding.toUint8Array(huge), ourKey)).toBeNull();
    const hugeString = encoding.createEncoder();
    encoding.writeVarUint(hugeString, 2 ** 40);
    expect(await decryptSignal(encoding.toUint8Array(hugeString), ourKey)).toBeNull();
    expect(await decryptSignal(new Uint8Array(MAX_ENVELOPE_BYTES + 1), ourKey)).toBeNull();
    expect(await decryptSignal('not bytes' as unknown as Uint8Array, ourKey)).toBeNull();
    expect(await decryptSignal(real, 'not a key' as unknown as CryptoKey)).toBeNull();
  });

  it('resolves null when a key holder encrypts something readAny cannot read', async () => {
    // Tag 0 is no lib0 type; 30,000 nested one-element arrays overflow readAny's recursion.
    expect(await decryptSignal(await stock.encrypt(new Uint8Array([0]), ourKey), ourKey)).toBeNull();
    const deep = new Uint8Array(60_000).map((_, i) => (i % 2 === 0 ? 117 : 1));
    const deepEnvelope = await stock.encrypt(deep, ourKey);
    expect(deepEnvelope.length).toBeLessThanOrEqual(MAX_ENVELOPE_BYTES);
    expect(() => decoding.readAny(decoding.createDecoder(deep))).toThrow(RangeError);
    expect(await decryptSignal(deepEnvelope, ourKey)).toBeNull();
  });
});
