import { chmod, mkdir, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RequestRefusedError } from '../../../../electron/main/invoke-pipeline';
import { lockPathFor, STALE_AFTER_MS } from '../../../../electron/storage/workshop-lock';
import { addNote, cardTexts, opened, rendererDoc, withHarness } from './workshop-harness';

const TEMPLATE = 'blank';

describe('creating workshops', () => {
  it('creates the file straight away in the workshops folder, numbering a taken name', () =>
    withHarness(async (h) => {
      const window = h.windows.openWindow();
      const first = opened(await h.manager.create(window, TEMPLATE, 'Homecare'));
      expect(first.name).toBe('Homecare');
      expect(first.readOnlyReason).toBeNull();
      expect((await stat(join(h.workshopsFolder, 'Homecare.dreamboard'))).isFile()).toBe(true);

      const other = h.windows.openWindow();
      const second = opened(await h.manager.create(other, TEMPLATE, 'Homecare'));
      expect(second.name).toBe('Homecare 2');
      expect(second.handle).not.toBe(first.handle);
    }));

  it('opens a new window when the asking window already shows a workshop', () =>
    withHarness(async (h) => {
      const window = h.windows.openWindow();
      opened(await h.manager.create(window, TEMPLATE, 'First'));
      expect(await h.manager.create(window, TEMPLATE, 'Second')).toEqual({ kind: 'elsewhere' });
      const newWindow = h.windows.open.at(-1)!;
      expect(newWindow).not.toBe(window);
      expect(h.windows.notified).toContain(newWindow);
      const [request] = h.manager.takeOpenRequests(newWindow);
      expect(opened(request!).name).toBe('Second');
      expect(h.manager.takeOpenRequests(newWindow)).toEqual([]);
    }));

  it('refuses a template that does not exist', () =>
    withHarness(async (h) => {
      await expect(h.manager.create(h.windows.openWindow(), 'no-such-template')).rejects.toBeInstanceOf(
        RequestRefusedError,
      );
    }));
});

describe('saving', () => {
  it('saves recorded updates so that closing and reopening shows the same workshop', () =>
    withHarness(async (h) => {
      const window = h.windows.openWindow();
      const workshop = opened(await h.manager.create(window, TEMPLATE, 'Plan'));
      const doc = rendererDoc(workshop, (u) => h.manager.record(window, workshop.handle, u));
      addNote(doc, 'Somewhere safe tonight');
      addNote(doc, 'A key worker who stays');
      expect(await h.manager.close(window, workshop.handle)).toEqual({ kind: 'closed' });

      h.dialogAnswers.open = join(h.workshopsFolder, 'Plan.dreamboard');
      const again = opened(await h.manager.openDialog(window));
      expect(cardTexts(again.state)).toEqual(['A key worker who stays', 'Somewhere safe tonight']);
    }));

  it('tells the owning window about save states', () =>
    withHarness(async (h) => {
      const window = h.windows.openWindow();
      const workshop = opened(await h.manager.create(window, TEMPLATE, 'Plan'));
      const doc = rendererDoc(workshop, (u) => h.manager.record(window, workshop.handle, u));
      addNote(doc, 'x');
      expect(h.saveStatesOf(workshop.handle)).toContain('unsaved');
      h.scheduler.runAll();
      await h.manager.close(window, workshop.handle);
      expect(h.windows.saveStates.every((s) => s.windowId === window)).toBe(true);
      expect(h.saveStatesOf(workshop.handle)).toContain('saved');
    }));

  it('refuses bytes that are not a Yjs update, and saves nothing from them', () =>
    withHarness(async (h) => {
      const window = h.windows.openWindow();
      const workshop = opened(await h.manager.create(window, TEMPLATE, 'Plan'));
      expect(() =>
        h.manager.record(window, workshop.handle, new Uint8Array([255, 255, 255, 255, 1])),
      ).toThrow(RequestRefusedError);
      expect(await h.manager.close(window, workshop.handle)).toEqual({ kind: 'closed' });
    }));
});

describe('handles belong to their window', () => {
  it('refuses another window’s handle exactly like an unknown one', () =>
    withHarness(async (h) => {
      const mine = h.windows.openWindow();
      const theirs = h.windows.openWindow();
      const workshop = opened(await h.manager.create(mine, TEMPLATE, 'Plan'));
      const update = new Uint8Array([0, 0]);
      const foreign = captureError(() => h.manager.record(theirs, workshop.handle, update));
      const unknown = captureError(() => h.manager.record(theirs, 'f'.repeat(32), update));
      expect(foreign).toBeInstanceOf(RequestRefusedError);
      expect(foreign?.message).toBe(unknown?.message);
      await expect(h.manager.close(theirs, workshop.handle)).rejects.toBeInstanceOf(RequestRefusedError);
      await expect(h.manager.history(theirs, workshop.handle)).rejects.toBeInstanceOf(RequestRefusedError);
      await expect(h.manager.saveAs(theirs, workshop.handle)).rejects.toBeInstanceOf(RequestRefusedError);
      await expect(h.manager.rename(theirs, workshop.handle, 'Mine now')).rejects.toBeInstanceOf(
        RequestRefusedError,
      );
      // The owner is unaffected.
      expect(await h.manager.close(mine, workshop.handle)).toEqual({ kind: 'closed' });
    }));
});

describe('opening', () => {
  it('focuses the window that already has the file instead of opening it twice', () =>
    withHarness(async (h) => {
      const first = h.windows.openWindow();
      const workshop = opened(await h.manager.create(first, TEMPLATE, 'Plan'));
      const second = h.windows.openWindow();
      h.dialogAnswers.open = join(h.workshopsFolder, 'Plan.dreamboard');
      expect(await h.manager.openDialog(second)).toEqual({ kind: 'elsewhere' });
      expect(h.windows.focused.at(-1)).toBe(first);
      await h.manager.openFromOutside(join(h.workshopsFolder, 'Plan.dreamboard'));
      expect(h.windows.focused.at(-1)).toBe(first);
      expect(h.manager.takeOpenRequests(second)).toEqual([]);
      await h.manager.close(first, workshop.handle);
    }));

  it('gives a file the OS asks for to a window showing no workshop', () =>
    withHarness(async (h) => {
      const busy = h.windows.openWindow();
      await h.manager.create(busy, TEMPLATE, 'Busy');
      const idle = h.windows.openWindow();
      const path = join(h.workshopsFolder, 'Other.dreamboard');
      await h.manager.create(idle, TEMPLATE, 'Other').then((o) => h.manager.close(idle, opened(o).handle));
      await h.manager.openFromOutside(path);
      const [request] = h.manager.takeOpenRequests(idle);
      expect(opened(request!).name).toBe('Other');
      expect(h.windows.focused.at(-1)).toBe(idle);
    }));

  it('reports a cancelled dialog as cancelled', () =>
    withHarness(async (h) => {
      expect(await h.manager.openDialog(h.windows.openWindow())).toEqual({ kind: 'cancelled' });
    }));

  it.each([
    ['a relative path', 'plan.dreamboard', 'not-found'],
    ['another extension', '/etc/passwd', 'not-dreamboard'],
    ['a missing file', '/nowhere/plan.dreamboard', 'not-found'],
  ])('refuses a dropped path that is %s', (_what, path, code) =>
    withHarness(async (h) => {
      const outcome = await h.manager.openPath(h.windows.openWindow(), path);
      expect(outcome).toMatchObject({ kind: 'problem', problem: { code } });
    }),
  );

  it('refuses a folder named like a workshop', () =>
    withHarness(async (h) => {
      const folder = join(h.dir, 'sneaky.dreamboard');
      await mkdir(folder);
      expect(await h.manager.openPath(h.windows.openWindow(), folder)).toMatchObject({
        kind: 'problem',
        problem: { code: 'not-dreamboard' },
      });
    }));

  it('explains a file that is not a workshop and leaves it exactly as it was', () =>
    withHarness(async (h) => {
      const path = join(h.dir, 'notes.dreamboard');
      await writeFile(path, 'just some text');
      const outcome = await h.manager.openPath(h.windows.openWindow(), path);
      expect(outcome).toMatchObject({ kind: 'problem', problem: { code: 'not-dreamboard' } });
      if (outcome.kind === 'problem') expect(outcome.problem.message).toContain('notes.dreamboard');
      expect(await readFile(path, 'utf8')).toBe('just some text');
      expect(await readdir(h.dir)).not.toContain('.notes.dreamboard.lock');
    }));
});

describe('Save As and Rename', () => {
  it('writes a copy elsewhere and carries on in the copy', () =>
    withHarness(async (h) => {
      const window = h.windows.openWindow();
      const workshop = opened(await h.manager.create(window, TEMPLATE, 'Plan'));
      const doc = rendererDoc(workshop, (u) => h.manager.record(window, workshop.handle, u));
      addNote(doc, 'before');
      const copyPath = join(h.dir, 'elsewhere', 'Board paper');
      await mkdir(join(h.dir, 'elsewhere'));
      h.dialogAnswers.saveAs = copyPath;
      expect(await h.manager.saveAs(window, workshop.handle)).toEqual({ kind: 'done', name: 'Board paper' });
      addNote(doc, 'after');
      await h.manager.close(window, workshop.handle);

      const original = opened(await h.manager.openPath(window, join(h.workshopsFolder, 'Plan.dreamboard')));
      expect(cardTexts(original.state)).toEqual(['before']);
      await h.manager.close(window, original.handle);
      const copy = opened(await h.manager.openPath(window, `${copyPath}.dreamboard`));
      expect(cardTexts(copy.state)).toEqual(['after', 'before']);
      expect((await h.manager.recent()).map((r) => r.name)).toEqual(['Board paper', 'Plan']);
    }));

  it('renames the file on disk and keeps saving into it', () =>
    withHarness(async (h) => {
      const window = h.windows.openWindow();
      const workshop = opened(await h.manager.create(window, TEMPLATE, 'Plan'));
      const doc = rendererDoc(workshop, (u) => h.manager.record(window, workshop.handle, u));
      addNote(doc, 'one');
      expect(await h.manager.rename(window, workshop.handle, 'Homecare plan')).toEqual({
        kind: 'done',
        name: 'Homecare plan',
      });
      addNote(doc, 'two');
      await h.manager.close(window, workshop.handle);
      const files = await readdir(h.workshopsFolder);
      expect(files.filter((f) => !f.startsWith('.'))).toEqual(['Homecare plan.dreamboard']);
      expect(files.some((f) => f.endsWith('.lock'))).toBe(false);
      const again = opened(
        await h.manager.openPath(window, join(h.workshopsFolder, 'Homecare plan.dreamboard')),
      );
      expect(cardTexts(again.state)).toEqual(['one', 'two']);
      expect(h.windows.shown.get(window)?.name).toBe('Homecare plan');
    }));

  it('will not rename over another file', () =>
    withHarness(async (h) => {
      const window = h.windows.openWindow();
      await h.manager
        .create(window, TEMPLATE, 'Taken')
        .then((o) => h.manager.close(window, opened(o).handle));
      const workshop = opened(await h.manager.create(window, TEMPLATE, 'Plan'));
      expect(await h.manager.rename(window, workshop.handle, 'Taken')).toMatchObject({
        kind: 'problem',
        problem: { code: 'exists' },
      });
      expect((await readdir(h.workshopsFolder)).filter((f) => f.endsWith('.dreamboard')).sort()).toEqual([
        'Plan.dreamboard',
        'Taken.dreamboard',
      ]);
    }));
});

describe('locks against a second Dreamboard', () => {
  it('holds a lock file while open and removes it on close', () =>
    withHarness(async (h) => {
      const window = h.windows.openWindow();
      const workshop = opened(await h.manager.create(window, TEMPLATE, 'Plan'));
      const lock = lockPathFor(join(h.workshopsFolder, 'Plan.dreamboard'));
      expect(JSON.parse(await readFile(lock, 'utf8'))).toMatchObject({ pid: 4242, hostname: 'this-laptop' });
      await h.manager.close(window, workshop.handle);
      await expect(stat(lock)).rejects.toThrow();
    }));

  it('opens a file another Dreamboard is editing read-only, with a plain reason, and refuses edits', () =>
    withHarness(async (h) => {
      const window = h.windows.openWindow();
      const path = join(h.workshopsFolder, 'Plan.dreamboard');
      await h.manager.create(window, TEMPLATE, 'Plan').then((o) => h.manager.close(window, opened(o).handle));
      await writeFile(
        lockPathFor(path),
        JSON.stringify({ pid: 99, hostname: 'meeting-room-pc', since: h.clock.now }),
      );
      const workshop = opened(await h.manager.openPath(window, path));
      expect(workshop.readOnlyReason).toContain('meeting-room-pc');
      expect(workshop.saveState.kind).toBe('read-only');
      expect(() => h.manager.record(window, workshop.handle, new Uint8Array([0, 0]))).toThrow(
        RequestRefusedError,
      );
      await h.manager.close(window, workshop.handle);
      // Their lock is theirs: closing a read-only view leaves it.
      expect(JSON.parse(await readFile(lockPathFor(path), 'utf8'))).toMatchObject({
        hostname: 'meeting-room-pc',
      });
    }));

  it('takes over a lock whose process has gone, and one from another computer not refreshed for long', () =>
    withHarness(async (h) => {
      const window = h.windows.openWindow();
      const path = join(h.workshopsFolder, 'Plan.dreamboard');
      await h.manager.create(window, TEMPLATE, 'Plan').then((o) => h.manager.close(window, opened(o).handle));

      await writeFile(lockPathFor(path), JSON.stringify({ pid: 77, hostname: 'this-laptop', since: 0 }));
      const afterCrash = opened(await h.manager.openPath(window, path));
      expect(afterCrash.readOnlyReason).toBeNull();
      await h.manager.close(window, afterCrash.handle);

      await writeFile(lockPathFor(path), JSON.stringify({ pid: 5, hostname: 'old-pc', since: 0 }));
      const old = new Date(h.clock.now - STALE_AFTER_MS - 1000);
      await utimes(lockPathFor(path), old, old);
      const afterAbandon = opened(await h.manager.openPath(window, path));
      expect(afterAbandon.readOnlyReason).toBeNull();
      await h.manager.close(window, afterAbandon.handle);
    }));
});

describe('the recent list', () => {
  it('survives a damaged file: ignored, then replaced', () =>
    withHarness(async (h) => {
      await writeFile(join(h.dataFolder, 'recent-workshops.json'), '{"version":1,"entries":[{"id":');
      const manager = h.makeManager();
      expect(await manager.recent()).toEqual([]);
      const window = h.windows.openWindow();
      await manager.create(window, TEMPLATE, 'Plan');
      const stored = JSON.parse(await readFile(join(h.dataFolder, 'recent-workshops.json'), 'utf8')) as {
        entries: unknown[];
      };
      expect(stored.entries).toHaveLength(1);
      expect(h.recentChanges.at(-1)?.map((e) => e.name)).toEqual(['Plan']);
    }));

  it('shows names and folders but no paths, and opens by id', () =>
    withHarness(async (h) => {
      const window = h.windows.openWindow();
      const workshop = opened(await h.manager.create(window, TEMPLATE, 'Plan'));
      await h.manager.close(window, workshop.handle);
      const [entry] = await h.manager.recent();
      expect(entry).toMatchObject({ name: 'Plan', folder: expect.stringContaining('Dreamboard') as string });
      expect(JSON.stringify(entry)).not.toContain('Plan.dreamboard');
      expect(entry).toMatchObject({ title: 'Plan', cards: 0, changedAt: expect.any(Number) as number });
      expect(opened(await h.manager.openRecent(window, entry!.id)).name).toBe('Plan');
      expect(await h.manager.openRecent(window, '0123456789abcdef')).toMatchObject({
        kind: 'problem',
        problem: { code: 'not-found' },
      });
    }));

  it('says why a recent file cannot be opened instead of dropping it', () =>
    withHarness(async (h) => {
      const window = h.windows.openWindow();
      const workshop = opened(await h.manager.create(window, TEMPLATE, 'Plan'));
      await h.manager.close(window, workshop.handle);
      await rm(join(h.workshopsFolder, 'Plan.dreamboard'));
      const [entry] = await h.manager.recent();
      expect(entry?.problem).toContain('There is no file');
    }));

  it('ignores entries that are not absolute paths', () =>
    withHarness(async (h) => {
      await writeFile(
        join(h.dataFolder, 'recent-workshops.json'),
        JSON.stringify({
          version: 1,
          entries: [{ id: '0123456789abcdef', path: '../x.dreamboard', openedAt: 1 }],
        }),
      );
      expect(await h.makeManager().recent()).toEqual([]);
    }));
});

describe('version history', () => {
  it('keeps the workshop as opened on the first change, and snapshots again after the interval', () =>
    withHarness(async (h) => {
      const window = h.windows.openWindow();
      const workshop = opened(await h.manager.create(window, TEMPLATE, 'Plan'));
      const doc = rendererDoc(workshop, (u) => h.manager.record(window, workshop.handle, u));
      addNote(doc, 'first');
      h.clock.now += 6 * 60 * 1000;
      addNote(doc, 'later');
      await h.manager.close(window, workshop.handle);

      const reopened = opened(await h.manager.openPath(window, join(h.workshopsFolder, 'Plan.dreamboard')));
      const history = await h.manager.history(window, reopened.handle);
      expect(history.map((e) => e.cards)).toEqual([2, 0]);
      const oldest = await h.manager.loadHistory(window, reopened.handle, history[1]!.id);
      expect(oldest.kind).toBe('loaded');
      if (oldest.kind === 'loaded') expect(cardTexts(oldest.state)).toEqual([]);
      expect(await h.manager.loadHistory(window, reopened.handle, 'no-such-snapshot')).toMatchObject({
        kind: 'problem',
      });
    }));
});

describe('closing a window', () => {
  it('saves and closes every workshop of the window', () =>
    withHarness(async (h) => {
      const window = h.windows.openWindow();
      const workshop = opened(await h.manager.create(window, TEMPLATE, 'Plan'));
      const doc = rendererDoc(workshop, (u) => h.manager.record(window, workshop.handle, u));
      addNote(doc, 'last words');
      expect(await h.manager.closeWindow(window)).toEqual([]);
      expect(h.manager.windowHasWorkshop(window)).toBe(false);
      const again = opened(await h.manager.openPath(window, join(h.workshopsFolder, 'Plan.dreamboard')));
      expect(cardTexts(again.state)).toEqual(['last words']);
    }));

  it('opens a workshop it may not write to read-only instead of refusing it', () =>
    withHarness(async (h) => {
      if (process.getuid?.() === 0) return; // root may write anywhere: nothing to test.
      const window = h.windows.openWindow();
      const path = join(h.workshopsFolder, 'Plan.dreamboard');
      await h.manager.create(window, TEMPLATE, 'Plan').then((o) => h.manager.close(window, opened(o).handle));
      await chmod(h.workshopsFolder, 0o555);
      try {
        const workshop = opened(await h.manager.openPath(window, path));
        expect(workshop.readOnlyReason).toContain('not allowed to save');
      } finally {
        await chmod(h.workshopsFolder, 0o755);
      }
    }));
});

function captureError(run: () => void): Error | undefined {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  return undefined;
}
