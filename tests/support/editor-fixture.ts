import * as Y from 'yjs';
import { createFrame } from '../../shared/doc';
import { Editor } from '../../renderer/editor/editor';
import { DocSession } from '../../renderer/session/session';

/** A fresh session and editor, with a viewport, for command and tool tests without a canvas. */
export function makeEditor(doc: Y.Doc = new Y.Doc()): Editor {
  const session = new DocSession({ participantId: 'tester', role: 'frontline' }, doc);
  const editor = new Editor(session);
  editor.setViewport({ w: 1200, h: 800 });
  return editor;
}

/** An editor whose document has two side-by-side frames, "Today" and "The dream". */
export function makeEditorWithFrames() {
  const editor = makeEditor();
  const doc = editor.session.doc;
  const today = createFrame(doc, { title: 'Today', x: 0, y: 0, w: 1000, h: 700 }, 'dreamboard:load');
  const dream = createFrame(doc, { title: 'The dream', x: 1100, y: 0, w: 1000, h: 700 }, 'dreamboard:load');
  return { editor, today, dream };
}

/** Connects two docs both ways, like two peers on a perfect network. */
export function linkDocs(a: Y.Doc, b: Y.Doc): void {
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(b, u, 'remote'));
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a, u, 'remote'));
}
