import { applyUpdates, createDoc, docFacts, encodeState, type Doc } from '../doc/updates';
import { isFromNewerVersion } from '../schema';
import {
  encodeHeader,
  encodeRecord,
  isNewerWriter,
  RecordType,
  scanContainer,
  type ContainerHeader,
} from './container';
import { formatBytes, NEWER_VERSION_READ_ONLY, type OpenProblem } from './problems';
import { decodeSummary, encodeSummary, type FileSummary } from './summary';

/** What was left out when a damaged tail was dropped. */
export interface Recovery {
  /** Saved changes (update records) that were read. */
  readonly keptUpdates: number;
  /** Bytes at the end that could not be read and were left out. */
  readonly droppedBytes: number;
  /** Bytes that were read. */
  readonly keptBytes: number;
  /** What was wrong, in plain words. */
  readonly damage: string;
}

export interface ReadWorkshop {
  readonly ok: true;
  /** The document, loaded with the load origin. */
  readonly doc: Doc;
  readonly header: ContainerHeader;
  /** The last summary record, if any. */
  readonly summary: FileSummary | null;
  /** Null for a healthy file. */
  readonly recovery: Recovery | null;
  /** Set when the file or document comes from a newer Dreamboard: show it, never write to it. */
  readonly readOnlyReason: string | null;
  /** Length of the readable prefix: where the next record goes once the tail is repaired. */
  readonly validBytes: number;
  readonly updateRecords: number;
}

export type ReadWorkshopResult = ReadWorkshop | { readonly ok: false; readonly problem: OpenProblem };

/**
 * Turns file bytes into a document. Never throws for bad bytes: every problem comes back as an
 * `OpenProblem`. A damaged tail (a crash or full disk during an append) is dropped and
 * reported in `recovery`; a file with nothing readable is `damaged`.
 */
export function readWorkshopBytes(bytes: Uint8Array): ReadWorkshopResult {
  const scan = scanContainer(bytes);
  if (!scan.ok) return { ok: false, problem: scan.problem };

  let summary: FileSummary | null = null;
  const updates: Uint8Array[] = [];
  for (const record of scan.records) {
    if (record.type === RecordType.update) updates.push(record.payload);
    else if (record.type === RecordType.summary) summary = decodeSummary(record.payload) ?? summary;
    // Other types belong to newer writers; skipping them is what makes adding a type compatible.
  }

  const { doc, applied, failure } = applyWhatDecodes(updates);
  let droppedBytes = scan.droppedBytes;
  let damage = scan.damage;
  let validBytes = scan.validBytes;
  if (failure !== null) {
    // A checksummed record that Yjs rejects was written wrong, not torn: treat it and all after it as damage.
    const firstBad = scan.records.filter((r) => r.type === RecordType.update)[applied]!;
    validBytes = firstBad.offset;
    droppedBytes = bytes.length - validBytes;
    damage = `a saved change at byte ${firstBad.offset} cannot be read (${failure})`;
  }

  if (damage !== null && applied === 0) {
    return { ok: false, problem: { kind: 'damaged', detail: damage } };
  }
  const recovery =
    damage === null ? null : { keptUpdates: applied, droppedBytes, keptBytes: validBytes, damage };
  const newerDocument = isFromNewerVersion(docFacts(doc).schemaVersion);
  return {
    ok: true,
    doc,
    header: scan.header,
    summary,
    recovery,
    readOnlyReason: isNewerWriter(scan.header) || newerDocument ? NEWER_VERSION_READ_ONLY : null,
    validBytes,
    updateRecords: applied,
  };
}

/**
 * Applies updates one by one. If Yjs throws, the document may hold part of the bad update, so it
 * is rebuilt from the updates before it: what opens is exactly a prefix of what was saved.
 */
function applyWhatDecodes(updates: readonly Uint8Array[]): {
  doc: Doc;
  applied: number;
  failure: string | null;
} {
  let doc = createDoc();
  for (let i = 0; i < updates.length; i++) {
    try {
      applyUpdates(doc, [updates[i]!]);
    } catch (error) {
      doc.destroy();
      doc = createDoc();
      applyUpdates(doc, updates.slice(0, i));
      return {
        doc,
        applied: i,
        failure: error instanceof Error ? error.message.slice(0, 120) : 'unknown error',
      };
    }
  }
  return { doc, applied: updates.length, failure: null };
}

/**
 * Title and counts for a file list, without decoding the Yjs document: checks the framing and
 * checksums, then takes the last summary record. Null when the file has none or is unreadable.
 */
export function readWorkshopSummary(bytes: Uint8Array): FileSummary | null {
  const scan = scanContainer(bytes);
  if (!scan.ok) return null;
  let summary: FileSummary | null = null;
  for (const record of scan.records) {
    if (record.type === RecordType.summary) summary = decodeSummary(record.payload) ?? summary;
  }
  return summary;
}

/** The sentence a person reads after a recovery. */
export function describeRecovery(recovery: Recovery): string {
  return (
    `Opened with everything saved before the damage: ${recovery.keptUpdates} saved ` +
    `${recovery.keptUpdates === 1 ? 'change' : 'changes'} (${formatBytes(recovery.keptBytes)}) were recovered; ` +
    `the last ${formatBytes(recovery.droppedBytes)} could not be read and were left out (${recovery.damage}).`
  );
}

export function summariseForFile(doc: Doc, savedAt: number): FileSummary {
  return { ...docFacts(doc), savedAt };
}

/** A complete, compacted file: header, summary, and the whole state as one update record. */
export function encodeWorkshopFile(doc: Doc, savedAt: number): Uint8Array {
  return encodeCompacted(encodeState(doc), summariseForFile(doc, savedAt));
}

export function encodeCompacted(state: Uint8Array, summary: FileSummary): Uint8Array {
  const parts = [
    encodeHeader(),
    encodeRecord(RecordType.summary, encodeSummary(summary)),
    encodeRecord(RecordType.update, state),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
