import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import {
  createCards,
  createConnector,
  createFrame,
  DocumentIndex,
  ORIGIN,
  transact,
  updateMeta,
  type NewCard,
} from '../shared/doc';
import { CARD_KINDS, type CardId } from '../shared/model';
import { createWorkshopFile, encodeWorkshopFile, openForEditing, readWorkshopBytes } from '../shared/storage';
import { NodeVolume, nodeScheduler } from '../electron/storage/node-volume';

/**
 * Storage benchmarks, each against the same work done with plain Yjs in the same run:
 * - open: file bytes → checked, decoded document + validated DocumentIndex, vs Y.applyUpdate
 * - save: document → complete file bytes (state, summary, checksums), vs Y.encodeStateAsUpdate
 * - save to disk: a compaction (temporary file, fsync, rename, directory fsync), vs the same encode
 * - append: one edit made durable (write + fdatasync), absolute
 * - bytes per card of a compacted file, vs the raw Yjs state
 */
export interface BenchLine {
  readonly bench: string;
  readonly value: number;
  readonly unit: string;
  readonly baseline: number;
  readonly ratio: number;
}

const AUTHOR = { participantId: 'bench', role: 'frontline' } as const;

function buildWorkshop(cards: number): Y.Doc {
  const doc = new Y.Doc();
  updateMeta(
    doc,
    { schemaVersion: 1, title: 'Benchmark workshop', createdAt: 1, template: 'dream-service-model' },
    ORIGIN.load,
  );
  const frames = Array.from({ length: 9 }, (_, i) =>
    createFrame(doc, { title: `Frame ${i}`, x: (i % 3) * 1220, y: Math.floor(i / 3) * 880, w: 1100, h: 760 }),
  );
  const batch: NewCard[] = Array.from({ length: cards }, (_, i) => ({
    id: `card${i}` as CardId,
    kind: CARD_KINDS[i % CARD_KINDS.length]!,
    x: (i % 100) * 210,
    y: Math.floor(i / 100) * 130,
    text: `Card ${i}: people told us what matters to them here, in their own words`,
    frame: frames[i % frames.length]!,
    fields: i % 3 === 0 ? { evidence: 'lived-experience' } : ({} as Record<string, string>),
  }));
  createCards(doc, batch, AUTHOR);
  transact(doc, () => {
    for (let i = 0; i + 1 < cards; i += 5)
      createConnector(doc, {
        from: `card${i}` as CardId,
        to: `card${i + 1}` as CardId,
        kind: 'contributes-to',
      });
  });
  return doc;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Alternates the two so that warm-up and machine noise fall on both alike. */
function compare(runs: number, app: () => void, plain: () => void): { app: number; plain: number } {
  const a: number[] = [];
  const p: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    let t = performance.now();
    plain();
    const plainMs = performance.now() - t;
    t = performance.now();
    app();
    const appMs = performance.now() - t;
    if (i >= 2) {
      p.push(plainMs);
      a.push(appMs);
    }
  }
  return { app: median(a), plain: median(p) };
}

const line = (bench: string, value: number, unit: string, baseline: number): BenchLine => {
  const round = (v: number) => Math.round(v * 1000) / 1000;
  return { bench, value: round(value), unit, baseline: round(baseline), ratio: round(value / baseline) };
};

export async function runStorageBench(quick = false): Promise<BenchLine[]> {
  const cards = quick ? 2000 : 10_000;
  const runs = quick ? 3 : 7;
  const label = `${cards / 1000}k`;
  const doc = buildWorkshop(cards);
  const state = Y.encodeStateAsUpdate(doc);
  const file = encodeWorkshopFile(doc, 1);
  const out: BenchLine[] = [];

  const open = compare(
    runs,
    () => {
      const read = readWorkshopBytes(file);
      if (!read.ok) throw new Error('bench file unreadable');
      new DocumentIndex(read.doc).destroy();
    },
    () => {
      Y.applyUpdate(new Y.Doc(), state);
    },
  );
  out.push(line(`storage.open.${label}`, open.app, 'ms', open.plain));

  const save = compare(
    runs,
    () => void encodeWorkshopFile(doc, 1),
    () => void Y.encodeStateAsUpdate(doc),
  );
  out.push(line(`storage.save.${label}`, save.app, 'ms', save.plain));

  const dir = await mkdtemp(join(tmpdir(), 'dreamboard-bench-'));
  try {
    const volume = new NodeVolume();
    const path = join(dir, 'bench.dreamboard');
    await createWorkshopFile(volume, path, doc, 1);
    const toDisk: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await volume.replaceAtomically(path, encodeWorkshopFile(doc, 1));
      toDisk.push(performance.now() - t);
    }
    out.push(line(`storage.save-to-disk.${label}`, median(toDisk), 'ms', save.plain));

    const opened = await openForEditing({
      volume,
      path,
      scheduler: nodeScheduler,
      shouldCompact: () => false,
    });
    if (!opened.ok) throw new Error('bench file unreadable');
    const live = new Y.Doc();
    Y.applyUpdate(live, opened.session.encodeState(), ORIGIN.load);
    live.on('update', (u: Uint8Array) => opened.session.record(u));
    const appends: number[] = [];
    const edits: number[] = [];
    for (let i = 0; i < runs * 3; i++) {
      const t = performance.now();
      live.getMap('meta').set('title', `Edit ${i}`);
      const edited = performance.now();
      await opened.session.flush();
      appends.push(performance.now() - t);
      edits.push(edited - t);
    }
    await opened.session.close();
    out.push(line(`storage.append-edit.${label}`, median(appends), 'ms', median(edits)));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  out.push(line(`storage.bytes-per-card.${label}`, file.length / cards, 'bytes', state.length / cards));
  return out;
}
