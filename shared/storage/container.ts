import { crc32 } from './crc32';

/**
 * The workshop container: a fixed header, then length-prefixed, checksummed records, appended
 * and never rewritten in place. docs/file-format.md is the authority; keep the two in step.
 *
 *   header (16 bytes)
 *     0..7   magic 89 44 52 45 41 4D 0D 0A  ("\x89DREAM\r\n": binary, and survives no text mode)
 *     8..9   u16 LE  format version that wrote the file (writers newer than us: open read-only)
 *     10..11 u16 LE  lowest format version able to read it (above ours: cannot open at all)
 *     12..15 u32 LE  CRC-32 of bytes 0..11
 *   record (9-byte frame + payload)
 *     0..3   u32 LE  payload length
 *     4..7   u32 LE  CRC-32 of bytes 0..3, byte 8 and the payload
 *     8      u8      record type
 *     9..    payload
 */

export const MAGIC = Uint8Array.of(0x89, 0x44, 0x52, 0x45, 0x41, 0x4d, 0x0d, 0x0a);
export const FORMAT_VERSION = 1;
/** Readers of version 1 can read everything this build writes. */
export const MIN_READER_VERSION = 1;
export const HEADER_BYTES = 16;
export const RECORD_FRAME_BYTES = 9;
/** No real record comes near this; a larger length field is damage, not a record to allocate. */
export const MAX_RECORD_BYTES = 256 * 1024 * 1024;

export const RecordType = {
  /** A Yjs update (v1 encoding). Apply all update records in file order to get the document. */
  update: 1,
  /** UTF-8 JSON `FileSummary`: what a file list needs without replaying updates. The last one wins. */
  summary: 2,
} as const;
export type RecordType = (typeof RecordType)[keyof typeof RecordType];

export interface ContainerHeader {
  readonly formatVersion: number;
  readonly minReaderVersion: number;
}

export interface ContainerRecord {
  /** Known types are in `RecordType`; records of unknown types are kept in scans and skipped by readers. */
  readonly type: number;
  readonly payload: Uint8Array;
  /** Byte offset of the record's frame in the file. */
  readonly offset: number;
}

export function encodeHeader(
  formatVersion = FORMAT_VERSION,
  minReaderVersion = MIN_READER_VERSION,
): Uint8Array {
  const bytes = new Uint8Array(HEADER_BYTES);
  const view = new DataView(bytes.buffer);
  bytes.set(MAGIC, 0);
  view.setUint16(8, formatVersion, true);
  view.setUint16(10, minReaderVersion, true);
  view.setUint32(12, crc32(bytes.subarray(0, 12)), true);
  return bytes;
}

export function encodeRecord(type: number, payload: Uint8Array): Uint8Array {
  if (payload.length > MAX_RECORD_BYTES)
    throw new RangeError(`A record of ${payload.length} bytes is larger than the format allows`);
  const bytes = new Uint8Array(RECORD_FRAME_BYTES + payload.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, payload.length, true);
  bytes[8] = type;
  bytes.set(payload, RECORD_FRAME_BYTES);
  view.setUint32(4, recordChecksum(bytes.subarray(0, 4), type, payload), true);
  return bytes;
}

function recordChecksum(lengthBytes: Uint8Array, type: number, payload: Uint8Array): number {
  return crc32(payload, crc32(Uint8Array.of(type), crc32(lengthBytes)));
}

/** Why the file could not be read as a container at all. */
export type ContainerProblem =
  | { readonly kind: 'not-dreamboard'; readonly detail: string }
  | { readonly kind: 'damaged'; readonly detail: string }
  | { readonly kind: 'newer-format'; readonly minReaderVersion: number };

export interface ScannedContainer {
  readonly ok: true;
  readonly header: ContainerHeader;
  /** Records before the first damaged one, in file order. */
  readonly records: readonly ContainerRecord[];
  /** Length of the good prefix: header plus every record kept. */
  readonly validBytes: number;
  /** Bytes after the good prefix that were dropped (0 for a healthy file). */
  readonly droppedBytes: number;
  /** Why the tail was dropped, when it was. */
  readonly damage: string | null;
}

export type ScanResult = ScannedContainer | { readonly ok: false; readonly problem: ContainerProblem };

/**
 * Reads a container without trusting it. A record is kept only if its whole frame is inside
 * the file and its checksum matches; the first record that fails ends the scan, because an
 * append interrupted by a crash or a full disk only ever damages the end of the file.
 */
export function scanContainer(bytes: Uint8Array): ScanResult {
  const header = readHeader(bytes);
  if ('problem' in header) return { ok: false, problem: header.problem };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const records: ContainerRecord[] = [];
  let offset = HEADER_BYTES;
  let damage: string | null = null;
  while (offset < bytes.length) {
    if (bytes.length - offset < RECORD_FRAME_BYTES) {
      damage = `the last record is cut off after ${bytes.length - offset} bytes`;
      break;
    }
    const length = view.getUint32(offset, true);
    const end = offset + RECORD_FRAME_BYTES + length;
    if (length > MAX_RECORD_BYTES || end > bytes.length) {
      damage =
        length > MAX_RECORD_BYTES
          ? `a record claims an impossible length (${length} bytes)`
          : 'the last record is cut off';
      break;
    }
    const type = bytes[offset + 8]!;
    const payload = bytes.subarray(offset + RECORD_FRAME_BYTES, end);
    if (
      view.getUint32(offset + 4, true) !== recordChecksum(bytes.subarray(offset, offset + 4), type, payload)
    ) {
      damage = `a record at byte ${offset} fails its checksum`;
      break;
    }
    records.push({ type, payload, offset });
    offset = end;
  }
  return { ok: true, header, records, validBytes: offset, droppedBytes: bytes.length - offset, damage };
}

function readHeader(bytes: Uint8Array): ContainerHeader | { problem: ContainerProblem } {
  if (bytes.length === 0) return { problem: { kind: 'not-dreamboard', detail: 'the file is empty' } };
  const magicLength = Math.min(bytes.length, MAGIC.length);
  for (let i = 0; i < magicLength; i++) {
    if (bytes[i] !== MAGIC[i])
      return {
        problem: { kind: 'not-dreamboard', detail: 'it does not start with the Dreamboard signature' },
      };
  }
  if (bytes.length < HEADER_BYTES)
    return { problem: { kind: 'damaged', detail: `the header is cut off after ${bytes.length} bytes` } };
  const view = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES);
  if (view.getUint32(12, true) !== crc32(bytes.subarray(0, 12))) {
    return { problem: { kind: 'damaged', detail: 'the header fails its checksum' } };
  }
  const formatVersion = view.getUint16(8, true);
  const minReaderVersion = view.getUint16(10, true);
  if (minReaderVersion > FORMAT_VERSION) return { problem: { kind: 'newer-format', minReaderVersion } };
  return { formatVersion, minReaderVersion };
}

/** True when the file came from a newer writer: we may read it but must not append to it. */
export function isNewerWriter(header: ContainerHeader): boolean {
  return header.formatVersion > FORMAT_VERSION;
}
