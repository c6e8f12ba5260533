import { describe, expect, it } from 'vitest';
import { addCard } from '../../../../renderer/editor/actions';
import { WorkshopFiles } from '../../../../renderer/app/workshop-files';
import {
  describeSaveState,
  describeWhen,
  fileNameCandidates,
  windowSavedState,
} from '../../../../renderer/app/file-names';
import { opened, ScriptedStorage } from './scripted-storage';

const H1 = 'a'.repeat(32);
const H2 = 'b'.repeat(32);

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

describe('WorkshopFiles', () => {
  it('a created workshop is shown and every edit, from its first one, goes to the platform', async () => {
    const { storage, files, shown } = setup();
    storage.nextOpen = opened(H1, 'Plan');
    await files.create('blank');
    const workshop = files.state.workshop!;
    expect(shown).toEqual([H1]);
    expect(workshop.session.snapshot().meta.title).toBe('Plan');
    expect(storage.recorded).toHaveLength(0);
    addCard(workshop.editor, 'need');
    expect(storage.recorded.map(([h]) => h)).toEqual([H1]);
  });

  it('follows the save state of its own workshop only', async () => {
    const { storage, files } = setup();
    storage.nextOpen = opened(H1, 'Plan');
    await files.create('blank');
    storage.tellSaveState(H2, { kind: 'saving' });
    expect(files.state.saveState?.kind).toBe('saved');
    storage.tellSaveState(H1, {
      kind: 'failing',
      code: 'disk-full',
      message: 'The disk is full.',
      retryInMs: 1000,
    });
    expect(files.state.saveState?.kind).toBe('failing');
  });

  it('a read-only workshop records nothing and its snapshot says read-only', async () => {
    const { storage, files } = setup();
    storage.nextOpen = opened(H1, 'Future', { readOnlyReason: 'Update Dreamboard to edit it.' });
    await files.open(() => storage.openDialog());
    const { editor } = files.state.workshop!;
    expect(editor.readOnly).toBe(true);
    addCard(editor, 'need');
    expect(storage.recorded).toHaveLength(0);
  });

  it('when the last save fails, closing keeps the workshop open and says why', async () => {
    const { storage, files, shown } = setup();
    storage.nextOpen = opened(H1, 'Plan');
    await files.create('blank');
    storage.closeAnswer = { kind: 'problem', problem: { code: 'disk-full', message: 'The disk is full.' } };
    expect(await files.close()).toBe(false);
    expect(files.state.workshop?.file.handle).toBe(H1);
    expect(files.state.problem).toMatch(/^The disk is full\. The workshop stays open/);
    expect(shown).toEqual([H1]);
  });

  it('opening another workshop closes the current one first; if that fails the new one is closed again', async () => {
    const { storage, files } = setup();
    storage.nextOpen = opened(H1, 'One');
    await files.create('blank');
    storage.closeAnswer = { kind: 'problem', problem: { code: 'io', message: 'Disk error.' } };
    storage.nextOpen = opened(H2, 'Two');
    await files.open(() => storage.openDialog());
    expect(files.state.workshop?.file.handle).toBe(H1);
    storage.closeAnswer = { kind: 'closed' };
    await files.open(() => storage.openDialog());
    expect(files.state.workshop?.file.handle).toBe(H2);
    expect(storage.closed).toEqual([H1]);
  });

  it('a problem opening is kept for the start screen, and recovery is noticed once', async () => {
    const { storage, files } = setup();
    storage.nextOpen = {
      kind: 'problem',
      problem: { code: 'not-dreamboard', message: '"x" is not a Dreamboard workshop.' },
    };
    await files.open(() => storage.openDialog());
    expect(files.state).toMatchObject({
      workshop: null,
      problem: '"x" is not a Dreamboard workshop.',
      busy: false,
    });
    storage.nextOpen = opened(H1, 'Mended', {
      recoveryMessage: 'Opened with everything saved before the damage.',
    });
    await files.open(() => storage.openDialog());
    expect(files.state).toMatchObject({
      problem: null,
      notice: 'Opened with everything saved before the damage.',
    });
    files.dismissNotice();
    expect(files.state.notice).toBeNull();
  });

  it('renaming the file follows the title, numbered when the name is taken', async () => {
    const { storage, files } = setup();
    storage.nextOpen = opened(H1, 'Untitled workshop');
    await files.create('blank');
    storage.takenNames = new Set(['Homes first']);
    await files.renameFile('Homes: first');
    expect(storage.renames).toEqual(['Homes first', 'Homes first 2']);
    expect(files.state.fileName).toBe('Homes first 2');
  });
});

describe('file words', () => {
  const now = new Date(2026, 2, 3, 15, 0).getTime();
  it.each([
    [now - 20_000, false, 'just now'],
    [now - 5 * 60_000, false, '5 minutes ago'],
    [now - 60_000, false, '1 minute ago'],
    [now - 3 * 60 * 60_000, false, 'today at 12:00'],
    [now - 20_000, true, 'today at 14:59'],
    [now - 24 * 60 * 60_000, false, 'yesterday at 15:00'],
    [new Date(2025, 11, 24, 9, 5).getTime(), false, '24 December 2025 at 09:05'],
  ])('%i (exact %s) reads "%s"', (at, exact, words) => {
    expect(describeWhen(at, now, exact)).toBe(words);
  });

  it('names every save state in words, with the engine’s reason when saving fails', () => {
    expect(describeSaveState({ kind: 'unsaved' }).label).toBe('Not saved yet');
    expect(describeSaveState({ kind: 'saving' }).label).toBe('Saving…');
    expect(
      describeSaveState({ kind: 'failing', code: 'disk-full', message: 'The disk is full.', retryInMs: 1 }),
    ).toEqual({
      label: 'Saving failed — retrying',
      detail: 'The disk is full.',
    });
    expect(describeSaveState({ kind: 'read-only', reason: 'Newer.' }).label).toBe('Read only');
    expect(windowSavedState({ kind: 'failing', code: 'io', message: '', retryInMs: 1 })).toBe('error');
    expect(windowSavedState(null)).toBe('saved');
  });

  it('offers the title as a file name, then numbered ones', () => {
    expect(fileNameCandidates('Plan / draft', 3)).toEqual(['Plan draft', 'Plan draft 2', 'Plan draft 3']);
  });
});
