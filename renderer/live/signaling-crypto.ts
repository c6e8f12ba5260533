import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * Encryption of signaling messages, byte-compatible with y-webrtc 10's src/crypto.js (deriveKey,
 * encryptJson, decryptJson), which the package does not export. The signaling server relays
 * these as base64 and can read none of them; everyone who knows the room password can.
 *
 * Envelope: lib0 varString 'AES-GCM', varUint8Array iv (12 bytes), varUint8Array ciphertext
 * (with its 16-byte tag); the plaintext is lib0 `writeAny` of the message object.
 */

/** y-webrtc's parameters; changing any of them makes us unable to talk to stock clients. */
const PBKDF2_ITERATIONS = 100_000;
const ALGORITHM = 'AES-GCM';
const IV_BYTES = 12;
const GCM_TAG_BYTES = 16;
/** Larger than any signaling message (the client caps base64 at 64 KiB before decoding). */
export const MAX_ENVELOPE_BYTES = 64 * 1024;

const utf8 = new TextEncoder();

/**
 * The room key: PBKDF2-SHA-256 over the password, salted with the room name, as y-webrtc derives
 * it. Unlike y-webrtc's the key is not extractable (nothing here needs its bytes); that does not
 * change the key itself.
 */
export async function deriveRoomKey(password: string, roomName: string): Promise<CryptoKey> {
  const subtle = globalThis.crypto.subtle;
  const material = await subtle.importKey('raw', utf8.encode(password), 'PBKDF2', false, ['deriveKey']);
  return subtle.deriveKey(
    { name: 'PBKDF2', salt: utf8.encode(roomName), iterations: PBKDF2_ITERATIONS, hash: 'SHA-256' },
    material,
    { name: ALGORITHM, length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** y-webrtc's encryptJson: a fresh random iv per message (never reuse one with a GCM key). */
export async function encryptSignal(data: unknown, key: CryptoKey): Promise<Uint8Array> {
  const plain = encoding.createEncoder();
  encoding.writeAny(plain, data as Parameters<typeof encoding.writeAny>[1]);
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const cipher = await globalThis.crypto.subtle.encrypt(
    { name: ALGORITHM, iv },
    key,
    encoding.toUint8Array(plain),
  );
  const envelope = encoding.createEncoder();
  encoding.writeVarString(envelope, ALGORITHM);
  encoding.writeVarUint8Array(envelope, iv);
  encoding.writeVarUint8Array(envelope, new Uint8Array(cipher));
  return encoding.toUint8Array(envelope);
}

/**
 * y-webrtc's decryptJson, for bytes anyone on the server may have sent: resolves null, never
 * rejects, for a wrong key (someone in the same topic with another password), garbage, a
 * truncated envelope, another algorithm or lengths pointing past the end. A null result says
 * nothing about why, on purpose: callers only count it.
 */
export async function decryptSignal(bytes: Uint8Array, key: CryptoKey): Promise<unknown> {
  try {
    if (!(bytes instanceof Uint8Array) || bytes.length > MAX_ENVELOPE_BYTES) return null;
    const envelope = decoding.createDecoder(bytes);
    if (decoding.readVarString(envelope) !== ALGORITHM) return null;
    const iv = decoding.readVarUint8Array(envelope);
    const cipher = decoding.readVarUint8Array(envelope);
    if (iv.length !== IV_BYTES || cipher.length < GCM_TAG_BYTES) return null;
    // Copies: Web Crypto wants ArrayBuffer-backed views, and these are views into `bytes`.
    const plain = await globalThis.crypto.subtle.decrypt(
      { name: ALGORITHM, iv: new Uint8Array(iv) },
      key,
      new Uint8Array(cipher),
    );
    // Only a key holder gets this far, but one may still be hostile: readAny throws on bad input
    // (and on deep nesting, by stack overflow), all caught here.
    return decoding.readAny(decoding.createDecoder(new Uint8Array(plain)));
  } catch {
    return null;
  }
}
