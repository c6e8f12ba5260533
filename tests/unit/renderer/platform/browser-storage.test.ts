import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ORIGIN, updateMeta } from '../../../../shared/doc';
import { encodeWorkshopFile } from '../../../../shared/storage';
import { createBrowserStorage, type BrowserStorageHost } from '../../../../renderer/platform/browser-storage';
import { OpfsHistoryStore } from '../../../../renderer/platform/opfs-history';
import { OpfsVolume } from '../../../../renderer/platform/opfs-volume';
import type {
  OpenedWorkshopInfo,
  OpenOutcome,
  SaveStateView,
} from '../../../../renderer/platform/storage-types';
import { addCards, contentOf, sampleDoc } from '../../shared/storage/helpers';
import { FakeDirectory } from './fake-opfs';

/** One origin's storage; each `tab()` is a page with its own storage object, sharing files and locks. */
function origin() {
  const root = new FakeDirectory();
  const held = new Set<string>();
  let clock = 1_000_000;
  const downloads: { fileName: string; bytes: Uint8Array }[] = [];
  const tab = () => {
    const volume = new OpfsVolume(() => Promise.resolve(root));
    const host: BrowserStorageHost = {
      pickFile: () => Promise.resolve(null),
      download: (fileName, bytes) => downloads.push({ fileName, bytes }),
      holdExclusive: (name) => {
        if (held.has(name)) return Promise.resolve(null);
        held.add(name);
        return Promise.resolve(() => void held.delete(name));
      },
      now: () => clock,
    };
    return createBrowserStorage(volume, host, new OpfsHistoryStore(volume));
  };
  return { root, tab, downloads, advance: (ms: number) => (clock += ms) };
}

function opened(outcome: OpenOutcome): OpenedWorkshopInfo {
  if (outcome.kind !== 'opened') throw new Error(`not opened: ${JSON.stringify(outcome)}`);
  return outcome.workshop;
}

/** The renderer's side: a live doc loaded from the state, every later update recorded. */
function liveDoc(storage: ReturnType<ReturnType<typeof origin>['tab']>, workshop: OpenedWorkshopInfo): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, workshop.state, ORIGIN.load);
  doc.on('update', (update: Uint8Array, from: unknown) => {
    if (from !== ORIGIN.load) storage.record(workshop.handle, update);
  });
  return doc;
}

const fileOf = (bytes: Uint8Array, name: string) => new File([bytes as BlobPart], name);

describe('browser storage over OPFS', () => {
  it('a new workshop is a file at once, its edits survive a reload, and the list shows title and cards', async () => {
    const { tab } = origin();
    const first = tab();
    const workshop = opened(await first.create('blank', 'Homes for all'));
    expect(workshop.name).toBe('Homes for all');
    const live = liveDoc(first, workshop);
    addCards(live, 4);
    expect((await first.close(workshop.handle)).kind).toBe('closed');

    const second = tab();
    const [entry] = await second.recent();
    expect(entry).toMatchObject({
      name: 'Homes for all',
      title: 'Homes for all',
      folder: 'Stored in this browser',
    });
    const again = opened(await second.openRecent(entry!.id));
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, again.state);
    expect(contentOf(reloaded)).toEqual(contentOf(live));
  });

  it('names are titles made unique', async () => {
    const { tab } = origin();
    const storage = tab();
    const a = opened(await storage.create('blank', 'Plan'));
    const b = opened(await storage.create('blank', 'Plan'));
    expect([a.name, b.name]).toEqual(['Plan', 'Plan 2']);
  });

  it('importing a file that is not a workshop says so and stores nothing', async () => {
    const { tab, root } = origin();
    const storage = tab();
    const before = root.names();
    const outcome = await storage.openDropped(
      fileOf(new TextEncoder().encode('hello, I am a text file'), 'notes.dreamboard'),
    );
    expect(outcome).toMatchObject({ kind: 'problem', problem: { code: 'not-dreamboard' } });
    if (outcome.kind === 'problem') expect(outcome.problem.message).toMatch(/not a Dreamboard workshop/);
    expect(root.names()).toEqual(before);
    expect(await storage.recent()).toEqual([]);
  });

  it('importing a file with a damaged end opens what was saved and says how much was recovered', async () => {
    const { tab } = origin();
    const storage = tab();
    const doc = sampleDoc('Damaged plan');
    const whole = encodeWorkshopFile(doc, 1);
    const bytes = new Uint8Array([...whole, ...whole.slice(16, 60)]);
    const workshop = opened(await storage.openDropped(fileOf(bytes, 'sent by email.dreamboard')));
    expect(workshop.name).toBe('Damaged plan');
    expect(workshop.recoveryMessage).toMatch(/recovered/);
  });

  it('a workshop open in one tab is refused in another, with a reason', async () => {
    const { tab } = origin();
    const one = tab();
    const workshop = opened(await one.create('blank', 'Shared'));
    const other = tab();
    const [entry] = await other.recent();
    const outcome = await other.openRecent(entry!.id);
    expect(outcome).toMatchObject({
      kind: 'problem',
      problem: { message: expect.stringMatching(/open in another tab/) },
    });
    await one.close(workshop.handle);
    expect((await other.openRecent(entry!.id)).kind).toBe('opened');
  });

  it('renaming keeps the history and saves edits made while the rename runs', async () => {
    const { tab, advance } = origin();
    const storage = tab();
    const workshop = opened(await storage.create('blank', 'Old name'));
    const live = liveDoc(storage, workshop);
    addCards(live, 2, 'a'); // the first change keeps the workshop as opened: 0 cards
    advance(1000);
    expect(await storage.snapshotNow(workshop.handle)).toBe(true);
    const renaming = storage.rename(workshop.handle, 'New name');
    addCards(live, 2, 'b');
    expect(await renaming).toEqual({ kind: 'done', name: 'New name' });
    addCards(live, 1, 'c');
    const versions = await storage.history(workshop.handle);
    expect(versions.map((v) => v.cards)).toEqual([2, 0]);
    expect(versions[0]).toMatchObject({ cardsAdded: 2, cardsRemoved: 0 });
    await storage.close(workshop.handle);
    const [entry] = await storage.recent();
    expect(entry?.name).toBe('New name');
    const reopened = new Y.Doc();
    Y.applyUpdate(reopened, opened(await storage.openRecent(entry!.id)).state);
    expect(contentOf(reopened)).toEqual(contentOf(live));
  });

  it('snapshots follow the history rules and load back as the state they had', async () => {
    const { tab, advance } = origin();
    const storage = tab();
    const workshop = opened(await storage.create('blank', 'History'));
    const live = liveDoc(storage, workshop);
    addCards(live, 3, 'a'); // the first change after opening keeps the workshop as opened
    advance(60_000);
    addCards(live, 3, 'b'); // a minute later: too soon for another
    advance(5 * 60_000);
    updateMeta(live, { title: 'History, later' }); // five minutes on: the six cards before it are kept
    const versions = await storage.history(workshop.handle);
    expect(versions.map((v) => [v.cards, v.cardsAdded, v.title])).toEqual([
      [6, 6, 'History'],
      [0, 0, 'History'],
    ]);
    const loaded = await storage.loadHistory(workshop.handle, versions[0]!.id);
    if (loaded.kind !== 'loaded') throw new Error('no state');
    const old = new Y.Doc();
    Y.applyUpdate(old, loaded.state);
    expect(old.getMap('cards').size).toBe(6);
    expect(await storage.loadHistory(workshop.handle, '../../etc')).toMatchObject({ kind: 'problem' });
  });

  it('save state goes through unsaved to saved, and Save as downloads the saved bytes', async () => {
    const { tab, downloads } = origin();
    const storage = tab();
    const states: SaveStateView['kind'][] = [];
    storage.onSaveState((_h, s) => states.push(s.kind));
    const workshop = opened(await storage.create('blank', 'Copy me'));
    addCards(liveDoc(storage, workshop), 1);
    expect(await storage.saveAs(workshop.handle)).toEqual({ kind: 'done', name: 'Copy me' });
    expect(states[0]).toBe('unsaved');
    expect(states.at(-1)).toBe('saved');
    expect(downloads[0]?.fileName).toBe('Copy me.dreamboard');
  });
});

describe('a joined live workshop saved from its state (createFromState)', () => {
  const UNREADABLE = 'The workshop could not be saved: what arrived from the session could not be read.';
  const sessionState = () => Y.encodeStateAsUpdate(sampleDoc('Homecare plan'));

  it('is stored under its title, holds that state, and keeps what is recorded later', async () => {
    const { tab } = origin();
    const first = tab();
    const session = sampleDoc('Homecare plan');
    const workshop = opened(await first.createFromState(Y.encodeStateAsUpdate(session), 'Homecare plan'));
    expect(workshop.name).toBe('Homecare plan');
    const live = liveDoc(first, workshop);
    expect(contentOf(live)).toEqual(contentOf(session));
    addCards(live, 2, 'after');
    expect((await first.close(workshop.handle)).kind).toBe('closed');

    const second = tab();
    const [entry] = await second.recent();
    const again = opened(await second.openRecent(entry!.id));
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, again.state);
    expect(contentOf(reloaded)).toEqual(contentOf(live));
  });

  it('numbers taken names like New, and calls a blank title "Live workshop"', async () => {
    const storage = origin().tab();
    const names: string[] = [];
    for (const title of ['Plan', 'Plan', ' ', 'Plan'])
      names.push(opened(await storage.createFromState(sessionState(), title)).name);
    expect(names).toEqual(['Plan', 'Plan 2', 'Live workshop', 'Plan 3']);
  });

  it.each([
    ['bytes Yjs cannot read', new Uint8Array([255, 255, 255, 255, 1]), 'damaged'],
    ['nothing at all', new Uint8Array(0), 'damaged'],
    ['over 32 MiB', new Uint8Array(32 * 1024 * 1024 + 1), 'too-large'],
  ])('refuses %s in plain words and stores nothing', async (_case, state, code) => {
    const { tab, root } = origin();
    const storage = tab();
    const before = root.names();
    expect(await storage.createFromState(state, 'Plan')).toEqual({
      kind: 'problem',
      problem: { code, message: UNREADABLE },
    });
    expect(root.names()).toEqual(before);
    expect(await storage.recent()).toEqual([]);
  });
});
