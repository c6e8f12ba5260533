import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FlushBarrier } from '../../../../electron/main/flush-barrier';
import { buildMenuTemplate } from '../../../../electron/main/menu-template';
import { workshopPathsInArgs } from '../../../../electron/storage/launch-args';
import { folderForPeople } from '../../../../electron/storage/recent-list';
import { acquireLock, describeHeldLock, lockPathFor } from '../../../../electron/storage/workshop-lock';
import { ACTIONS } from '../../../../shared/actions/catalog';
import { fileBaseFromTitle, firstFreeName } from '../../../../shared/ipc/workshop-names';
import { ManualScheduler } from '../../shared/storage/helpers';

describe('the flush barrier', () => {
  it('resolves true when the window answers its own token', async () => {
    const barrier = new FlushBarrier(new ManualScheduler());
    let token = '';
    const waiting = barrier.wait(7, (t) => (token = t));
    barrier.acknowledge(8, token); // another window cannot answer for it
    barrier.acknowledge(7, token);
    await expect(waiting).resolves.toBe(true);
  });

  it('gives up on a renderer that never answers', async () => {
    const scheduler = new ManualScheduler();
    const waiting = new FlushBarrier(scheduler).wait(7, () => undefined);
    scheduler.runAll();
    await expect(waiting).resolves.toBe(false);
  });
});

describe('launch arguments', () => {
  it('picks .dreamboard files, resolved against the launch folder, and skips switches', () => {
    expect(
      workshopPathsInArgs(
        [
          '/opt/Dreamboard/dreamboard',
          '--allow-file-access',
          'plans/Homecare.dreamboard',
          '/tmp/Other.DREAMBOARD',
          'notes.txt',
        ],
        '/home/sam',
      ),
    ).toEqual(['/home/sam/plans/Homecare.dreamboard', '/tmp/Other.DREAMBOARD']);
    expect(workshopPathsInArgs(['dreamboard'], '/')).toEqual([]);
  });
});

describe('file names from titles', () => {
  it.each([
    ['Homecare: the dream', 'Homecare  the dream'.replace(/\s+/g, ' ')],
    ['../../etc/passwd', 'etc passwd'],
    ['CON', 'Workshop'],
    ['   ', 'Workshop'],
    ['...hidden', 'hidden'],
  ])('%s → %s', (title, base) => expect(fileBaseFromTitle(title)).toBe(base));

  it('numbers a taken name', async () => {
    const taken = new Set(['Plan.dreamboard', 'Plan 2.dreamboard']);
    expect(await firstFreeName('Plan', (n) => taken.has(n))).toBe('Plan 3.dreamboard');
  });
});

describe('recent folders for people', () => {
  it('shortens the home folder to ~', () => {
    expect(folderForPeople('/home/sam/Documents/Dreamboard/Plan.dreamboard', '/home/sam')).toBe(
      '~/Documents/Dreamboard',
    );
    expect(folderForPeople('/srv/share/Plan.dreamboard', '/home/sam')).toBe('/srv/share');
  });
});

describe('lock files', () => {
  const env = (pid: number, hostname = 'laptop') => ({
    pid,
    hostname,
    now: () => Date.now(),
    scheduler: new ManualScheduler(),
    isProcessAlive: (p: number) => p === 1 || p === 2,
  });

  it('lets one process hold a workshop and tells the second who has it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dreamboard-lock-'));
    try {
      const path = join(dir, 'Plan.dreamboard');
      await writeFile(path, '');
      const first = await acquireLock(path, env(1));
      expect(first.kind).toBe('acquired');
      const second = await acquireLock(path, env(2));
      expect(second).toMatchObject({ kind: 'held', owner: { pid: 1, hostname: 'laptop' } });
      if (first.kind === 'acquired') await first.lock.release();
      expect((await acquireLock(path, env(2))).kind).toBe('acquired');
      // No temporary files are left beside the workshop.
      expect((await readdir(dir)).sort()).toEqual(['.Plan.dreamboard.lock', 'Plan.dreamboard']);
      expect(lockPathFor(path)).toBe(join(dir, '.Plan.dreamboard.lock'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('treats an unreadable fresh lock as held by someone unknown', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dreamboard-lock-'));
    try {
      const path = join(dir, 'Plan.dreamboard');
      await writeFile(lockPathFor(path), 'garbage');
      expect(await acquireLock(path, env(1))).toEqual({ kind: 'held', owner: null });
      expect(describeHeldLock(null, 'laptop')).toContain('another copy of Dreamboard');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('File → Open recent', () => {
  const context = { platform: 'linux' as const, appName: 'Dreamboard', isDev: false };

  it('sits after Open…, names duplicates by folder, and opens by id', () => {
    const opened: string[] = [];
    const template = buildMenuTemplate(ACTIONS, context, () => undefined, {
      entries: [
        { id: 'a', name: 'Plan', folder: '~/Documents' },
        { id: 'b', name: 'Plan', folder: '/srv/share' },
        { id: 'c', name: 'Tom & Jerry', folder: '~' },
      ],
      open: (id) => opened.push(id),
    });
    const file = template.find((m) => m.label === 'File')!.submenu as {
      id?: string;
      label?: string;
      submenu?: unknown;
    }[];
    const at = file.findIndex((i) => i.id === 'file.open');
    expect(file[at + 1]?.label).toBe('Open recent');
    const items = file[at + 1]!.submenu as { label: string; click: (...args: unknown[]) => void }[];
    expect(items.map((i) => i.label)).toEqual(['Plan — ~/Documents', 'Plan — /srv/share', 'Tom && Jerry']);
    items[1]!.click({}, undefined);
    expect(opened).toEqual(['b']);
  });

  it('says so when the list is empty', () => {
    const template = buildMenuTemplate(ACTIONS, context, () => undefined, {
      entries: [],
      open: () => undefined,
    });
    const file = template.find((m) => m.label === 'File')!.submenu as {
      label?: string;
      submenu?: { enabled?: boolean }[];
    }[];
    expect(file.find((i) => i.label === 'Open recent')?.submenu?.[0]?.enabled).toBe(false);
  });
});
