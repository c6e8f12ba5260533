import { useEffect } from 'react';
import { getPlatform } from '../../platform';
import { isTextEditingTarget, type FocusedElementLike } from '../../platform/editable-focus';
import { addCard, performAction, type ActionHost } from '../../editor/actions';
import type { Editor } from '../../editor/editor';
import { copySelection, pasteText } from '../../editor/clipboard';
import { deleteSelection } from '../../editor/edit-commands';
import { decideKey, zoneOf, type FocusZone } from '../key-routing';
import { takePendingCopy } from './action-host';

export const isMacPlatform = (): boolean => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

function currentZone(): FocusZone {
  const el = document.activeElement;
  return zoneOf(el, el === document.body || el === document.documentElement, (e) =>
    isTextEditingTarget(e as unknown as FocusedElementLike),
  );
}

/**
 * The shell's keyboard, menu and clipboard wiring, on the document so it works wherever focus is.
 * React handlers (the outline, dialogs) run first and stop what they handle.
 */
export function useShellKeys(editor: Editor, host: ActionHost): void {
  useEffect(() => {
    const isMac = isMacPlatform();
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const decision = decideKey(e, currentZone(), isMac);
      if (!decision) return;
      e.preventDefault();
      if (decision.type === 'card') addCard(editor, decision.kind, { edit: true });
      else performAction(decision.id, { editor, host }, e);
    };
    const boardOwnsClipboard = () => {
      const zone = currentZone();
      return zone !== 'text' && zone !== 'dialog';
    };
    const onCopy = (e: ClipboardEvent) => {
      const pending = takePendingCopy();
      if (pending !== null) {
        e.clipboardData?.setData('text/plain', pending);
        e.preventDefault();
        return;
      }
      if (!boardOwnsClipboard() || !e.clipboardData) return;
      const text = copySelection(editor);
      if (!text) return;
      e.clipboardData.setData('text/plain', text);
      e.preventDefault();
      editor.announce(e.type === 'cut' ? 'Cut' : 'Copied');
      if (e.type === 'cut') deleteSelection(editor);
    };
    const onPaste = (e: ClipboardEvent) => {
      if (!boardOwnsClipboard() || !e.clipboardData) return;
      e.preventDefault();
      const text = e.clipboardData.getData('text/plain');
      if (text) pasteText(editor, text);
      else editor.announce('Nothing to paste');
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCopy);
    document.addEventListener('paste', onPaste);
    const stopMenu = getPlatform().onMenuAction((id) => performAction(id, { editor, host }));
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCopy);
      document.removeEventListener('paste', onPaste);
      stopMenu();
    };
  }, [editor, host]);
}
