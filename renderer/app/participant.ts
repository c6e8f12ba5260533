import { randomId } from '../../shared/util/ids';

/** The part of localStorage used here, so tests can pass a plain object. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const KEY = 'dreamboard.participantId';
const VALID = /^[0-9A-Za-z]{8,64}$/;

/**
 * An anonymous participant id, kept between runs so one person's cards share provenance. It is
 * never a name. Storage can be missing or throw (private windows, file:// in some hosts): then the
 * id lasts for this run only, which costs nothing but provenance continuity.
 */
export function participantId(storage: KeyValueStore | null): string {
  try {
    const existing = storage?.getItem(KEY);
    if (existing && VALID.test(existing)) return existing;
  } catch {
    // Fall through to a fresh id.
  }
  const id = randomId();
  try {
    storage?.setItem(KEY, id);
  } catch {
    // Not kept; see above.
  }
  return id;
}
