/**
 * The summary record: enough to list a workshop (title, counts) without replaying its updates.
 * Written at compaction and appended whenever the title changes; the last valid one wins.
 * Counts are as of the summary's `savedAt`; the document itself is always the authority.
 */
export interface FileSummary {
  readonly title: string;
  readonly schemaVersion: number;
  /** When the summary was written, ms since the epoch. */
  readonly savedAt: number;
  readonly cards: number;
  readonly frames: number;
  readonly connectors: number;
}

/** Present in browsers, Electron and Node as globals; declared here because shared/ sees no DOM types. */
declare const TextEncoder: new () => { encode(text: string): Uint8Array };
declare const TextDecoder: new (
  label: string,
  options: { fatal: boolean },
) => { decode(bytes: Uint8Array): string };

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function encodeSummary(summary: FileSummary): Uint8Array {
  return encoder.encode(JSON.stringify(summary));
}

/** Null when the payload is not a summary this build understands; never throws. */
export function decodeSummary(payload: Uint8Array): FileSummary | null {
  let raw: unknown;
  try {
    raw = JSON.parse(decoder.decode(payload));
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  const count = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0);
  return {
    title: typeof r.title === 'string' ? r.title.slice(0, 200) : '',
    schemaVersion: count(r.schemaVersion),
    savedAt: typeof r.savedAt === 'number' && Number.isFinite(r.savedAt) ? r.savedAt : 0,
    cards: count(r.cards),
    frames: count(r.frames),
    connectors: count(r.connectors),
  };
}
