/**
 * Child process of the crash test. It opens a workshop, makes numbered edits as fast as it can,
 * and after each edit is durable (fsync returned) prints "saved N". The parent kills it with
 * SIGKILL at a random moment and checks that every edit reported saved is on disk.
 *
 * Edit N creates card eN and sets the title to "edit N"; every fifth edit also deletes the card
 * of three edits before, so the file sees deletions, title summaries and (often) compactions.
 */
import * as Y from 'yjs';
import { createCard, deleteItems, ORIGIN, transact, updateMeta } from '../../../../shared/doc';
import type { CardId } from '../../../../shared/model';
import { openForEditing } from '../../../../shared/storage';
import { NodeVolume, nodeScheduler } from '../../../../electron/storage/node-volume';

async function main(): Promise<void> {
  const [path, seedText] = process.argv.slice(2);
  if (!path || !seedText) throw new Error('usage: crash-child <file> <seed>');
  let seed = Number(seedText) >>> 0;
  const random = () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  const opened = await openForEditing({
    volume: new NodeVolume(),
    path,
    scheduler: nodeScheduler,
    delayMs: 1,
    // Compact often, so that many kills land in the middle of a compaction (temporary file, rename).
    shouldCompact: (s) => s.recordsSinceCompaction >= 2,
  });
  if (!opened.ok) throw new Error(`cannot open: ${JSON.stringify(opened.problem)}`);
  const { session } = opened;
  const live = new Y.Doc();
  Y.applyUpdate(live, session.encodeState(), ORIGIN.load);
  live.on('update', (update: Uint8Array) => session.record(update));
  const title = String(live.getMap('meta').get('title') ?? '');
  let next = /^edit \d+$/.test(title) ? Number(title.slice(5)) + 1 : 1;
  process.stdout.write('ready\n');
  for (;;) {
    // Sometimes several edits go into one write, as when someone types quickly.
    const batch = 1 + Math.floor(random() * 3);
    for (let k = 0; k < batch; k++, next++) applyEdit(live, next);
    await session.flush();
    process.stdout.write(`saved ${next - 1}\n`);
  }
}

function applyEdit(doc: Y.Doc, n: number): void {
  transact(doc, () => {
    createCard(
      doc,
      { kind: 'note', x: n, y: 0, text: `edit ${n} `.repeat(1 + (n % 7)), id: `e${n}` as CardId },
      { participantId: 'crash', role: null },
    );
    updateMeta(doc, { title: `edit ${n}` });
    if (n % 5 === 0) deleteItems(doc, [`e${n - 3}`]);
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(3);
});
