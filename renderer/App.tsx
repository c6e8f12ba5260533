import { useCallback, useEffect, useRef, useState } from 'react';
import { getPlatform } from './platform';
import { participantId } from './ui/participant';
import { StartScreen } from './ui/shell/StartScreen';
import { Workspace } from './ui/shell/Workspace';
import { createWorkshop, type OpenWorkshop } from './ui/workshop';

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * The top of the app: the start screen until a workshop is open, then the workspace. The session
 * is destroyed with the workshop so no subscription outlives it.
 */
export function App() {
  const [workshop, setWorkshop] = useState<OpenWorkshop | null>(null);
  // Sessions are ended here, on replace or close, not in an effect cleanup: StrictMode runs
  // effects twice in development and would end a session that is still in use.
  const current = useRef<OpenWorkshop | null>(null);

  const replace = useCallback((next: OpenWorkshop | null) => {
    current.current?.session.destroy();
    current.current = next;
    exposeForTests(next);
    setWorkshop(next);
  }, []);

  const open = useCallback(
    (templateId: string) => replace(createWorkshop(templateId, participantId(safeStorage()))),
    [replace],
  );
  const close = useCallback(() => replace(null), [replace]);

  useEffect(() => {
    if (!workshop) getPlatform().setWindowTitle('', 'saved');
  }, [workshop]);

  if (!workshop) return <StartScreen onChoose={open} />;
  return <Workspace key={workshop.session.doc.guid} workshop={workshop} onClose={close} />;
}

declare global {
  interface Window {
    /** Only with ?debug=1 in a browser: end-to-end tests drive and inspect the editor through it. */
    dreamboardDebug?: OpenWorkshop | undefined;
  }
}

/**
 * Tests need the editor and session. Never in the desktop app: there a page script reaching the
 * document directly would skip every command's checks, and nothing there needs it.
 */
function exposeForTests(workshop: OpenWorkshop | null): void {
  if (getPlatform().kind !== 'browser') return;
  if (new URLSearchParams(window.location.search).get('debug') !== '1') return;
  window.dreamboardDebug = workshop ?? undefined;
}
