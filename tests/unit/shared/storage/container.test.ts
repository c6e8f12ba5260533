import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  crc32,
  encodeHeader,
  encodeRecord,
  FORMAT_VERSION,
  HEADER_BYTES,
  MAGIC,
  RECORD_FRAME_BYTES,
  scanContainer,
} from '../../../../shared/storage';

const ascii = (s: string) => new TextEncoder().encode(s);

function file(...payloads: Uint8Array[]): Uint8Array {
  const parts = [encodeHeader(), ...payloads.map((p) => encodeRecord(1, p))];
  return Uint8Array.from(parts.flatMap((p) => [...p]));
}

describe('crc32', () => {
  it('matches the standard check value and zlib for known inputs', () => {
    expect(crc32(ascii('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    expect(crc32(ascii('The quick brown fox jumps over the lazy dog'))).toBe(0x414fa339);
  });

  it('gives the same result when continued over pieces', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.nat(200), (bytes, cut) => {
        const at = Math.min(cut, bytes.length);
        expect(crc32(bytes.subarray(at), crc32(bytes.subarray(0, at)))).toBe(crc32(bytes));
      }),
    );
  });
});

describe('container scan', () => {
  it('reads back every record of a healthy file with no damage', () => {
    const scan = scanContainer(file(ascii('one'), ascii(''), ascii('three')));
    expect(scan.ok).toBe(true);
    if (!scan.ok) return;
    expect(scan.header.formatVersion).toBe(FORMAT_VERSION);
    expect(scan.records.map((r) => new TextDecoder().decode(r.payload))).toEqual(['one', '', 'three']);
    expect(scan.droppedBytes).toBe(0);
    expect(scan.damage).toBeNull();
  });

  it('recovers exactly the whole records before the cut, for a cut at every byte of the last records', () => {
    const payloads = [ascii('first record'), ascii('second'), new Uint8Array(40).fill(7), ascii('last one')];
    const bytes = file(...payloads);
    const starts: number[] = [];
    let at = HEADER_BYTES;
    for (const p of payloads) {
      starts.push(at);
      at += RECORD_FRAME_BYTES + p.length;
    }
    for (let cut = starts[1]!; cut <= bytes.length; cut++) {
      const scan = scanContainer(bytes.subarray(0, cut));
      if (!scan.ok) throw new Error(`cut at ${cut}: ${JSON.stringify(scan.problem)}`);
      const whole = starts.filter((s, i) => s + RECORD_FRAME_BYTES + payloads[i]!.length <= cut).length;
      expect(scan.records.length, `cut at ${cut}`).toBe(whole);
      expect(scan.validBytes + scan.droppedBytes).toBe(cut);
    }
  });

  it('never keeps a record changed by a bit flip, and keeps every record before it', () => {
    const payloads = Array.from({ length: 5 }, (_, i) => ascii(`record number ${i}`));
    const bytes = file(...payloads);
    fc.assert(
      fc.property(
        fc.integer({ min: HEADER_BYTES, max: bytes.length - 1 }),
        fc.integer({ min: 0, max: 7 }),
        (offset, bit) => {
          const damaged = bytes.slice();
          damaged[offset]! ^= 1 << bit;
          const scan = scanContainer(damaged);
          expect(scan.ok).toBe(true);
          if (!scan.ok) return;
          for (const r of scan.records)
            expect(offset < r.offset || offset >= r.offset + RECORD_FRAME_BYTES + r.payload.length).toBe(
              true,
            );
          expect(scan.records.length).toBeLessThan(payloads.length);
        },
      ),
      { seed: 42 },
    );
  });

  it('treats an absurd length field as damage without allocating it', () => {
    const bytes = file(ascii('kept'), ascii('lost'));
    const second = HEADER_BYTES + RECORD_FRAME_BYTES + 4;
    new DataView(bytes.buffer).setUint32(second, 0xfffffff0, true);
    const scan = scanContainer(bytes);
    expect(scan.ok && scan.records.length).toBe(1);
    expect(scan.ok && scan.damage).toMatch(/impossible length/);
  });

  it.each([
    ['an empty file', new Uint8Array(0), 'not-dreamboard'],
    ['text', ascii('hello, this is a plain text file'), 'not-dreamboard'],
    ['a cut-off header', encodeHeader().subarray(0, 11), 'damaged'],
    [
      'a header failing its checksum',
      (() => {
        const h = encodeHeader();
        h[9] = 0x55;
        return h;
      })(),
      'damaged',
    ],
    ['a newer format that older readers cannot read', encodeHeader(3, 2), 'newer-format'],
  ])('refuses %s', (_name, bytes, kind) => {
    const scan = scanContainer(bytes);
    expect(scan.ok).toBe(false);
    if (!scan.ok) expect(scan.problem.kind).toBe(kind);
  });

  it('starts with the documented magic bytes', () => {
    expect([...encodeHeader().subarray(0, 8)]).toEqual([...MAGIC]);
    expect([...MAGIC]).toEqual([0x89, 0x44, 0x52, 0x45, 0x41, 0x4d, 0x0d, 0x0a]);
  });

  it('reads a file from a newer writer that older readers may read', () => {
    const scan = scanContainer(
      Uint8Array.from([...encodeHeader(2, 1), ...encodeRecord(9, ascii('future record type'))]),
    );
    expect(scan.ok && scan.header.formatVersion).toBe(2);
    expect(scan.ok && scan.records[0]!.type).toBe(9);
  });
});
