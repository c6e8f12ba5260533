import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { DocSnapshot } from '../doc';

/**
 * A deterministic fingerprint of the workshop content a plan was derived from. It hashes the
 * validated records, not the Yjs bytes: the same content reached by different edit histories
 * (or written by different peers) gives the same hash, and a reader can recompute it from the
 * records alone. Canonical JSON: object keys sorted, records sorted by id.
 */
export function contentHash(snapshot: Pick<DocSnapshot, 'meta' | 'cards' | 'frames' | 'connectors'>): string {
  const byId = <T extends { id: string }>(records: Iterable<T>) =>
    [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const canonical = canonicalJson({
    meta: snapshot.meta,
    frames: byId(snapshot.frames.values()),
    cards: byId(snapshot.cards.values()),
    connectors: byId(snapshot.connectors.values()),
  });
  return `sha256:${bytesToHex(sha256(utf8ToBytes(canonical)))}`;
}

/** JSON with object keys in code-unit order at every level, so equal content gives equal text. */
export function canonicalJson(value: unknown): string {
  const parts: string[] = [];
  write(value, parts);
  return parts.join('');
}

function write(value: unknown, out: string[]): void {
  if (value === null || typeof value !== 'object') {
    out.push(JSON.stringify(value) ?? 'null');
    return;
  }
  if (Array.isArray(value)) {
    out.push('[');
    value.forEach((item, i) => {
      if (i > 0) out.push(',');
      write(item, out);
    });
    out.push(']');
    return;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  out.push('{');
  keys.forEach((key, i) => {
    if (i > 0) out.push(',');
    out.push(JSON.stringify(key), ':');
    write(record[key], out);
  });
  out.push('}');
}
