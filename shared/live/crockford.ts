/**
 * Crockford base32 for join codes people read out and type, and the two check symbols that catch
 * a typo locally (instead of the app waiting for a room that does not exist).
 *
 * Alphabet: digits and letters without I, L, O and U. I, L and O look like 1 and 0, so when typed
 * they are read as 1, 1 and 0; U is left out (Crockford's reason: fewer accidental words).
 */

export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Typed look-alikes mapped to the symbol the reader most likely saw. */
const CONFUSIONS: Readonly<Record<string, string>> = { O: '0', I: '1', L: '1' };

/** Separators people type or paste between groups: spaces, hyphens and the dashes word processors make. */
const SEPARATORS = /[\s\u002D\u2010-\u2015\u2212]/gu;

export type SymbolsResult =
  | { readonly ok: true; readonly symbols: readonly number[] }
  | { readonly ok: false; readonly badChar: string };

/** Separators dropped, case folded, look-alikes mapped; symbol values 0–31, or the first character that is not one. */
export function readSymbols(text: string): SymbolsResult {
  const symbols: number[] = [];
  for (const raw of text.replace(SEPARATORS, '')) {
    const upper = raw.toUpperCase();
    const char = CONFUSIONS[upper] ?? upper;
    const value = char.length === 1 ? CROCKFORD_ALPHABET.indexOf(char) : -1;
    if (value < 0) return { ok: false, badChar: raw };
    symbols.push(value);
  }
  return { ok: true, symbols };
}

export function writeSymbols(symbols: readonly number[]): string {
  return symbols.map((s) => CROCKFORD_ALPHABET.charAt(s)).join('');
}

/** Groups of four joined by dashes, the way the code is shown and read out. */
export function groupInFours(text: string): string {
  return (text.match(/.{1,4}/g) ?? []).join('-');
}

// GF(32) with the primitive polynomial x^5 + x^2 + 1, so α = 2 has order 31.
const EXP: number[] = [];
const LOG: number[] = new Array<number>(32).fill(0);
{
  let x = 1;
  for (let i = 0; i < 31; i++) {
    EXP.push(x);
    LOG[x] = i;
    x <<= 1;
    if (x & 32) x ^= 0b100101;
  }
}

function mul(a: number, b: number): number {
  if (a === 0 || b === 0) return 0;
  return EXP[((LOG[a] ?? 0) + (LOG[b] ?? 0)) % 31] ?? 0;
}

function div(a: number, b: number): number {
  if (a === 0) return 0;
  return EXP[((LOG[a] ?? 0) - (LOG[b] ?? 0) + 31) % 31] ?? 0;
}

function alphaPow(i: number): number {
  return EXP[i % 31] ?? 1;
}

/**
 * The two syndromes of a Reed–Solomon-style parity check: S1 = Σ rⱼ, S2 = Σ αʲ·rⱼ over GF(32).
 * A valid code has both zero. One wrong symbol makes S1 non-zero; swapping neighbours j, j+1
 * leaves S1 alone but changes S2 by (αʲ + αʲ⁺¹)(a + b), non-zero whenever the two differ, because
 * neighbouring powers of α always differ (this holds for any length, not only up to 31).
 */
function syndromes(symbols: readonly number[]): [number, number] {
  let s1 = 0;
  let s2 = 0;
  symbols.forEach((r, j) => {
    s1 ^= r;
    s2 ^= mul(alphaPow(j), r);
  });
  return [s1, s2];
}

/** The two symbols that, appended to `data`, make both syndromes zero. */
export function checkSymbols(data: readonly number[]): [number, number] {
  const [a, b] = syndromes(data);
  const p = alphaPow(data.length);
  const q = alphaPow(data.length + 1);
  // Solve c1 + c2 = a and p·c1 + q·c2 = b.
  const c1 = div(b ^ mul(q, a), p ^ q);
  return [c1, a ^ c1];
}

export function hasValidCheck(symbols: readonly number[]): boolean {
  const [s1, s2] = syndromes(symbols);
  return s1 === 0 && s2 === 0;
}
