/** Minimal view of Web Crypto, present in browsers, Electron and Node ≥ 19 as a global. */
declare const crypto: { getRandomValues<T extends Uint8Array>(array: T): T };

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A random id of `length` base-62 characters (the default carries about 95 bits). */
export function randomId(length = 16): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  let out = '';
  // 248 = 4 × 62: rejecting bytes ≥ 248 keeps every character equally likely.
  for (let i = 0; out.length < length; i++) {
    if (i >= bytes.length) {
      crypto.getRandomValues(bytes);
      i = 0;
    }
    const b = bytes[i]!;
    if (b < 248) out += ALPHABET[b % 62];
  }
  return out;
}
