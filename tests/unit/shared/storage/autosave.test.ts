import { readdir, readFile, writeFile } from 'node:fs/promises';
import * as fsp from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ORIGIN, updateMeta } from '../../../../shared/doc';
import {
  createWorkshopFile,
  encodeRecord,
  openForEditing,
  readWorkshopFile,
  readWorkshopSummary,
  RecordType,
  scanContainer,
  type AutosaveOptions,
  type AutosaveSession,
  type SaveState,
} from '../../../../shared/storage';
import { NodeVolume, type NodeFs } from '../../../../electron/storage/node-volume';
import { addCards, contentOf, ManualScheduler, sampleDoc, withTempDir } from './helpers';

const volume = new NodeVolume();

async function openSession(path: string, extra: Partial<AutosaveOptions> = {}) {
  const scheduler = new ManualScheduler();
  const states: SaveState[] = [];
  const opened = await openForEditing({
    volume,
    path,
    scheduler,
    onStateChange: (s) => states.push(s),
    ...extra,
  });
  if (!opened.ok) throw new Error(JSON.stringify(opened.problem));
  return { ...opened, scheduler, states };
}

/** The live document a renderer would hold, wired to the session. */
function liveDocFor(session: AutosaveSession): Y.Doc {
  const live = new Y.Doc();
  Y.applyUpdate(live, session.encodeState(), ORIGIN.load);
  live.on('update', (update: Uint8Array) => session.record(update));
  return live;
}

describe('autosave', () => {
  it('round trip: create, edit, close and reopen gives the same document', () =>
    withTempDir(async (dir) => {
      const path = join(dir, 'round.dreamboard');
      await createWorkshopFile(volume, path, sampleDoc(), 1);
      const { session } = await openSession(path);
      const live = liveDocFor(session);
      addCards(live, 30);
      updateMeta(live, { title: 'Renamed' });
      await session.close();
      const reread = await readWorkshopFile(volume, path);
      if (!reread.ok) throw new Error('unreadable');
      expect(contentOf(reread.doc)).toEqual(contentOf(live));
      expect(reread.recovery).toBeNull();
      expect(reread.summary?.title).toBe('Renamed');
    }));

  it('batches changes until the timer fires, then reports saved', () =>
    withTempDir(async (dir) => {
      const path = join(dir, 'batch.dreamboard');
      await createWorkshopFile(volume, path, sampleDoc(), 1);
      const { session, scheduler, states } = await openSession(path, { delayMs: 300 });
      const live = liveDocFor(session);
      addCards(live, 3);
      expect(scheduler.pendingDelays).toEqual([300]);
      expect(session.saveState.kind).toBe('unsaved');
      scheduler.runAll();
      await session.flush();
      expect(session.saveState.kind).toBe('saved');
      expect(states.map((s) => s.kind)).toContain('saving');
      const bytes = await readFile(path);
      const scan = scanContainer(bytes);
      // Compacted start (summary + state), one record for the batch of three edits, and a fresh
      // summary because the card count changed (file lists read it without replaying the document).
      expect(scan.ok && scan.records.map((r) => r.type)).toEqual([
        RecordType.summary,
        RecordType.update,
        RecordType.update,
        RecordType.summary,
      ]);
      expect(readWorkshopSummary(bytes)?.cards).toBe(sampleDoc().getMap('cards').size + 3);
    }));

  it('refuses to create over an existing file and leaves it as it was', () =>
    withTempDir(async (dir) => {
      const path = join(dir, 'exists.dreamboard');
      await writeFile(path, 'precious');
      await expect(createWorkshopFile(volume, path, sampleDoc(), 1)).rejects.toMatchObject({
        code: 'exists',
      });
      expect(await readFile(path, 'utf8')).toBe('precious');
      expect(await readdir(dir)).toEqual(['exists.dreamboard']);
    }));

  it('compacts into one record with no temporary file left behind', () =>
    withTempDir(async (dir) => {
      const path = join(dir, 'compact.dreamboard');
      await createWorkshopFile(volume, path, sampleDoc(), 1);
      const { session } = await openSession(path, { shouldCompact: (s) => s.recordsSinceCompaction >= 3 });
      const live = liveDocFor(session);
      for (let i = 0; i < 4; i++) {
        addCards(live, 1, `k${i}-`);
        await session.flush();
      }
      const scan = scanContainer(await readFile(path));
      expect(scan.ok && scan.records.map((r) => r.type)).toEqual([RecordType.summary, RecordType.update]);
      expect(await readdir(dir)).toEqual(['compact.dreamboard']);
      await session.close();
    }));

  it('removes temporary files a crash left beside the workshop when it is opened', () =>
    withTempDir(async (dir) => {
      const path = join(dir, 'w.dreamboard');
      await createWorkshopFile(volume, path, sampleDoc(), 1);
      await writeFile(join(dir, '.w.dreamboard.0123456789ab.tmp'), 'half a compaction');
      await writeFile(join(dir, '.other.dreamboard.0123456789ab.tmp'), 'not ours');
      const { removedTemporaries, session } = await openSession(path);
      expect(removedTemporaries).toBe(1);
      expect((await readdir(dir)).sort()).toEqual(['.other.dreamboard.0123456789ab.tmp', 'w.dreamboard']);
      await session.close();
    }));

  it('rewrites a recovered file whole on its first save so new work never follows damage', () =>
    withTempDir(async (dir) => {
      const path = join(dir, 'torn.dreamboard');
      const good = await (async () => {
        await createWorkshopFile(volume, path, sampleDoc(), 1);
        return readFile(path);
      })();
      await writeFile(
        path,
        Buffer.concat([good, encodeRecord(RecordType.update, Uint8Array.of(1, 2, 3)).subarray(0, 7)]),
      );
      const { session, read } = await openSession(path);
      expect(read.recovery?.droppedBytes).toBe(7);
      const live = liveDocFor(session);
      addCards(live, 2);
      await session.close();
      const reread = await readWorkshopFile(volume, path);
      if (!reread.ok) throw new Error('unreadable');
      expect(reread.recovery).toBeNull();
      expect(contentOf(reread.doc)).toEqual(contentOf(live));
    }));

  it('on a full disk keeps retrying, never damages what was saved, and saves everything once space returns', () =>
    withTempDir(async (dir) => {
      const path = join(dir, 'full.dreamboard');
      await createWorkshopFile(volume, path, sampleDoc(), 1);
      const disk = new FillableDisk();
      const scheduler = new ManualScheduler();
      const opened = await openForEditing({
        volume: new NodeVolume(disk.fs),
        path,
        scheduler,
        retryDelaysMs: [100, 400],
      });
      if (!opened.ok) throw new Error('unreadable');
      const session = opened.session;
      const live = liveDocFor(session);
      addCards(live, 5, 'before');
      await session.flush();
      const savedBefore = contentOf(live);

      disk.full = true;
      addCards(live, 5, 'during');
      await expect(session.flush()).rejects.toMatchObject({ code: 'disk-full' });
      expect(session.saveState).toMatchObject({ kind: 'failing', code: 'disk-full', retryInMs: 100 });
      expect(session.saveState.kind === 'failing' && session.saveState.message).toMatch(
        /disk is full.*nothing already saved is lost/,
      );
      // What is on disk now (with a torn partial write at the end) still opens with everything saved before.
      const meanwhile = await readWorkshopFile(volume, path);
      if (!meanwhile.ok) throw new Error('unreadable while failing');
      expect(contentOf(meanwhile.doc)).toEqual(savedBefore);

      scheduler.runAll(); // first retry, disk still full
      await session.flush().catch(() => {});
      expect(session.saveState).toMatchObject({ kind: 'failing', retryInMs: 400 });
      expect(scheduler.pendingDelays).toEqual([400]);

      disk.full = false;
      scheduler.runAll();
      await session.flush();
      expect(session.saveState.kind).toBe('saved');
      await session.close();
      const after = await readWorkshopFile(volume, path);
      if (!after.ok) throw new Error('unreadable after');
      expect(after.recovery).toBeNull();
      expect(contentOf(after.doc)).toEqual(contentOf(live));
      expect(disk.partialWrites).toBeGreaterThan(0);
    }));

  it('when a compaction cannot fit on a full disk, falls back to appending the changes', () =>
    withTempDir(async (dir) => {
      const path = join(dir, 'nearly-full.dreamboard');
      await createWorkshopFile(volume, path, sampleDoc(), 1);
      const disk = new FillableDisk();
      const opened = await openForEditing({
        volume: new NodeVolume(disk.fs),
        path,
        scheduler: new ManualScheduler(),
        shouldCompact: () => true,
      });
      if (!opened.ok) throw new Error('unreadable');
      const live = liveDocFor(opened.session);
      addCards(live, 2);
      disk.refuseNewFiles = true;
      await expect(opened.session.flush()).rejects.toMatchObject({ code: 'disk-full' });
      await opened.session.flush();
      expect(opened.session.saveState.kind).toBe('saved');
      await opened.session.close();
      const after = await readWorkshopFile(volume, path);
      expect(after.ok && contentOf(after.doc)).toEqual(contentOf(live));
      expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    }));

  it('opens a workshop from a newer version read-only and refuses edits rather than dropping them', () =>
    withTempDir(async (dir) => {
      const path = join(dir, 'newer.dreamboard');
      const doc = sampleDoc();
      updateMeta(doc, { schemaVersion: 7 }, ORIGIN.load);
      await createWorkshopFile(volume, path, doc, 1);
      const before = await readFile(path);
      const { session } = await openSession(path);
      expect(session.saveState).toMatchObject({ kind: 'read-only' });
      expect(() => session.record(Y.encodeStateAsUpdate(sampleDoc()))).toThrow(
        /update Dreamboard to edit it/,
      );
      await session.close();
      expect(Buffer.compare(await readFile(path), before)).toBe(0);
    }));

  it('explains a file it cannot open and does not touch it', () =>
    withTempDir(async (dir) => {
      const path = join(dir, 'notes.dreamboard');
      await writeFile(path, 'shopping list');
      const opened = await openForEditing({ volume, path, scheduler: new ManualScheduler() });
      expect(opened.ok).toBe(false);
      if (!opened.ok) expect(opened.problem.kind).toBe('not-dreamboard');
      expect(await readFile(path, 'utf8')).toBe('shopping list');
    }));
});

/**
 * node:fs/promises, except that while `full` is set every write to an existing workshop writes
 * half its bytes and then fails with ENOSPC, and new files cannot be created, as a real full disk does.
 */
class FillableDisk {
  full = false;
  /** Only new files fail: a compaction's temporary file cannot be made, appends still fit. */
  refuseNewFiles = false;
  partialWrites = 0;
  readonly fs: NodeFs;
  constructor() {
    const open = (async (path: string, flags: string, mode?: number) => {
      if ((this.full || this.refuseNewFiles) && flags.includes('x'))
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      const handle = await fsp.open(path, flags, mode);
      const write = handle.write.bind(handle) as (
        b: Uint8Array,
        o: number,
        l: number,
        p: number,
      ) => Promise<{ bytesWritten: number }>;
      return new Proxy(handle, {
        get: (target, key) => {
          if (key !== 'write') {
            const value = Reflect.get(target, key) as unknown;
            return typeof value === 'function' ? value.bind(target) : value;
          }
          return async (bytes: Uint8Array, offset: number, length: number, position: number) => {
            if (!this.full) return write(bytes, offset, length, position);
            const half = Math.floor(length / 2);
            if (half > 0) await write(bytes, offset, half, position);
            this.partialWrites++;
            throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
          };
        },
      });
    }) as NodeFs['open'];
    this.fs = { ...fsp, open };
  }
}
