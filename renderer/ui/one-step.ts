import { transact } from '../../shared/doc';
import type { Editor } from '../editor/editor';

/**
 * Runs several commands as one transaction, so a form that changes three things is one undo step
 * (commands nest: Yjs folds inner transactions into the outer one).
 */
export function inOneStep(editor: Editor, fn: () => void): void {
  transact(editor.session.doc, fn);
}
