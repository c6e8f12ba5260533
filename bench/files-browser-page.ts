import * as Y from 'yjs';

/**
 * Plain Yjs for the baselines of bench/files-browser.bench.mjs, loaded into the app's page as a
 * same-origin script (the app's CSP allows only 'self'). A second copy of Yjs beside the app's own:
 * Yjs warns about that on the console, which is harmless here because no document crosses copies.
 */
declare global {
  interface Window {
    benchYjs?: {
      applyUpdate: (bytes: Uint8Array) => number;
      encodeState: (bytes: Uint8Array) => { applyMs: number; encodeMs: number; bytes: number };
    };
  }
}

window.benchYjs = {
  /** Milliseconds to apply `bytes` to a fresh document. */
  applyUpdate(bytes) {
    const t = performance.now();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, bytes);
    const ms = performance.now() - t;
    doc.destroy();
    return ms;
  },
  /** Milliseconds to encode the whole state of a document holding `bytes` (a compaction's Yjs part). */
  encodeState(bytes) {
    let t = performance.now();
    const doc = new Y.Doc();
    Y.applyUpdate(doc, bytes);
    const applyMs = performance.now() - t;
    t = performance.now();
    const out = Y.encodeStateAsUpdate(doc);
    const encodeMs = performance.now() - t;
    doc.destroy();
    return { applyMs, encodeMs, bytes: out.length };
  },
};
