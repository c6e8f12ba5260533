import { useCallback, useEffect, useRef, useState } from 'react';
import { createLiveController } from './live/live-controller';
import type { LiveController } from './live/types';
import { getPlatform } from './platform';
import type { BrowserWorkshopStorage } from './platform/browser-storage';
import { useFiles } from './ui/files/use-files';
import { useFileDrop } from './ui/files/use-file-drop';
import { WorkshopFiles } from './app/workshop-files';
import './ui/files/files.css';
import { LiveContext } from './app/live-context';
import { LiveDialogs } from './ui/live/LiveDialogs';
import { createLiveUi, LiveUiContext } from './ui/live/live-ui';
import { participantId } from './app/participant';
import { StartScreen } from './ui/shell/StartScreen';
import { Workspace } from './ui/shell/Workspace';
import type { OpenWorkshop } from './app/workshop';

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * The top of the app: the start screen until a workshop is open, then the workspace. Workshop
 * files (ui/files/workshop-files.ts) own the open workshop: they end its session when its file has
 * closed, so no subscription outlives it and no change is dropped on the way out.
 */
export function App() {
  const platform = getPlatform();
  // One for the page's whole life; sessions are ended by it, not by effect cleanups (StrictMode
  // runs effects twice in development and would end a session still in use).
  const [files] = useState(
    () => new WorkshopFiles(platform.workshops, () => participantId(safeStorage()), exposeForTests),
  );
  // Live sessions: one controller per page, like the files; the dialogs are page-wide too.
  const [live] = useState(() => createLiveController({ platform, files }));
  const [liveUi] = useState(createLiveUi);
  const workshop = useFiles(files, (s) => s.workshop);
  useFileDrop(useCallback((file: File) => void files.open(() => files.storage.openDropped(file)), [files]));

  useEffect(() => files.connect(), [files]);
  useEffect(() => exposeFilesForTests(files), [files]);
  useEffect(() => exposeLiveForTests(live), [live]);
  // A dreamboard://join link from the system opens Join, filled in; joining still needs a confirmation.
  useEffect(
    () => platform.live.onJoinLink((link) => liveUi.set({ dialog: { kind: 'join', prefill: link } })),
    [platform, liveUi],
  );
  useEffect(() => {
    if (!workshop) platform.setWindowTitle('', 'saved');
  }, [platform, workshop]);
  // The button that opened or closed a workshop is gone with the screen it was on, which drops
  // keyboard focus to the page itself. Land it on the board, or on the start screen's first choice.
  const opened = workshop !== null;
  const shown = useRef(opened);
  useEffect(() => {
    if (shown.current === opened) return;
    shown.current = opened;
    requestAnimationFrame(() => {
      if (document.activeElement !== null && document.activeElement !== document.body) return;
      const target = opened
        ? document.querySelector<HTMLElement>('[aria-roledescription="board"]')
        : document.querySelector<HTMLElement>('main button');
      target?.focus();
    });
  }, [opened]);

  return (
    <LiveContext.Provider value={live}>
      <LiveUiContext.Provider value={liveUi}>
        {workshop ? (
          <Workspace key={workshop.file.handle} workshop={workshop} files={files} />
        ) : (
          <StartScreen files={files} where={platform.kind} />
        )}
        <LiveDialogs canHost={workshop !== null} />
      </LiveUiContext.Provider>
    </LiveContext.Provider>
  );
}

declare global {
  interface Window {
    /** Only with ?debug=1 in a browser: end-to-end tests drive and inspect the editor through it. */
    dreamboardDebug?: OpenWorkshop | undefined;
    /** Only with ?debug=1 in a browser: take a version-history snapshot now, instead of waiting minutes. */
    dreamboardSnapshotNow?: () => Promise<boolean>;
    /**
     * Only with ?debug=1 in a browser: the live controller from the first page render (the board's
     * `dreamboardLive` appears only with a workshop open), so tests can show the session UI's states.
     */
    dreamboardLiveController?: LiveController;
  }
}

const debugging = () =>
  getPlatform().kind === 'browser' && new URLSearchParams(window.location.search).get('debug') === '1';

/**
 * Tests need the editor and session. Never in the desktop app: there a page script reaching the
 * document directly would skip every command's checks, and nothing there needs it.
 */
function exposeForTests(workshop: OpenWorkshop | null): void {
  if (!debugging()) return;
  window.dreamboardDebug = workshop ?? undefined;
}

function exposeFilesForTests(files: WorkshopFiles): void {
  if (!debugging()) return;
  const storage = files.storage as Partial<BrowserWorkshopStorage>;
  window.dreamboardSnapshotNow = () => {
    const open = files.state.workshop;
    return open && storage.snapshotNow ? storage.snapshotNow(open.file.handle) : Promise.resolve(false);
  };
}

function exposeLiveForTests(live: LiveController): void {
  if (!debugging()) return;
  window.dreamboardLiveController = live;
}
