/** File names for workshops: shared by main (real folders) and the browser storage. */

export const WORKSHOP_EXTENSION = '.dreamboard';

/** Characters no common file system accepts, or that would reach another folder. */
const UNSAFE = /[\p{Cc}/\\:*?"<>|]/gu;
/** Names Windows reserves whatever the extension ("CON.dreamboard" cannot be created there). */
const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;
const MAX_BASE_LENGTH = 100;

/**
 * A file name base from a workshop title typed by a person: unsafe characters become spaces,
 * leading/trailing dots and spaces go, and an empty or reserved result becomes "Workshop".
 */
export function fileBaseFromTitle(title: string): string {
  const cleaned = title
    .replace(UNSAFE, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+|[.\s]+$/g, '');
  const short = cleaned.slice(0, MAX_BASE_LENGTH).replace(/[.\s]+$/, '');
  if (short === '' || RESERVED.test(short)) return 'Workshop';
  return short;
}

/** "Plan", "Plan 2", "Plan 3"…: the first candidate `isTaken` says is free. */
export async function firstFreeName(
  base: string,
  isTaken: (fileName: string) => Promise<boolean> | boolean,
  limit = 1000,
): Promise<string | null> {
  for (let n = 1; n <= limit; n++) {
    const fileName = `${n === 1 ? base : `${base} ${n}`}${WORKSHOP_EXTENSION}`;
    if (!(await isTaken(fileName))) return fileName;
  }
  return null;
}

/** "Plan.dreamboard" → "Plan"; other names unchanged. */
export function workshopNameOf(fileName: string): string {
  return fileName.toLowerCase().endsWith(WORKSHOP_EXTENSION)
    ? fileName.slice(0, -WORKSHOP_EXTENSION.length)
    : fileName;
}
