import { useEffect } from 'react';
import type { Editor } from '../../editor/editor';
import { liveAnnouncements } from './live-text';
import { useLiveController } from '../../app/live-context';

/**
 * Says through the editor's live region what changed in the session: "Anna joined", "Connection
 * lost — reconnecting", "Connected again". One message per change, so nothing is queued behind
 * a burst (several at once are joined into one sentence).
 */
export function useLiveAnnouncements(editor: Editor): void {
  const live = useLiveController();
  useEffect(() => {
    let previous = live.store.get();
    return live.store.subscribe((next) => {
      const messages = liveAnnouncements(previous, next);
      previous = next;
      if (messages.length > 0) editor.announce(messages.join('. '));
    });
  }, [live, editor]);
}
