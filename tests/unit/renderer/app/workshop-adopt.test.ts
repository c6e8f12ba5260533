/**
 * WorkshopFiles.adopt: a joined live session's document becomes a workshop file of the joiner's
 * own, and work carries on in that same document (the live connection stays attached to it).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createCard, deleteItems } from '../../../../shared/doc';
import { addCard } from '../../../../renderer/editor/actions';
import { WorkshopFiles } from '../../../../renderer/app/workshop-files';
import { AUTHOR, contentOf, sampleDoc } from '../../shared/storage/helpers';
import { opened, ScriptedStorage } from './scripted-storage';

const H1 = 'a'.repeat(32);
const H2 = 'b'.repeat(32);
const PEER = 'peer';

/** The host's document and the joiner's copy of it, kept in step as a live provider would. */
function liveSession() {
  const host = sampleDoc('Homecare plan');
  const joined = new Y.Doc();
  Y.applyUpdate(joined, Y.encodeStateAsUpdate(host), PEER);
  host.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== PEER) Y.applyUpdate(joined, update, PEER);
  });
  joined.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== PEER) Y.applyUpdate(host, update, PEER);
  });
  return { host, joined };
}

function setup() {
  const storage = new ScriptedStorage();
  const shown: (string | null)[] = [];
  const files = new WorkshopFiles(
    storage,
    () => 'participant',
    (w) => shown.push(w?.file.handle ?? null),
  );
  files.connect();
  return { storage, files, shown };
}

/** What the file holds: the state it was created from, then every recorded update. */
function fileContent(storage: ScriptedStorage): unknown {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, storage.fromState[0]!.state);
  for (const [, update] of storage.recorded) Y.applyUpdate(doc, update);
  return contentOf(doc);
}

const cardCount = (doc: Y.Doc) => doc.getMap('cards').size;

describe('WorkshopFiles.adopt', () => {
  it('saves the document under its title and carries on in that very document', async () => {
    const { storage, files, shown } = setup();
    const { joined } = liveSession();
    storage.nextOpen = opened(H1, 'Homecare plan');
    expect(await files.adopt(joined, 'Homecare plan')).toBe(true);

    expect(storage.fromState.map((c) => c.title)).toEqual(['Homecare plan']);
    expect(fileContent(storage)).toEqual(contentOf(joined));
    const workshop = files.state.workshop!;
    expect(workshop.session.doc).toBe(joined);
    expect(workshop.session.snapshot().cards.size).toBe(cardCount(joined));
    expect(files.state).toMatchObject({ fileName: 'Homecare plan', problem: null, busy: false });
    expect(shown).toEqual([H1]);
    expect(storage.recorded).toEqual([]);
  });

  it('saves changes that arrive while the file is being made, then every later one', async () => {
    const { storage, files } = setup();
    const { host, joined } = liveSession();
    const [gone] = [...host.getMap('cards').keys()];
    storage.nextOpen = opened(H1, 'Homecare plan');
    storage.duringCreateFromState = () => {
      createCard(host, { kind: 'note', x: 0, y: 0, text: 'Added while saving' }, AUTHOR);
      deleteItems(host, [gone!]);
    };
    await files.adopt(joined, 'Homecare plan');
    expect(storage.recorded.map(([handle]) => handle)).toEqual([H1]);
    expect(fileContent(storage)).toEqual(contentOf(joined));
    expect(JSON.stringify(contentOf(joined))).toContain('Added while saving');

    createCard(host, { kind: 'note', x: 0, y: 0, text: 'From a peer later' }, AUTHOR);
    addCard(files.state.workshop!.editor, 'need');
    expect(storage.recorded).toHaveLength(3);
    expect(fileContent(storage)).toEqual(contentOf(joined));
  });

  it('catches up a change that only deletes (it adds nothing to the state vector)', async () => {
    const { storage, files } = setup();
    const { host, joined } = liveSession();
    const before = cardCount(joined);
    storage.nextOpen = opened(H1, 'Plan');
    storage.duringCreateFromState = () => deleteItems(host, [[...host.getMap('cards').keys()][0]!]);
    await files.adopt(joined, 'Plan');
    expect(cardCount(joined)).toBe(before - 1);
    expect(storage.recorded).toHaveLength(1);
    expect(fileContent(storage)).toEqual(contentOf(joined));
  });

  it('makes nothing of what was in the document undoable; local edits from now on are', async () => {
    const { storage, files } = setup();
    const { host, joined } = liveSession();
    storage.nextOpen = opened(H1, 'Plan');
    await files.adopt(joined, 'Plan');
    const { session, editor } = files.state.workshop!;
    expect(session.undoManager.canUndo()).toBe(false);
    const before = contentOf(joined);

    createCard(host, { kind: 'note', x: 0, y: 0, text: 'A peer’s card' }, AUTHOR);
    const afterPeer = contentOf(joined);
    expect(session.undoManager.canUndo()).toBe(false);
    addCard(editor, 'need');
    editor.undo();
    expect(contentOf(joined)).toEqual(afterPeer);
    editor.undo();
    expect(contentOf(joined)).toEqual(afterPeer);
    expect(contentOf(joined)).not.toEqual(before);
  });

  it('closes the open workshop first, like opening a file', async () => {
    const { storage, files, shown } = setup();
    storage.nextOpen = opened(H1, 'Mine');
    await files.create('blank');
    storage.nextOpen = opened(H2, 'Homecare plan');
    expect(await files.adopt(liveSession().joined, 'Homecare plan')).toBe(true);
    expect(storage.fromState[0]!.closedBefore).toEqual([H1]);
    expect(shown).toEqual([H1, null, H2]);
    expect(files.state.workshop?.file.handle).toBe(H2);
  });

  it('keeps the open workshop and makes no copy when its last save fails', async () => {
    const { storage, files } = setup();
    storage.nextOpen = opened(H1, 'Mine');
    await files.create('blank');
    storage.closeAnswer = { kind: 'problem', problem: { code: 'disk-full', message: 'The disk is full.' } };
    const { joined } = liveSession();
    expect(await files.adopt(joined, 'Homecare plan')).toBe(false);
    expect(storage.fromState).toEqual([]);
    expect(files.state.workshop?.file.handle).toBe(H1);
    expect(files.state.problem).toMatch(/^The disk is full\./);
    expect(joined.isDestroyed).toBe(false);
  });

  it('says why when the copy cannot be made, and leaves the document to its owner', async () => {
    const { storage, files, shown } = setup();
    const { joined } = liveSession();
    const message = 'The workshop could not be saved: what arrived from the session could not be read.';
    storage.nextOpen = { kind: 'problem', problem: { code: 'damaged', message } };
    expect(await files.adopt(joined, 'Plan')).toBe(false);
    expect(files.state).toMatchObject({ workshop: null, problem: message, busy: false });
    expect(shown).toEqual([]);
    expect(joined.isDestroyed).toBe(false);
  });

  it('calls a blank title "Live workshop", and adopting the shown document again does nothing', async () => {
    const { storage, files } = setup();
    const { joined } = liveSession();
    storage.nextOpen = opened(H1, 'Live workshop');
    await files.adopt(joined, '   ');
    expect(await files.adopt(joined, 'Other')).toBe(true);
    expect(storage.fromState.map((c) => c.title)).toEqual(['Live workshop']);
  });

  it('waits for a file action already running instead of dropping the copy', async () => {
    const { storage, files } = setup();
    storage.nextOpen = opened(H1, 'Mine');
    const creating = files.create('blank');
    storage.nextOpen = opened(H2, 'Homecare plan');
    const adopting = files.adopt(liveSession().joined, 'Homecare plan');
    await creating;
    expect(await adopting).toBe(true);
    expect(storage.closed).toEqual([H1]);
    expect(files.state.workshop?.file.handle).toBe(H2);
  });
});
