import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import * as Y from 'yjs';
import { createWorkshopFile, openForEditing, readWorkshopFile } from '../../../../shared/storage';
import { NodeVolume, nodeScheduler } from '../../../../electron/storage/node-volume';
import { seededRandom } from '../../../../shared/util/seeded-random';

/**
 * Kills an autosaving child process with SIGKILL at random moments and checks, after every
 * kill, that the file opens, that no edit the child reported saved is missing, and that the
 * next open leaves no temporary file. DREAMBOARD_CRASH_KILLS sets the number of kills
 * (default 200); DREAMBOARD_CRASH_SEED replays a run.
 */
const KILLS = Number(process.env.DREAMBOARD_CRASH_KILLS ?? 200);
const SEED = Number(process.env.DREAMBOARD_CRASH_SEED ?? 20_251_125);
/** Two children at a time: one per core. */
const LANES = 2;

let workDir = '';
let childScript = '';

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'dreamboard-crash-'));
  // The child runs under plain Node, so it is bundled once (Node 20 cannot run TypeScript).
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      ssr: resolve(__dirname, 'crash-child.ts'),
      outDir: join(workDir, 'child'),
      emptyOutDir: true,
      minify: false,
      rolldownOptions: { output: { format: 'es', entryFileNames: 'crash-child.mjs' } },
    },
    ssr: { noExternal: true, target: 'node' },
  });
  childScript = join(workDir, 'child', 'crash-child.mjs');
}, 60_000);

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

/** Runs the child until `killAfterMs` past "ready", SIGKILLs it, returns the last edit it reported saved. */
function runChildAndKill(
  path: string,
  seed: number,
  killAfterMs: number,
): Promise<{ lastSaved: number; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [childScript, path, String(seed)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let stderr = '';
    let armed = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (!armed && out.includes('ready\n')) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', () => {
      const saved = [...out.matchAll(/^saved (\d+)$/gm)].map((m) => Number(m[1]));
      done({ lastSaved: saved.length > 0 ? Math.max(...saved) : 0, stderr });
    });
  });
}

/**
 * The file must hold exactly the state after some edit M ≥ n (each record holds whole
 * transactions, so no state between edits can appear): card eK exists for K ≤ M unless edit
 * K+3 ≤ M, a multiple of 5, deleted it (see crash-child.ts). The title says which M it is.
 */
function checkEditsPresent(doc: Y.Doc, n: number): string | null {
  const title = String(doc.getMap('meta').get('title') ?? '');
  const titleEdit = /^edit (\d+)$/.exec(title);
  const m = titleEdit ? Number(titleEdit[1]) : 0;
  if (m < n) return `the file holds edit ${m} but edit ${n} was reported saved`;
  const cards = doc.getMap('cards');
  for (let k = 1; k <= m + 3; k++) {
    const expected = k <= m && !((k + 3) % 5 === 0 && k + 3 <= m);
    if (cards.has(`e${k}`) !== expected)
      return `card of edit ${k} is ${expected ? 'missing' : 'present'} in the state after edit ${m} (reported saved: ${n})`;
  }
  return null;
}

const isTemporary = (name: string) => name.endsWith('.tmp');

describe('crash safety', () => {
  it(`loses no saved edit and leaves no unreadable file across ${KILLS} SIGKILLs at random moments`, async () => {
    const volume = new NodeVolume();
    const failures: string[] = [];
    let temporariesSeenAfterKills = 0;
    let highestEdit = 0;

    const lane = async (laneIndex: number, kills: number) => {
      const rng = seededRandom(SEED + laneIndex);
      const dir = join(workDir, `lane${laneIndex}`);
      await import('node:fs/promises').then((fs) => fs.mkdir(dir));
      const path = join(dir, 'crash.dreamboard');
      await createWorkshopFile(volume, path, new Y.Doc(), 0);
      let reportedSaved = 0;
      for (let round = 0; round < kills; round++) {
        const killAfterMs = Math.floor(rng() * 40);
        const { lastSaved, stderr } = await runChildAndKill(path, Math.floor(rng() * 2 ** 31), killAfterMs);
        const where = `lane ${laneIndex} round ${round} (seed ${SEED}, kill after ${killAfterMs} ms)`;
        if (stderr.trim()) failures.push(`${where}: child failed: ${stderr.trim().split('\n')[0]}`);
        reportedSaved = Math.max(reportedSaved, lastSaved);
        temporariesSeenAfterKills += (await readdir(dir)).filter(isTemporary).length;
        const read = await readWorkshopFile(volume, path);
        if (!read.ok) {
          failures.push(`${where}: unreadable: ${JSON.stringify(read.problem)}`);
          return;
        }
        const lost = checkEditsPresent(read.doc, reportedSaved);
        if (lost) failures.push(`${where}: ${lost}`);
        highestEdit = Math.max(highestEdit, reportedSaved);
        if (failures.length > 0) return;
      }
      // The next open (as the app would do) clears whatever a kill left mid-compaction.
      const reopened = await openForEditing({ volume, path, scheduler: nodeScheduler });
      if (!reopened.ok) failures.push(`lane ${laneIndex}: final open failed`);
      else await reopened.session.close();
      const leftover = (await readdir(dir)).filter(isTemporary);
      if (leftover.length > 0)
        failures.push(`lane ${laneIndex}: temporary files left after open: ${leftover.join(', ')}`);
    };

    const perLane = Math.ceil(KILLS / LANES);
    await Promise.all(
      Array.from({ length: LANES }, (_, i) =>
        lane(i, i === LANES - 1 ? KILLS - perLane * (LANES - 1) : perLane),
      ),
    );
    console.log(
      `crash test: ${KILLS} kills, seed ${SEED}, highest saved edit ${highestEdit}, temporary files found after kills ${temporariesSeenAfterKills}`,
    );
    expect(failures, `seed ${SEED}`).toEqual([]);
    // The child must actually have made progress, or the test proves nothing.
    expect(highestEdit).toBeGreaterThan(KILLS / 2);
  }, 600_000);
});
