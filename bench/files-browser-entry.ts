import * as Y from 'yjs';
import { ORIGIN, updateMeta } from '../shared/doc';
import { encodeWorkshopFile } from '../shared/storage';
import { buildSceneDoc } from '../renderer/bench/scene';

/**
 * The workshop the browser benchmarks open and edit, built in Node with the app's own code: the
 * canvas benchmark's deterministic scene (cards in frames, one connector per four cards) with a
 * title, written as a compacted `.dreamboard` file by the storage engine.
 */
export interface BenchWorkshop {
  readonly title: string;
  readonly cards: number;
  /** The compacted file, as a save would leave it. */
  readonly file: Uint8Array;
  /**
   * The same file with a torn record after it (a crash mid-append): it opens with everything, and
   * the engine's first save must compact it. That is how the editing benchmark forces a compaction
   * within seconds instead of after 500 appends.
   */
  readonly damaged: Uint8Array;
  /** The plain Yjs state of the same document (what the baseline applies). */
  readonly state: Uint8Array;
}

export function buildBenchWorkshop(cards: number): BenchWorkshop {
  const title = `Benchmark ${cards / 1000}k`;
  const doc = buildSceneDoc({ cards, seed: 42 });
  updateMeta(
    doc,
    { schemaVersion: 1, title, context: '', createdAt: 1_700_000_000_000, template: 'blank' },
    ORIGIN.load,
  );
  const file = encodeWorkshopFile(doc, 1_700_000_000_000);
  // A record header promising more bytes than follow, with a wrong checksum: a torn append.
  const torn = new Uint8Array([0x40, 0, 0, 0, 0xde, 0xad, 0xbe, 0xef, 1, 0, 0, 1, 2, 3]);
  const damaged = new Uint8Array(file.length + torn.length);
  damaged.set(file);
  damaged.set(torn, file.length);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return { title, cards, file, damaged, state };
}
