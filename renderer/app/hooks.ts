import { createContext, useCallback, useContext, useRef, useSyncExternalStore } from 'react';
import type { DocSnapshot } from '../../shared/doc';
import type { Editor } from '../editor/editor';
import type { EditorState } from '../editor/state';

/** The editor of the open workshop. Components read through the hooks below and write through commands. */
export const EditorContext = createContext<Editor | null>(null);

export function useEditor(): Editor {
  const editor = useContext(EditorContext);
  if (!editor) throw new Error('useEditor needs an <EditorContext.Provider>');
  return editor;
}

/**
 * A slice of editor state. Re-renders only when the selected value changes (by ===, or by the
 * optional `equal`), so a camera move does not re-render the inspector.
 */
export function useEditorState<T>(
  select: (s: EditorState) => T,
  equal: (a: T, b: T) => boolean = Object.is,
): T {
  const editor = useEditor();
  const last = useRef<{ value: T } | null>(null);
  const getSnapshot = useCallback(() => {
    const next = select(editor.store.get());
    if (last.current && equal(last.current.value, next)) return last.current.value;
    last.current = { value: next };
    return next;
  }, [editor, select, equal]);
  return useSyncExternalStore(
    useCallback((cb) => editor.store.subscribe(cb), [editor]),
    getSnapshot,
  );
}

/** The validated document snapshot; a new object only when the document changed. */
export function useSnapshot(): DocSnapshot {
  const editor = useEditor();
  const subscribe = useCallback((cb: () => void) => editor.session.index.subscribe(cb), [editor]);
  return useSyncExternalStore(subscribe, () => editor.session.snapshot());
}
