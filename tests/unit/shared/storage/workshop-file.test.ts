import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ORIGIN, updateMeta } from '../../../../shared/doc';
import {
  describeRecovery,
  encodeHeader,
  encodeRecord,
  encodeWorkshopFile,
  readWorkshopBytes,
  readWorkshopSummary,
  RecordType,
  scanContainer,
} from '../../../../shared/storage';
import { addCards, contentOf, sampleDoc } from './helpers';

/** A file as autosave leaves it: a compacted start, then one update record per edit. */
function fileWithAppends(edits: number): { bytes: Uint8Array; states: unknown[] } {
  const doc = sampleDoc();
  const parts: Uint8Array[] = [encodeWorkshopFile(doc, 1)];
  const states: unknown[] = [contentOf(doc)];
  doc.on('update', (update: Uint8Array) => parts.push(encodeRecord(RecordType.update, update)));
  for (let i = 0; i < edits; i++) {
    addCards(doc, 1, `edit${i}-`);
    states.push(contentOf(doc));
  }
  return { bytes: Uint8Array.from(parts.flatMap((p) => [...p])), states };
}

describe('reading a workshop file', () => {
  it('gives back the same document it was written from', () => {
    const doc = sampleDoc();
    const read = readWorkshopBytes(encodeWorkshopFile(doc, 123));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(contentOf(read.doc)).toEqual(contentOf(doc));
    expect(read.recovery).toBeNull();
    expect(read.readOnlyReason).toBeNull();
    expect(read.summary).toEqual({
      title: 'Homelessness in Northshire',
      schemaVersion: 1,
      savedAt: 123,
      cards: 2,
      frames: 1,
      connectors: 1,
    });
  });

  it('opens a file cut at any byte of its last records as exactly an earlier saved state', () => {
    const { bytes, states } = fileWithAppends(4);
    const scan = scanContainer(bytes);
    if (!scan.ok) throw new Error('fixture unreadable');
    const updateStarts = scan.records.filter((r) => r.type === RecordType.update).map((r) => r.offset);
    // From inside the compacted state record's successor (first append) to the end.
    for (let cut = updateStarts[1]!; cut <= bytes.length; cut++) {
      const read = readWorkshopBytes(bytes.subarray(0, cut));
      if (!read.ok) throw new Error(`cut at ${cut} unreadable: ${JSON.stringify(read.problem)}`);
      const appendsKept = read.updateRecords - 1;
      expect(contentOf(read.doc), `cut at ${cut}`).toEqual(states[appendsKept]);
      expect(read.recovery === null, `cut at ${cut}`).toBe(
        cut === bytes.length || updateStarts.includes(cut),
      );
    }
  });

  it('opens any damage to the appended records (cut, bit flip or zeroed bytes) as an earlier saved state', () => {
    const { bytes, states } = fileWithAppends(6);
    const scan = scanContainer(bytes);
    if (!scan.ok) throw new Error('fixture unreadable');
    const appendedFrom = scan.records.filter((r) => r.type === RecordType.update)[1]!.offset;
    const damage = fc.oneof(
      fc.record({
        kind: fc.constant('cut' as const),
        at: fc.integer({ min: appendedFrom, max: bytes.length }),
      }),
      fc.record({
        kind: fc.constant('flip' as const),
        at: fc.integer({ min: appendedFrom, max: bytes.length - 1 }),
        bit: fc.integer({ min: 0, max: 7 }),
      }),
      fc.record({
        kind: fc.constant('zero' as const),
        at: fc.integer({ min: appendedFrom, max: bytes.length - 1 }),
        length: fc.integer({ min: 1, max: 64 }),
      }),
    );
    fc.assert(
      fc.property(damage, (d) => {
        const damaged = d.kind === 'cut' ? bytes.slice(0, d.at) : bytes.slice();
        if (d.kind === 'flip') damaged[d.at]! ^= 1 << d.bit;
        if (d.kind === 'zero') damaged.fill(0, d.at, d.at + d.length);
        const read = readWorkshopBytes(damaged);
        if (!read.ok) return false;
        return JSON.stringify(contentOf(read.doc)) === JSON.stringify(states[read.updateRecords - 1]);
      }),
      { seed: 1125, numRuns: 300 },
    );
  });

  it('says how much was recovered after dropping a damaged tail', () => {
    const { bytes } = fileWithAppends(2);
    const read = readWorkshopBytes(bytes.subarray(0, bytes.length - 5));
    if (!read.ok || !read.recovery) throw new Error('expected a recovery');
    expect(read.recovery.droppedBytes).toBeGreaterThan(0);
    expect(describeRecovery(read.recovery)).toMatch(
      /^Opened with everything saved before the damage: 2 saved changes \(.+\) were recovered; the last .+ could not be read/,
    );
  });

  it('drops a checksummed record that Yjs cannot decode, and everything after it', () => {
    const doc = sampleDoc();
    const bytes = Uint8Array.from([
      ...encodeWorkshopFile(doc, 1),
      ...encodeRecord(RecordType.update, Uint8Array.of(200, 1, 2, 3, 250, 250, 250)),
      ...encodeRecord(RecordType.update, Y.encodeStateAsUpdate(sampleDoc('other'))),
    ]);
    const read = readWorkshopBytes(bytes);
    if (!read.ok) throw new Error(JSON.stringify(read.problem));
    expect(read.recovery?.damage).toMatch(/cannot be read/);
    expect(contentOf(read.doc)).toEqual(contentOf(doc));
  });

  it('calls a file with a header but no readable record damaged beyond repair', () => {
    const good = encodeWorkshopFile(sampleDoc(), 1);
    const bytes = good.slice();
    bytes[20] = bytes[20]! ^ 0xff;
    const read = readWorkshopBytes(bytes);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problem.kind).toBe('damaged');
  });

  it('gives a file list the latest title without decoding the document', () => {
    const doc = sampleDoc('First title');
    const bytes = Uint8Array.from([
      ...encodeWorkshopFile(doc, 1),
      ...encodeRecord(
        RecordType.summary,
        new TextEncoder().encode(
          JSON.stringify({
            title: 'Second title',
            schemaVersion: 1,
            savedAt: 2,
            cards: 2,
            frames: 1,
            connectors: 1,
          }),
        ),
      ),
      ...encodeRecord(RecordType.summary, new TextEncoder().encode('{not json')),
    ]);
    expect(readWorkshopSummary(bytes)).toMatchObject({ title: 'Second title', savedAt: 2 });
    expect(readWorkshopSummary(new TextEncoder().encode('not a workshop'))).toBeNull();
  });

  it('opens an empty container (header only) as an empty workshop', () => {
    const read = readWorkshopBytes(encodeHeader());
    expect(read.ok && read.doc.getMap('cards').size).toBe(0);
  });

  it('opens a document with a newer schema version read-only', () => {
    const doc = sampleDoc();
    updateMeta(doc, { schemaVersion: 99 }, ORIGIN.load);
    const read = readWorkshopBytes(encodeWorkshopFile(doc, 1));
    expect(read.ok && read.readOnlyReason).toMatch(/update Dreamboard to edit it/);
  });

  it('opens a file from a newer writer read-only when it says older readers may read it', () => {
    const doc = sampleDoc();
    const current = encodeWorkshopFile(doc, 1);
    const bytes = Uint8Array.from([
      ...encodeHeader(2, 1),
      ...current.subarray(16),
      ...encodeRecord(77, Uint8Array.of(1, 2, 3)),
    ]);
    const read = readWorkshopBytes(bytes);
    if (!read.ok) throw new Error(JSON.stringify(read.problem));
    expect(read.readOnlyReason).toMatch(/newer version/);
    expect(contentOf(read.doc)).toEqual(contentOf(doc));
    expect(read.recovery).toBeNull();
  });
});
