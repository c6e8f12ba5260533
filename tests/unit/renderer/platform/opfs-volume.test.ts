import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ORIGIN } from '../../../../shared/doc';
import {
  createWorkshopFile,
  openForEditing,
  readWorkshopFile,
  StorageError,
} from '../../../../shared/storage';
import {
  isTemporaryOf,
  OpfsVolume,
  splitPath,
  type LockLike,
} from '../../../../renderer/platform/opfs-volume';
import { addCards, contentOf, ManualScheduler, sampleDoc } from '../../shared/storage/helpers';
import { FakeDirectory } from './fake-opfs';

const PATH = 'workshops/Plan.dreamboard';

function setup() {
  const root = new FakeDirectory();
  return { root, volume: new OpfsVolume(() => Promise.resolve(root)) };
}

async function open(volume: OpfsVolume, path = PATH) {
  const scheduler = new ManualScheduler();
  const opened = await openForEditing({ volume, path, scheduler });
  if (!opened.ok) throw new Error(JSON.stringify(opened.problem));
  const live = new Y.Doc();
  Y.applyUpdate(live, opened.session.encodeState(), ORIGIN.load);
  live.on('update', (update: Uint8Array) => opened.session.record(update));
  return { ...opened, live, scheduler };
}

async function reread(volume: OpfsVolume, path = PATH) {
  const read = await readWorkshopFile(volume, path);
  if (!read.ok) throw new Error(JSON.stringify(read.problem));
  return read;
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return error instanceof StorageError ? error.code : `not a StorageError: ${String(error)}`;
  }
}

describe('OpfsVolume under the autosave engine', () => {
  it('creates, appends, closes and reads back the same document', async () => {
    const { volume, root } = setup();
    await createWorkshopFile(volume, PATH, sampleDoc(), 1);
    const { session, live } = await open(volume);
    addCards(live, 12);
    await session.close();
    expect(contentOf((await reread(volume)).doc)).toEqual(contentOf(live));
    // Nothing but the workshop is left in the folder: no temporaries, no swap files.
    expect(root.at('workshops').names()).toEqual(['Plan.dreamboard']);
  });

  it('compacts through an atomic replace and keeps appending afterwards', async () => {
    const { volume } = setup();
    await createWorkshopFile(volume, PATH, sampleDoc(), 1);
    const scheduler = new ManualScheduler();
    let compact = false;
    const opened = await openForEditing({ volume, path: PATH, scheduler, shouldCompact: () => compact });
    if (!opened.ok) throw new Error('unreadable');
    const live = new Y.Doc();
    Y.applyUpdate(live, opened.session.encodeState(), ORIGIN.load);
    live.on('update', (u: Uint8Array) => opened.session.record(u));
    addCards(live, 5, 'a');
    await opened.session.flush();
    compact = true;
    addCards(live, 5, 'b');
    await opened.session.flush();
    compact = false;
    addCards(live, 5, 'c');
    await opened.session.close();
    const read = await reread(volume);
    expect(contentOf(read.doc)).toEqual(contentOf(live));
    expect(read.updateRecords).toBe(2);
  });

  it('a refused write (quota) changes nothing and the retry saves everything', async () => {
    const { volume, root } = setup();
    await createWorkshopFile(volume, PATH, sampleDoc(), 1);
    const { session, live } = await open(volume);
    const before = (await volume.readFile(PATH)).slice();
    root.at('workshops').failNextClose = 'QuotaExceededError';
    addCards(live, 3);
    await expect(session.flush()).rejects.toMatchObject({ code: 'disk-full' });
    expect(session.saveState.kind).toBe('failing');
    expect(await volume.readFile(PATH)).toEqual(before);
    await session.flush();
    expect(session.saveState.kind).toBe('saved');
    await session.close();
    expect(contentOf((await reread(volume)).doc)).toEqual(contentOf(live));
  });

  it('a write whose stream is never closed (tab killed) leaves the saved bytes', async () => {
    const { volume, root } = setup();
    await createWorkshopFile(volume, PATH, sampleDoc(), 1);
    const before = (await volume.readFile(PATH)).slice();
    const handle = await root.at('workshops').getFileHandle('Plan.dreamboard');
    const stream = await handle.createWritable({ keepExistingData: true });
    await stream.write({ type: 'write', position: 0, data: new Uint8Array([1, 2, 3]) });
    expect(await volume.readFile(PATH)).toEqual(before);
    // The next writer to open it clears the swap file Chromium left behind.
    expect(root.at('workshops').names()).toContain('Plan.dreamboard.crswap');
    const { removedTemporaries, session } = await open(volume);
    expect(removedTemporaries).toBe(1);
    await session.close();
  });
});

describe('OpfsVolume file rules', () => {
  it('createExclusive never replaces a file, and leaves no temporary behind', async () => {
    const { volume, root } = setup();
    await volume.createExclusive(PATH, new Uint8Array([1]));
    expect(await codeOf(volume.createExclusive(PATH, new Uint8Array([2])))).toBe('exists');
    expect(await volume.readFile(PATH)).toEqual(new Uint8Array([1]));
    expect(root.at('workshops').names()).toEqual(['Plan.dreamboard']);
  });

  it('createExclusive works without move(), writing in place', async () => {
    const { volume, root } = setup();
    root.at('workshops').moveSupported = false;
    await volume.createExclusive(PATH, new Uint8Array([7, 7]));
    expect(await volume.readFile(PATH)).toEqual(new Uint8Array([7, 7]));
    expect(root.at('workshops').names()).toEqual(['Plan.dreamboard']);
  });

  it('two creations of one name at once: exactly one wins when a lock serialises them', async () => {
    const { root } = setup();
    let chain = Promise.resolve<unknown>(undefined);
    const locks: LockLike = {
      request: (_name, task) => {
        const run = chain.then(task);
        chain = run.catch(() => undefined);
        return run;
      },
    };
    const volume = new OpfsVolume(() => Promise.resolve(root), locks);
    const results = await Promise.all(
      [1, 2].map((n) => codeOf(volume.createExclusive(PATH, new Uint8Array([n])))),
    );
    expect(results.sort()).toEqual(['exists', 'resolved']);
  });

  it('rename refuses to replace another workshop, and moves otherwise', async () => {
    const { volume, root } = setup();
    await volume.createExclusive(PATH, new Uint8Array([1]));
    await volume.createExclusive('workshops/Other.dreamboard', new Uint8Array([2]));
    expect(await codeOf(volume.rename(PATH, 'workshops/Other.dreamboard'))).toBe('exists');
    await volume.rename(PATH, 'workshops/New name.dreamboard');
    expect(root.at('workshops').names()).toEqual(['New name.dreamboard', 'Other.dreamboard']);
    expect(await volume.readFile('workshops/New name.dreamboard')).toEqual(new Uint8Array([1]));
  });

  it('maps browser errors to the engine’s codes', async () => {
    const { volume } = setup();
    expect(await codeOf(volume.readFile('workshops/none.dreamboard'))).toBe('not-found');
    expect(await codeOf(volume.openWriter('workshops/none.dreamboard'))).toBe('not-found');
    await volume.createExclusive('workshops/inner/x.dreamboard', new Uint8Array([1]));
    expect((await volume.stat('workshops/inner')).isDirectory).toBe(true);
    expect(await codeOf(volume.readFile('workshops/inner'))).toBe('is-directory');
  });

  it('lists an absent folder as empty and removes what is asked', async () => {
    const { volume } = setup();
    expect(await volume.list('nothing/here')).toEqual([]);
    await volume.createExclusive(PATH, new Uint8Array([1]));
    await volume.remove(PATH);
    await volume.remove(PATH);
    expect(await volume.list('workshops')).toEqual([]);
  });

  it.each(['../x', 'workshops/../x', 'a//b', '', 'a/./b', 'a\\b'])('refuses the path %j', (path) => {
    expect(() => splitPath(path)).toThrow(StorageError);
  });

  it.each([
    ['.Plan.dreamboard.0123456789ab.tmp', true],
    ['Plan.dreamboard.crswap', true],
    ['Plan.dreamboard.1.crswap', true],
    ['.Plan.dreamboard.0123456789AB.tmp', false],
    ['.Other.dreamboard.0123456789ab.tmp', false],
    ['Plan.dreamboard', false],
    ['Plan.dreamboard.x.crswap', false],
  ])('%s is a temporary of Plan.dreamboard: %s', (entry, expected) => {
    expect(isTemporaryOf('Plan.dreamboard', entry)).toBe(expected);
  });
});
