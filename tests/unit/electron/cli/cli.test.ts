import { execFileSync } from 'node:child_process';
import { chmod, mkdir, readdir, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../../electron/cli/run';
import { NodeVolume } from '../../../../electron/storage/node-volume';
import { ORIGIN, updateMeta } from '../../../../shared/doc';
import {
  encodeHeader,
  encodeRecord,
  encodeWorkshopFile,
  RecordType,
  StorageError,
  type StorageVolume,
} from '../../../../shared/storage';
import { addCards, sampleDoc, seededRandom, withTempDir } from '../../shared/storage/helpers';

async function cli(argv: string[], volume?: StorageVolume) {
  let out = '';
  let err = '';
  const code = await runCli(
    argv,
    { out: (t) => (out += t), err: (t) => (err += t) },
    { ...(volume ? { volume } : {}), now: () => 1_764_000_000_000 },
  );
  return { code, out, err };
}

/** A workshop as autosave leaves it: compacted start plus `appends` update records. */
function autosavedBytes(appends: number): Uint8Array {
  const doc = sampleDoc();
  const parts = [encodeWorkshopFile(doc, 1)];
  doc.on('update', (u: Uint8Array) => parts.push(encodeRecord(RecordType.update, u)));
  for (let i = 0; i < appends; i++) addCards(doc, 2, `a${i}-`);
  return Uint8Array.from(parts.flatMap((p) => [...p]));
}

const SEED = 7;

/** name → bytes, expected `check` exit code, and words the message must contain. */
function corpus(): { name: string; bytes: Uint8Array; exit: number; says: RegExp }[] {
  const rng = seededRandom(SEED);
  const healthy = autosavedBytes(3);
  const compacted = encodeWorkshopFile(sampleDoc(), 1);
  const lastRecordStart =
    healthy.length - encodeRecord(1, new Uint8Array(0)).length - lastPayloadLength(healthy);
  const flip = (bytes: Uint8Array, from: number, to: number) => {
    const out = bytes.slice();
    const at = from + Math.floor(rng() * (to - from));
    out[at]! ^= 1 << Math.floor(rng() * 8);
    return out;
  };
  const zeroed = (bytes: Uint8Array, at: number, length: number) => {
    const out = bytes.slice();
    out.fill(0, at, at + length);
    return out;
  };
  const absurd = healthy.slice();
  new DataView(absurd.buffer).setUint32(lastRecordStart, 0xfffffff0, true);
  return [
    { name: 'healthy', bytes: healthy, exit: 0, says: /is healthy: 7 saved changes/ },
    {
      name: 'wrong-magic',
      bytes: Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...healthy.subarray(4)]),
      exit: 2,
      says: /is not a Dreamboard workshop \(it does not start with the Dreamboard signature\)/,
    },
    {
      name: 'empty',
      bytes: new Uint8Array(0),
      exit: 2,
      says: /is not a Dreamboard workshop \(the file is empty\)/,
    },
    {
      name: 'random-bytes',
      bytes: Uint8Array.from({ length: 4096 }, () => Math.floor(rng() * 256)),
      exit: 2,
      says: /is not a Dreamboard workshop/,
    },
    {
      name: 'truncated-header',
      bytes: healthy.subarray(0, 11),
      exit: 2,
      says: /damaged beyond repair \(the header is cut off after 11 bytes\)/,
    },
    {
      name: 'header-bit-flip',
      bytes: flip(healthy, 8, 16),
      exit: 2,
      says: /damaged beyond repair \(the header fails its checksum\)/,
    },
    {
      name: 'zeroed-block-in-only-record',
      bytes: zeroed(compacted, compacted.length - 80, 64),
      exit: 2,
      says: /damaged beyond repair/,
    },
    {
      name: 'zeroed-block-at-end',
      bytes: zeroed(healthy, healthy.length - 40, 40),
      exit: 1,
      says: /can be recovered\. Opened with everything saved before the damage: 6 saved changes/,
    },
    {
      name: 'bit-flip-in-last-record',
      bytes: flip(healthy, lastRecordStart, healthy.length),
      exit: 1,
      says: /can be recovered/,
    },
    { name: 'absurd-length', bytes: absurd, exit: 1, says: /impossible length/ },
    {
      name: 'cut-mid-record',
      bytes: healthy.subarray(0, healthy.length - 3),
      exit: 1,
      says: /the last .* could not be read/,
    },
    {
      name: 'newer-format',
      bytes: Uint8Array.from([...encodeHeader(5, 4), ...healthy.subarray(16)]),
      exit: 2,
      says: /saved by a newer version of Dreamboard\. Update Dreamboard to open it/,
    },
    {
      name: 'newer-writer',
      bytes: Uint8Array.from([...encodeHeader(2, 1), ...healthy.subarray(16)]),
      exit: 0,
      says: /update Dreamboard to edit it/,
    },
  ];
}

function lastPayloadLength(bytes: Uint8Array): number {
  // Walk the frames: the last one's payload length.
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 16;
  let last = 0;
  while (at < bytes.length) {
    last = view.getUint32(at, true);
    at += 9 + last;
  }
  return last;
}

async function fingerprint(path: string) {
  const s = await stat(path);
  return {
    mtimeMs: s.mtimeMs,
    size: s.size,
    bytes: s.isFile() && s.size < 1e7 ? (await readFile(path)).toString('base64') : null,
  };
}

describe('dreamboard check and info on damaged files', () => {
  it(`gives the right message and exit code for every damaged file and never writes (corpus seed ${SEED})`, () =>
    withTempDir(async (dir) => {
      const cases = corpus();
      for (const c of cases) await writeFile(join(dir, `${c.name}.dreamboard`), c.bytes);
      const before = new Map(
        await Promise.all(
          cases.map(async (c) => [c.name, await fingerprint(join(dir, `${c.name}.dreamboard`))] as const),
        ),
      );
      for (const c of cases) {
        const path = join(dir, `${c.name}.dreamboard`);
        const check = await cli(['check', path]);
        expect(check.code, `${c.name}: ${check.out}${check.err}`).toBe(c.exit);
        expect(check.out + check.err, c.name).toMatch(c.says);
        expect(check.err === '', `${c.name} errors go to stderr`).toBe(c.exit !== 2);
        const info = await cli(['info', path, '--json']);
        expect(info.code, `${c.name} info`).toBe(c.exit === 2 ? 2 : 0);
        if (c.exit !== 2)
          expect(JSON.parse(info.out).integrity.status).toBe(c.exit === 0 ? 'healthy' : 'recovered');
        expect(await fingerprint(path), `${c.name} unchanged`).toEqual(before.get(c.name));
      }
      expect((await readdir(dir)).length).toBe(cases.length);
    }));

  it('says a folder is a folder', () =>
    withTempDir(async (dir) => {
      await mkdir(join(dir, 'folder.dreamboard'));
      const r = await cli(['check', join(dir, 'folder.dreamboard')]);
      expect(r).toMatchObject({ code: 2, out: '' });
      expect(r.err).toBe('"folder.dreamboard" is a folder, not a workshop file.\n');
    }));

  it('refuses a pipe without waiting to read it', () =>
    withTempDir(async (dir) => {
      const path = join(dir, 'pipe.dreamboard');
      execFileSync('mkfifo', [path]);
      const r = await cli(['check', path]);
      expect(r).toMatchObject({
        code: 2,
        err: '"pipe.dreamboard" is not a Dreamboard workshop (it is not a regular file).\n',
      });
    }));

  it('refuses a huge (sparse) file without reading it', () =>
    withTempDir(async (dir) => {
      const path = join(dir, 'huge.dreamboard');
      await writeFile(path, encodeWorkshopFile(sampleDoc(), 1));
      await truncate(path, 6 * 1024 ** 3);
      const before = await fingerprint(path);
      const r = await cli(['check', path]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/is too large to be a Dreamboard workshop \(6\.0 GB\)/);
      expect(await fingerprint(path)).toEqual(before);
    }));

  it('says when there is no such file', async () => {
    const r = await cli(['info', '/nonexistent/dir/w.dreamboard']);
    expect(r).toMatchObject({ code: 2, err: 'There is no file at "w.dreamboard".\n' });
  });

  it('says when permission is denied', () =>
    withTempDir(async (dir) => {
      const path = join(dir, 'locked.dreamboard');
      await writeFile(path, encodeWorkshopFile(sampleDoc(), 1));
      // Root ignores file modes, so the denial is injected at the volume, as the OS would report it.
      const denying = new NodeVolume();
      denying.readFile = () =>
        Promise.reject(new StorageError('permission-denied', 'EACCES: permission denied'));
      const injected = await cli(['check', path], denying);
      expect(injected).toMatchObject({
        code: 2,
        err: `Dreamboard is not allowed to read "locked.dreamboard". Check the file's permissions.\n`,
      });
      if (process.getuid?.() !== 0) {
        await chmod(path, 0o000);
        const real = await cli(['check', path]);
        await chmod(path, 0o644);
        expect(real.code).toBe(2);
        expect(real.err).toMatch(/not allowed to read/);
      }
    }));
});

describe('dreamboard info', () => {
  it('shows title, schema version, counts by kind, frames, connectors, last change and integrity', () =>
    withTempDir(async (dir) => {
      const path = join(dir, 'w.dreamboard');
      expect((await cli(['new', path, '--title', 'Homecare in Eastvale'])).code).toBe(0);
      const text = await cli(['info', path]);
      expect(text.code).toBe(0);
      expect(text.out).toMatch(/^Title: +Homecare in Eastvale$/m);
      expect(text.out).toMatch(/^Schema version: +1 \(file format 1\)$/m);
      expect(text.out).toMatch(/^Frames: +9$/m);
      expect(text.out).toMatch(/^ {2}Note: +9$/m);
      expect(text.out).toMatch(/^Integrity: +healthy$/m);
      const json = JSON.parse((await cli(['info', path, '--json'])).out);
      expect(json).toMatchObject({
        title: 'Homecare in Eastvale',
        schemaVersion: 1,
        template: 'dream-service-model',
        frames: 9,
        connectors: 0,
        quarantined: 0,
      });
      expect(json.cards.byKind).toMatchObject({ note: 9, need: 0 });
      expect(json.createdAt).toBe(new Date(1_764_000_000_000).toISOString());
      expect(typeof json.lastChangedAt).toBe('string');
    }));

  it('counts cards per kind and reports a newer document read-only', () =>
    withTempDir(async (dir) => {
      const path = join(dir, 'w.dreamboard');
      const doc = sampleDoc();
      updateMeta(doc, { schemaVersion: 4 }, ORIGIN.load);
      await writeFile(path, encodeWorkshopFile(doc, 1));
      const json = JSON.parse((await cli(['info', path, '--json'])).out);
      expect(json.cards).toMatchObject({ total: 2, byKind: { need: 1, service: 1 } });
      expect(json.integrity).toMatchObject({ status: 'healthy', readOnly: true });
    }));
});

describe('dreamboard new', () => {
  it('creates a blank workshop that check calls healthy', () =>
    withTempDir(async (dir) => {
      const path = join(dir, 'blank.dreamboard');
      expect(await cli(['new', path, '--template', 'blank'])).toMatchObject({ code: 0, err: '' });
      expect((await cli(['check', path])).code).toBe(0);
      expect(JSON.parse((await cli(['info', path, '--json'])).out).template).toBe('blank');
    }));

  it('refuses to overwrite an existing file', () =>
    withTempDir(async (dir) => {
      const path = join(dir, 'taken.dreamboard');
      await writeFile(path, 'mine');
      const r = await cli(['new', path]);
      expect(r).toMatchObject({ code: 1, out: '' });
      expect(r.err).toMatch(
        /"taken.dreamboard" already exists\. Choose another name; Dreamboard will not overwrite it\./,
      );
      expect(await readFile(path, 'utf8')).toBe('mine');
    }));

  it.each([
    [['new'], /Say which workshop file/],
    [['new', 'a', 'b'], /Expected one file, got 2/],
    [
      ['new', 'x.dreamboard', '--template', 'service-blueprint'],
      /no template "service-blueprint"\. Templates: dream-service-model, blank/,
    ],
    [['new', 'x.dreamboard', '--template'], /--template needs a value/],
    [['info', 'x', '--colour'], /"info" has no option --colour/],
    [['frobnicate'], /There is no command "frobnicate"\. Commands: info, check, new/],
    [[], /Usage: dreamboard <command>/],
  ])('explains a usage mistake: %j', async (argv, message) => {
    const r = await cli(argv);
    expect(r.code).toBe(64);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
  });

  it('prints help on request', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/info .*\n.*check .*\n.*new /);
    expect((await cli(['check', '--help'])).out).toMatch(/Usage: dreamboard check <file>/);
  });
});
