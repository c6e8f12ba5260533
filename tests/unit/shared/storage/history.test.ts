import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { HistoryStore } from '../../../../electron/storage/history-store';
import { createCard, deleteItems, ORIGIN, updateCard, updateMeta } from '../../../../shared/doc';
import { restoreContentFrom } from '../../../../shared/doc/updates';
import type { CardId } from '../../../../shared/model';
import { describeSnapshotChange, SnapshotTimer, snapshotsToPrune } from '../../../../shared/storage';
import { addCards, AUTHOR, contentOf, sampleDoc, withTempDir } from './helpers';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe('when snapshots are taken and kept', () => {
  it('takes one only after changes and once the interval has passed', () => {
    const timer = new SnapshotTimer({ intervalMs: 5 * MINUTE, keepForMs: 7 * DAY, maxSnapshots: 10 }, 0);
    expect(timer.isDue(10 * MINUTE)).toBe(false);
    timer.noteChange();
    expect(timer.isDue(4 * MINUTE)).toBe(false);
    expect(timer.isDue(5 * MINUTE)).toBe(true);
    timer.noteSnapshot(5 * MINUTE);
    expect(timer.isDue(20 * MINUTE)).toBe(false);
  });

  it('prunes snapshots older than a week and the oldest beyond the ceiling', () => {
    const now = 30 * DAY;
    const snaps = [now - 8 * DAY, now - 6 * DAY, now - 2 * DAY, now - MINUTE, now].map((takenAt, i) => ({
      id: `s${i}`,
      takenAt,
    }));
    expect(
      snapshotsToPrune(snaps, now, { intervalMs: MINUTE, keepForMs: 7 * DAY, maxSnapshots: 100 }),
    ).toEqual(['s0']);
    expect(
      snapshotsToPrune(snaps, now, { intervalMs: MINUTE, keepForMs: 7 * DAY, maxSnapshots: 3 }).sort(),
    ).toEqual(['s0', 's1']);
  });

  it('describes each snapshot by the cards added and removed', () => {
    expect(describeSnapshotChange({ cardsAdded: 12, cardsRemoved: 3 })).toBe('12 cards added, 3 removed');
    expect(describeSnapshotChange({ cardsAdded: 1, cardsRemoved: 0 })).toBe('1 card added');
    expect(describeSnapshotChange({ cardsAdded: 0, cardsRemoved: 2 })).toBe('2 cards removed');
    expect(describeSnapshotChange({ cardsAdded: 0, cardsRemoved: 0 })).toMatch(/none added or removed/);
  });
});

describe('history store', () => {
  it('lists snapshots newest first with cards added and removed, loads one, and forgets ones past a week', () =>
    withTempDir(async (dir) => {
      const store = new HistoryStore(join(dir, 'history'));
      const workshop = join(dir, 'w.dreamboard');
      const doc = sampleDoc();
      const first = await store.save(workshop, doc, 1 * DAY);
      const [a, b] = addCards(doc, 3);
      deleteItems(doc, [a!, b!]);
      addCards(doc, 2, 'more');
      const second = await store.save(workshop, doc, 2 * DAY);
      expect(first).toMatchObject({ cards: 2, cardsAdded: 2, cardsRemoved: 0 });
      expect(second).toMatchObject({ cards: 5, cardsAdded: 3, cardsRemoved: 0 });

      const fresh = new HistoryStore(join(dir, 'history'));
      deleteItems(doc, ['c2']);
      const third = await fresh.save(workshop, doc, 3 * DAY);
      expect(third).toMatchObject({ cards: 4, cardsAdded: 0, cardsRemoved: 1 });

      expect((await store.list(workshop)).map((s) => s.id)).toEqual([third.id, second.id, first.id]);
      const loaded = await store.load(workshop, second.id);
      if (!loaded.ok) throw new Error('snapshot unreadable');
      expect(loaded.doc.getMap('cards').size).toBe(5);

      await store.save(workshop, doc, 9 * DAY);
      expect((await store.list(workshop)).map((s) => s.takenAt)).toEqual([9 * DAY, 3 * DAY, 2 * DAY]);
      expect(await store.list(join(dir, 'other.dreamboard'))).toEqual([]);
    }));

  it('skips a damaged description and refuses an id that is not a snapshot id', () =>
    withTempDir(async (dir) => {
      const store = new HistoryStore(dir);
      const workshop = join(dir, 'w.dreamboard');
      const good = await store.save(workshop, sampleDoc(), 1000);
      await writeFile(join(store.folderFor(workshop), 'broken.json'), '{"id": 5');
      expect((await store.list(workshop)).map((s) => s.id)).toEqual([good.id]);
      expect((await store.load(workshop, '../../etc/passwd')).ok).toBe(false);
      expect((await readdir(store.folderFor(workshop))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    }));
});

describe('restoreContentFrom', () => {
  function tracked(doc: Y.Doc) {
    return new Y.UndoManager(
      ['meta', 'cards', 'frames', 'connectors', 'votes'].map((n) => doc.getMap(n)),
      { trackedOrigins: new Set([ORIGIN.local]) },
    );
  }

  it('makes the live content equal the snapshot in one undoable step, and undo brings the edits back', () => {
    const live = sampleDoc();
    const snapshot = new Y.Doc();
    Y.applyUpdate(snapshot, Y.encodeStateAsUpdate(live));
    const undo = tracked(live);
    const cardId = [...live.getMap('cards').keys()][0] as CardId;
    updateCard(live, cardId, { text: 'changed', fields: { whose: null, evidence: 'data' } });
    addCards(live, 4);
    updateMeta(live, { title: 'Later title' });
    deleteItems(live, [...live.getMap('connectors').keys()]);
    live.getMap('session').set('timer', 'running');
    undo.stopCapturing();
    const edited = contentOf(live);

    const stepsBefore = undo.undoStack.length;
    restoreContentFrom(snapshot, live);
    expect(contentOf(live)).toEqual(contentOf(snapshot));
    expect(live.getMap('session').get('timer')).toBe('running');
    expect(undo.undoStack.length).toBe(stepsBefore + 1);

    undo.undo();
    expect(contentOf(live)).toEqual(edited);
  });

  it('keeps a peer’s concurrent change to another field of a restored card', () => {
    const live = sampleDoc();
    const cardId = [...live.getMap('cards').keys()][0] as CardId;
    const snapshot = new Y.Doc();
    Y.applyUpdate(snapshot, Y.encodeStateAsUpdate(live));
    updateCard(live, cardId, { text: 'edited after the snapshot' });
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(live));
    updateCard(peer, cardId, { x: 999 });
    restoreContentFrom(snapshot, live);
    Y.applyUpdate(live, Y.encodeStateAsUpdate(peer));
    const card = (live.getMap('cards').get(cardId) as Y.Map<unknown>).toJSON();
    expect(card.text).toBe('Somewhere safe tonight');
    expect(card.x).toBe(999);
  });

  it('brings back a deleted card with its nested fields, and keeps the live schema version', () => {
    const snapshot = sampleDoc();
    const live = new Y.Doc();
    Y.applyUpdate(live, Y.encodeStateAsUpdate(snapshot));
    const id = createCard(live, { kind: 'barrier', x: 0, y: 0, fields: { isThreshold: true } }, AUTHOR);
    deleteItems(
      live,
      [...live.getMap('cards').keys()].filter((k) => k !== id),
    );
    updateMeta(live, { schemaVersion: 2 }, ORIGIN.migration);
    restoreContentFrom(snapshot, live);
    expect(live.getMap('cards').toJSON()).toEqual(snapshot.getMap('cards').toJSON());
    expect(live.getMap('meta').get('schemaVersion')).toBe(2);
  });
});
