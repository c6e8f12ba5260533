import * as Y from 'yjs';
import { DocumentIndex, ORIGIN, rootMaps, type Author, type DocSnapshot } from '../../shared/doc';

/**
 * Everything that lives as long as one open workshop: the Y.Doc, its validated index and the undo
 * manager. Created together and destroyed together, so no subscription outlives its document.
 */
export class DocSession {
  readonly doc: Y.Doc;
  readonly index: DocumentIndex;
  readonly undoManager: Y.UndoManager;
  private readonly disposers: (() => void)[] = [];

  constructor(
    readonly author: Author,
    doc: Y.Doc = new Y.Doc(),
  ) {
    this.doc = doc;
    this.index = new DocumentIndex(doc, (m) => console.warn(m));
    const maps = rootMaps(doc);
    // Only our own writes are undoable: remote, migration, load and repair writes are not tracked.
    // captureTimeout 0: each transaction is its own step, and each gesture is one transaction.
    this.undoManager = new Y.UndoManager([maps.cards, maps.frames, maps.connectors, maps.meta], {
      trackedOrigins: new Set([ORIGIN.local]),
      captureTimeout: 0,
    });
    this.disposers.push(() => this.undoManager.destroy(), () => this.index.destroy());
  }

  snapshot(): DocSnapshot {
    return this.index.getSnapshot();
  }

  /** Registers something to release when the session ends; returns it for chaining. */
  own(dispose: () => void): void {
    this.disposers.push(dispose);
  }

  destroy(): void {
    for (const d of this.disposers.splice(0).reverse()) d();
    this.doc.destroy();
  }
}
