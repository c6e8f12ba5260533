import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import type { ActionId } from '../../../shared/actions/catalog';
import { addCard, performAction } from '../../editor/actions';
import { getPlatform } from '../../platform';
import { Board } from '../../canvas/Board';
import { Minimap } from '../../canvas/Minimap';
import { AboutDialog } from '../dialogs/AboutDialog';
import { CardChooser } from '../dialogs/CardChooser';
import { ShortcutSheet } from '../dialogs/ShortcutSheet';
import { EditorContext, useEditorState } from '../../app/hooks';
import { Inspector } from '../inspector/Inspector';
import { Outline } from '../outline/Outline';
import { useExportUi } from '../export/use-export-ui';
import { PlanView } from '../plan/PlanView';
import { windowSavedState } from '../../app/file-names';
import { FileNotices } from '../files/FileNotices';
import { OpenWorkshopDialog } from '../files/OpenWorkshopDialog';
import { useFiles } from '../files/use-files';
import { VersionHistoryDialog } from '../files/VersionHistoryDialog';
import type { WorkshopFiles } from '../../app/workshop-files';
import type { OpenWorkshop } from '../../app/workshop';
import { useLiveController } from '../../app/live-context';
import { runLiveCommand } from '../live/live-commands';
import { useLiveUi } from '../live/live-ui';
import { useLiveAnnouncements } from '../live/use-live-announcements';
import { LiveNotice } from '../live/LiveTopBarControl';
import { createActionHost } from './action-host';
import { LiveRegion, Notices } from './Notices';
import { Palette } from './Palette';
import { TopBar } from './TopBar';
import { isMacPlatform, useShellKeys } from './use-shell-keys';

type OpenDialog = 'chooser' | 'about' | 'open' | 'history' | null;

export interface WorkspaceProps {
  readonly workshop: OpenWorkshop;
  readonly files: WorkshopFiles;
}

export function Workspace({ workshop, files }: WorkspaceProps) {
  return (
    <EditorContext.Provider value={workshop.editor}>
      <WorkspaceInner workshop={workshop} files={files} />
    </EditorContext.Provider>
  );
}

/**
 * Keeps the window title in step with the save state. A component of its own, so that each save
 * (three state changes) re-renders only this, not the workspace with its outline of every card.
 */
function WindowTitle({ files, title }: { readonly files: WorkshopFiles; readonly title: string }) {
  const platform = getPlatform();
  const saveState = useFiles(files, (s) => s.saveState);
  useEffect(() => {
    platform.setWindowTitle(title, windowSavedState(saveState));
  }, [platform, title, saveState]);
  return null;
}

/**
 * The workshop's title, re-rendering only when it changes: reading the whole snapshot here
 * re-rendered the workspace (palette, top bar, panels) on every edit.
 */
function useTitle(editor: OpenWorkshop['editor']): string {
  const subscribe = useCallback((cb: () => void) => editor.session.index.subscribe(cb), [editor]);
  return useSyncExternalStore(subscribe, () => editor.session.snapshot().meta.title);
}

/** The open workshop: top bar, palette, board, side panels, notices, live region and dialogs. */
function WorkspaceInner({ workshop, files }: WorkspaceProps) {
  const { editor } = workshop;
  const platform = getPlatform();
  const problem = useFiles(files, (s) => s.problem);
  const notice = useFiles(files, (s) => s.notice);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const boardRef = useRef<HTMLDivElement>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  const outlineFocus = useRef<(() => void) | null>(null);
  const panels = useEditorState((s) => s.panels);
  const shortcutsOpen = useEditorState((s) => s.shortcutsOpen);
  const title = useTitle(editor);
  const isMac = useMemo(isMacPlatform, []);
  const exportUi = useExportUi(editor, platform);
  const live = useLiveController();
  const liveUi = useLiveUi();
  useLiveAnnouncements(editor);

  const focusCanvas = useCallback(() => {
    const host = boardRef.current;
    if (!host) return;
    const target = host.querySelector<HTMLElement>('[tabindex="0"]') ?? host;
    target.focus();
  }, []);

  const host = useMemo(
    () =>
      createActionHost({
        editor,
        openCardChooser: () => setDialog('chooser'),
        showAbout: () => setDialog('about'),
        showVersionHistory: () => setDialog('history'),
        newWorkshop: () => void files.close(),
        // The desktop has the system's open dialog; a page can only list what this browser keeps.
        openWorkshop: () =>
          platform.kind === 'browser' ? setDialog('open') : void files.open(() => files.storage.openDialog()),
        saveAs: () => void files.saveAs(),
        closeWorkshop: () => void files.close(),
        focusCanvas,
        focusOutline: () => {
          if (!editor.state.panels.outline || editor.state.panels.plan)
            editor.store.set({ panels: { ...editor.state.panels, outline: true, plan: false } });
          // The outline mounts on the next frame when it was hidden.
          requestAnimationFrame(() => outlineFocus.current?.());
        },
        focusTitle: () => titleRef.current?.focus(),
        openExport: exportUi.openExport,
        importCanvas: exportUi.importCanvas,
        live: (command) => {
          const message = runLiveCommand(command, liveUi, live);
          if (message) editor.announce(message);
        },
      }),
    [editor, focusCanvas, files, platform, exportUi.openExport, exportUi.importCanvas, live, liveUi],
  );
  // The workshop already open here is not offered again.
  const listStored = useCallback(
    async () => (await files.storage.recent()).filter((entry) => entry.name !== files.state.fileName),
    [files],
  );
  const run = useCallback((id: ActionId) => performAction(id, { editor, host }), [editor, host]);
  useShellKeys(editor, host);

  // Fit the template into the first view; the board keeps the viewport up to date afterwards.
  useLayoutEffect(() => {
    const el = boardRef.current;
    if (!el) return;
    const r = el.getBoundingClientRect();
    // Rounded as the board's own measurements are, so its first one is not a change.
    if (r.width > 0 && r.height > 0) editor.setViewport({ w: Math.round(r.width), h: Math.round(r.height) });
    editor.zoomToFit();
  }, [editor]);

  return (
    <div className="workspace">
      <WindowTitle files={files} title={title} />
      <TopBar titleRef={titleRef} isMac={isMac} run={run} files={files} where={platform.kind} />
      <Notices readOnlyReason={workshop.file.readOnlyReason}>
        <LiveNotice />
        <FileNotices
          problem={problem}
          notice={notice}
          onDismissProblem={() => files.dismissProblem()}
          onDismissNotice={() => files.dismissNotice()}
        />
      </Notices>
      <div className="workspace-main">
        <Palette />
        <main className="board-area" aria-label="Board">
          <div className="board-host" data-zone="board" ref={boardRef}>
            <Board />
            {panels.minimap && (
              <div className="minimap-corner">
                <Minimap />
              </div>
            )}
          </div>
        </main>
        {(panels.inspector || panels.outline || panels.plan) && (
          <aside className="side-panel" aria-label={panels.plan ? 'Plan' : 'Details and outline'}>
            {/* The plan needs the panel's full height to be readable on a projector, so it takes its place. */}
            {panels.plan && <PlanView />}
            {!panels.plan && panels.inspector && (
              <section className="panel-section details-section" aria-labelledby="details-heading">
                <h2 id="details-heading" className="panel-heading">
                  Details
                </h2>
                <Inspector />
              </section>
            )}
            {!panels.plan && panels.outline && (
              <section className="panel-section outline-section" aria-labelledby="outline-heading">
                <h2 id="outline-heading" className="panel-heading">
                  Outline
                </h2>
                <Outline
                  registerFocus={(fn) => {
                    outlineFocus.current = fn;
                  }}
                />
              </section>
            )}
          </aside>
        )}
      </div>
      <LiveRegion />
      {exportUi.element}
      {shortcutsOpen && (
        <ShortcutSheet isMac={isMac} onClose={() => editor.store.set({ shortcutsOpen: false })} />
      )}
      {dialog === 'about' && <AboutDialog onClose={() => setDialog(null)} />}
      {dialog === 'chooser' && (
        <CardChooser
          title="Add a card"
          description="Choose what kind of card to add. You can type its words straight after."
          initial={editor.state.paletteKind}
          onClose={() => setDialog(null)}
          onPick={(kind) => {
            setDialog(null);
            addCard(editor, kind, { edit: true });
          }}
          // The new card's text editor takes focus; returning it to the old place would steal it.
          restoreFocus={() => (editor.state.editing ? false : undefined)}
        />
      )}
      {dialog === 'history' && (
        <VersionHistoryDialog
          storage={files.storage}
          handle={workshop.file.handle}
          editor={editor}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'open' && (
        <OpenWorkshopDialog
          list={listStored}
          onClose={() => setDialog(null)}
          onOpen={(id) => {
            setDialog(null);
            void files.open(() => files.storage.openRecent(id));
          }}
          onImport={() => {
            setDialog(null);
            void files.open(() => files.storage.openDialog());
          }}
        />
      )}
    </div>
  );
}
