/**
 * Escapes text for XML content and attributes. Characters XML 1.0 forbids (control characters,
 * lone surrogates, U+FFFE/U+FFFF) are dropped: card text comes from peers and imports, and one
 * such character would make the whole SVG unreadable.
 */
export function escapeXml(text: string): string {
  return withoutInvalidXmlCharacters(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function isAllowedInXml(codePoint: number): boolean {
  if (codePoint === 0x9 || codePoint === 0xa || codePoint === 0xd) return true;
  if (codePoint < 0x20) return false;
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return false; // a lone surrogate (paired ones arrive whole)
  return codePoint !== 0xfffe && codePoint !== 0xffff;
}

function withoutInvalidXmlCharacters(text: string): string {
  let clean = true;
  for (const ch of text) if (!isAllowedInXml(ch.codePointAt(0)!)) clean = false;
  if (clean) return text;
  let out = '';
  for (const ch of text) if (isAllowedInXml(ch.codePointAt(0)!)) out += ch;
  return out;
}

/** Numbers in SVG attributes: two decimals are finer than any screen or printer needs. */
export function num(value: number): string {
  return String(Math.round(value * 100) / 100);
}
