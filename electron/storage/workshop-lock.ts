/**
 * A lock file beside a workshop while Dreamboard edits it: `.<file name>.lock` holding who has it.
 *
 * Threat: two Dreamboard processes (two people on a shared folder, or one person with a second
 * copy of the app) appending to the same file at once. Each keeps its own idea of where the file
 * ends, so their records interleave and overwrite each other, and a compaction by one throws away
 * what the other wrote. The single-instance lock cannot help across machines or users; this can.
 *
 * A lock is stale when its process is gone (same computer: the pid no longer runs) or it has not
 * been refreshed for STALE_AFTER_MS (another computer: we cannot ask about its processes, so the
 * holder touches the file every REFRESH_EVERY_MS). A stale lock is taken over.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Scheduler } from '../../shared/storage';

export const REFRESH_EVERY_MS = 60_000;
export const STALE_AFTER_MS = 5 * 60_000;

export interface LockOwner {
  readonly pid: number;
  readonly hostname: string;
  /** ms since the epoch. */
  readonly since: number;
}

export interface LockEnvironment {
  readonly pid: number;
  readonly hostname: string;
  readonly now: () => number;
  readonly scheduler: Scheduler;
  /** True when a process with this pid runs on this computer. */
  readonly isProcessAlive: (pid: number) => boolean;
}

export type LockAttempt =
  | { readonly kind: 'acquired'; readonly lock: HeldLock }
  /** Someone else edits the file; `owner` is null when the lock file could not be read. */
  | { readonly kind: 'held'; readonly owner: LockOwner | null }
  /** The folder refuses the lock file (read-only share, no permission): nobody can save here safely. */
  | { readonly kind: 'unavailable'; readonly code: string };

export function lockPathFor(workshopPath: string): string {
  return join(dirname(workshopPath), `.${basename(workshopPath)}.lock`);
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parseOwner(text: string): LockOwner | null {
  try {
    const raw = JSON.parse(text) as Record<string, unknown>;
    if (
      typeof raw.pid === 'number' &&
      Number.isInteger(raw.pid) &&
      raw.pid > 0 &&
      typeof raw.hostname === 'string' &&
      typeof raw.since === 'number'
    )
      return { pid: raw.pid, hostname: raw.hostname.slice(0, 255), since: raw.since };
  } catch {
    // Not ours, or damaged: judged by its age alone.
  }
  return null;
}

/** The lock on one workshop file, refreshed until released. */
export class HeldLock {
  private timer: unknown = null;
  private released = false;

  constructor(
    readonly path: string,
    private readonly env: LockEnvironment,
  ) {
    this.scheduleRefresh();
  }

  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    if (this.timer !== null) this.env.scheduler.clear(this.timer);
    await fs.rm(this.path, { force: true }).catch(() => undefined);
  }

  private scheduleRefresh(): void {
    this.timer = this.env.scheduler.set(() => {
      const at = new Date(this.env.now());
      fs.utimes(this.path, at, at).catch(() => undefined);
      if (!this.released) this.scheduleRefresh();
    }, REFRESH_EVERY_MS);
  }
}

/**
 * Creates the lock whole or not at all: written to a temporary name, then hard-linked into place,
 * which fails if a lock exists — so no one ever reads a half-written lock of ours.
 */
async function createLock(lockPath: string, env: LockEnvironment): Promise<'created' | 'exists'> {
  const owner: LockOwner = { pid: env.pid, hostname: env.hostname, since: env.now() };
  const temporary = `${lockPath}.${randomBytes(6).toString('hex')}.tmp`;
  await fs.writeFile(temporary, JSON.stringify({ app: 'dreamboard', ...owner }), { flag: 'wx' });
  try {
    await fs.link(temporary, lockPath);
    return 'created';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return 'exists';
    // Some shares cannot hard-link; an exclusive create is the next best (a crash mid-write leaves
    // an unreadable lock, which goes stale by age).
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EXDEV' || code === 'ENOSYS') {
      try {
        await fs.writeFile(lockPath, JSON.stringify({ app: 'dreamboard', ...owner }), { flag: 'wx' });
        return 'created';
      } catch (fallback) {
        if ((fallback as NodeJS.ErrnoException).code === 'EEXIST') return 'exists';
        throw fallback;
      }
    }
    throw error;
  } finally {
    await fs.rm(temporary, { force: true }).catch(() => undefined);
  }
}

function isStale(owner: LockOwner | null, modifiedAt: number, env: LockEnvironment): boolean {
  if (owner !== null && owner.hostname === env.hostname)
    return owner.pid === env.pid ? false : !env.isProcessAlive(owner.pid);
  return env.now() - modifiedAt > STALE_AFTER_MS;
}

export async function acquireLock(workshopPath: string, env: LockEnvironment): Promise<LockAttempt> {
  const lockPath = lockPathFor(workshopPath);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      if ((await createLock(lockPath, env)) === 'created')
        return { kind: 'acquired', lock: new HeldLock(lockPath, env) };
    } catch (error) {
      return { kind: 'unavailable', code: (error as NodeJS.ErrnoException).code ?? 'EIO' };
    }
    let text: string;
    let modifiedAt: number;
    try {
      [text, modifiedAt] = await Promise.all([
        fs.readFile(lockPath, 'utf8'),
        fs.stat(lockPath).then((s) => s.mtimeMs),
      ]);
    } catch {
      continue; // Released between our attempt and the read: try again.
    }
    const owner = parseOwner(text);
    if (!isStale(owner, modifiedAt, env)) return { kind: 'held', owner };
    // Remove it only if it is still the lock we judged stale (another process may have just taken
    // it over); a narrow race remains between this read and the removal.
    const again = await fs.readFile(lockPath, 'utf8').catch(() => null);
    if (again === text) await fs.rm(lockPath, { force: true }).catch(() => undefined);
  }
  return { kind: 'held', owner: null };
}

/** Plain words for why a workshop opened read-only because of a lock. */
export function describeHeldLock(owner: LockOwner | null, ownHostname: string): string {
  const where =
    owner === null
      ? 'by another copy of Dreamboard'
      : owner.hostname === ownHostname
        ? 'by another copy of Dreamboard on this computer'
        : `on the computer "${owner.hostname}"`;
  return `This workshop is open ${where}. You can look at it here, but changes are only saved there. Close it there first, or use Save as… to work on a copy.`;
}
