import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocumentIndex } from '../../../../shared/doc';
import { readWorkshopBytes } from '../../../../shared/storage';
import { withTempDir } from './helpers';

const FIXTURES = resolve(__dirname, '../../../fixtures');

function expectFixtureContent(bytes: Uint8Array) {
  const read = readWorkshopBytes(bytes);
  if (!read.ok) throw new Error(JSON.stringify(read.problem));
  expect(read.recovery).toBeNull();
  expect(read.readOnlyReason).toBeNull();
  expect(read.summary?.title).toBe('Written by a plain Yjs program');
  const snapshot = new DocumentIndex(read.doc).getSnapshot();
  expect(snapshot.quarantine).toEqual([]);
  expect(snapshot.meta).toMatchObject({
    title: 'Written by a plain Yjs program',
    schemaVersion: 1,
    template: 'blank',
  });
  expect(snapshot.cards.get('need1' as never)).toMatchObject({
    kind: 'need',
    text: 'Somewhere safe to sleep tonight, with my dog',
    frame: 'frame1',
    fields: { whose: 'lived-experience' },
  });
  expect(snapshot.cards.get('barrier1' as never)?.fields).toEqual({
    isThreshold: true,
    proposal: 'test-removing',
  });
  expect(snapshot.frames.get('frame1' as never)?.title).toBe('Today: what happens now');
  expect(snapshot.connectors.get('link1' as never)).toMatchObject({
    from: 'barrier1',
    to: 'need1',
    kind: 'blocks',
  });
}

describe('a file written only from docs/file-format.md', () => {
  it('opens and reads correctly when the plain Yjs writer runs now', () =>
    withTempDir(async (dir) => {
      const out = join(dir, 'plain.dreamboard');
      execFileSync(process.execPath, [join(FIXTURES, 'plain-yjs-writer.mjs'), out]);
      expectFixtureContent(await readFile(out));
    }));

  it('still opens from the committed copy (files written by format version 1 stay readable)', async () => {
    expectFixtureContent(await readFile(join(FIXTURES, 'plain-yjs-writer.dreamboard')));
  });
});
