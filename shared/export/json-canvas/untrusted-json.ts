/**
 * Parsing JSON from outside (an imported file) without letting it hurt us: too large, too
 * deeply nested (stack exhaustion in whatever walks it later) or carrying keys that poison
 * prototypes when a careless copy meets them. Each failure is a plain sentence; nothing throws.
 */
export const MAX_JSON_CHARS = 16 * 1024 * 1024;
export const MAX_JSON_DEPTH = 16;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type ParsedJson = { ok: true; value: unknown } | { ok: false; problem: string };

export function parseUntrustedJson(text: string, what: string): ParsedJson {
  if (text.length > MAX_JSON_CHARS)
    return {
      ok: false,
      problem: `The ${what} is too large (${Math.round(text.length / 1048576)} MB; the limit is 16 MB).`,
    };
  const depth = nestingDepth(text);
  if (depth > MAX_JSON_DEPTH)
    return {
      ok: false,
      problem: `The ${what} is nested more than ${MAX_JSON_DEPTH} levels deep, which no real file needs.`,
    };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message.slice(0, 120) : 'unreadable';
    return { ok: false, problem: `The ${what} is not valid JSON (${detail}).` };
  }
  const bad = forbiddenKeyPath(value, '');
  if (bad !== null)
    return {
      ok: false,
      problem: `The ${what} contains a key named "${bad.key}" at ${bad.path || 'the top level'}, which is not allowed.`,
    };
  return { ok: true, value };
}

/** Deepest bracket nesting outside strings, found without building anything. */
function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c)
        i++; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x7b || ch === 0x5b) {
      depth++;
      if (depth > max) max = depth;
    } else if (ch === 0x7d || ch === 0x5d) depth--;
  }
  return max;
}

function forbiddenKeyPath(value: unknown, path: string): { key: string; path: string } | null {
  if (value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = forbiddenKeyPath(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) return { key, path: path || 'the top level' };
    const found = forbiddenKeyPath(
      (value as Record<string, unknown>)[key],
      path ? `${path}.${key.slice(0, 40)}` : key.slice(0, 40),
    );
    if (found) return found;
  }
  return null;
}
