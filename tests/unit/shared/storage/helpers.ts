import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import {
  createCard,
  createConnector,
  createFrame,
  ORIGIN,
  updateMeta,
  type Author,
} from '../../../../shared/doc';
import type { CardId } from '../../../../shared/model';
import type { Scheduler } from '../../../../shared/storage';

export const AUTHOR: Author = { participantId: 'p1', role: 'frontline' };

/** A small but varied workshop: meta, a frame, cards of two kinds and a connector. */
export function sampleDoc(title = 'Homelessness in Northshire'): Y.Doc {
  const doc = new Y.Doc();
  updateMeta(
    doc,
    { schemaVersion: 1, title, createdAt: 1_700_000_000_000, template: 'blank', context: '' },
    ORIGIN.load,
  );
  const frame = createFrame(doc, { title: 'Today', x: 0, y: 0, w: 1100, h: 760 });
  const a = createCard(
    doc,
    {
      kind: 'need',
      x: 10,
      y: 10,
      text: 'Somewhere safe tonight',
      frame,
      fields: { whose: 'lived-experience' },
    },
    AUTHOR,
  );
  const b = createCard(doc, { kind: 'service', x: 300, y: 10, text: 'Night shelter' }, AUTHOR);
  createConnector(doc, { from: b, to: a, kind: 'contributes-to' });
  return doc;
}

export function addCards(doc: Y.Doc, count: number, prefix = 'c'): CardId[] {
  const ids: CardId[] = [];
  for (let i = 0; i < count; i++)
    ids.push(
      createCard(
        doc,
        { kind: 'note', x: i * 10, y: 0, text: `${prefix} ${i}`, id: `${prefix}${i}` as CardId },
        AUTHOR,
      ),
    );
  return ids;
}

export function contentOf(doc: Y.Doc): unknown {
  return {
    meta: doc.getMap('meta').toJSON(),
    cards: doc.getMap('cards').toJSON(),
    frames: doc.getMap('frames').toJSON(),
    connectors: doc.getMap('connectors').toJSON(),
    votes: doc.getMap('votes').toJSON(),
  };
}

export async function withTempDir<T>(run: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'dreamboard-storage-'));
  try {
    return await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A scheduler the test advances by hand: no real timers, no timing in assertions. */
export class ManualScheduler implements Scheduler {
  private next = 1;
  readonly due = new Map<number, { run: () => void; ms: number }>();
  set(run: () => void, ms: number): unknown {
    const handle = this.next++;
    this.due.set(handle, { run, ms });
    return handle;
  }
  clear(handle: unknown): void {
    this.due.delete(handle as number);
  }
  /** Runs everything currently due (timers set while running wait for the next call). */
  runAll(): void {
    const current = [...this.due.entries()];
    this.due.clear();
    for (const [, { run }] of current) run();
  }
  get pendingDelays(): number[] {
    return [...this.due.values()].map((d) => d.ms);
  }
}

export { seededRandom } from '../../../../shared/util/seeded-random';
