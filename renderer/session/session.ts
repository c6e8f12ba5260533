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
  private lastRaw: DocSnapshot | null = null;
  private lastShown: DocSnapshot | null = null;

  /**
   * A session over the saved state of a workshop file (applied with the load origin, so Undo never
   * takes it away). `readOnlyReason` comes from the platform: a file from a newer Dreamboard, or one
   * it may not write, is shown read-only even when the document itself would allow edits.
   */
  static fromState(author: Author, state: Uint8Array, readOnlyReason: string | null = null): DocSession {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state, ORIGIN.load);
    return new DocSession(author, doc, readOnlyReason);
  }

  constructor(
    readonly author: Author,
    doc: Y.Doc = new Y.Doc(),
    readonly readOnlyReason: string | null = null,
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
    this.disposers.push(
      () => this.undoManager.destroy(),
      () => this.index.destroy(),
    );
  }

  /** The validated snapshot; marked read-only when the platform says so (same object until the document changes). */
  snapshot(): DocSnapshot {
    const raw = this.index.getSnapshot();
    if (this.readOnlyReason === null || raw.readOnly) return raw;
    if (raw !== this.lastRaw) {
      this.lastRaw = raw;
      this.lastShown = { ...raw, readOnly: true };
    }
    return this.lastShown!;
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
