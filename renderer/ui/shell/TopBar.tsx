import { useEffect, useRef, useState, type Ref } from 'react';
import type { ActionId } from '../../../shared/actions/catalog';
import { actionSpec } from '../../../shared/actions/catalog';
import { describeAccelerator } from '../../editor/shortcuts';
import { renameWorkshop } from '../../editor/edit-commands';
import { FileMenu } from '../files/FileMenu';
import { SaveStatus } from '../files/SaveStatus';
import { useFiles } from '../files/use-files';
import type { WorkshopFiles } from '../../app/workshop-files';
import { useEditor, useEditorState, useSnapshot } from '../../app/hooks';
import { Icon, type IconName } from '../Icon';
import { LiveTopBarControl } from '../live/LiveTopBarControl';

export interface TopBarProps {
  readonly titleRef: Ref<HTMLInputElement>;
  readonly isMac: boolean;
  readonly run: (id: ActionId) => void;
  readonly files: WorkshopFiles;
  readonly where: 'desktop' | 'browser';
}

/** The bar across the top: name, workshop title and file, save state, history, zoom, panels and help. */
export function TopBar({ titleRef, isMac, run, files, where }: TopBarProps) {
  const fileName = useFiles(files, (s) => s.fileName);
  const saveState = useFiles(files, (s) => s.saveState);
  const editor = useEditor();
  const snapshot = useSnapshot();
  const zoom = useEditorState((s) => s.camera.zoom);
  const panels = useEditorState((s) => s.panels);
  const title = snapshot.meta.title;
  const [draft, setDraft] = useState(title);
  const [focused, setFocused] = useState(false);
  // Follow changes from elsewhere (undo, a peer) unless the person is typing here.
  useEffect(() => {
    if (!focused) setDraft(title);
  }, [title, focused]);

  // The file follows the workshop's title wherever the title changed (here, in Details, by undo,
  // a restored version or a peer), so the two never drift apart. Not on opening: a file someone
  // named themselves keeps its name until the title changes. (The workspace remounts per workshop.)
  const namedAfter = useRef(title);
  useEffect(() => {
    if (namedAfter.current === title) return;
    namedAfter.current = title;
    void files.renameFile(title);
  }, [title, files]);

  const commit = () => {
    if (draft.trim() && draft !== title) renameWorkshop(editor, draft);
    else setDraft(title);
  };

  const tip = (id: ActionId) => {
    const spec = actionSpec(id);
    return spec.shortcut ? `${spec.label} (${describeAccelerator(spec.shortcut, isMac)})` : spec.label;
  };
  const button = (id: ActionId, icon: IconName, label: string, extra: { pressed?: boolean } = {}) => (
    <button
      type="button"
      className="icon-button"
      onClick={() => run(id)}
      title={tip(id)}
      aria-label={label}
      aria-pressed={extra.pressed}
      aria-keyshortcuts={actionSpec(id).shortcut?.replace('CmdOrCtrl', isMac ? 'Meta' : 'Control')}
    >
      <Icon name={icon} />
    </button>
  );

  return (
    <header className="top-bar">
      <span className="app-name" aria-hidden="true">
        Dreamboard
      </span>
      <FileMenu run={run} where={where} describe={tip} />
      <label className="title-field">
        <span className="visually-hidden">Workshop title</span>
        <input
          ref={titleRef}
          value={draft}
          maxLength={200}
          readOnly={snapshot.readOnly}
          onChange={(e) => setDraft(e.target.value)}
          onFocus={() => setFocused(true)}
          onBlur={() => {
            setFocused(false);
            commit();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.currentTarget.blur();
            if (e.key === 'Escape') {
              setDraft(title);
              e.currentTarget.blur();
            }
          }}
        />
      </label>
      <SaveStatus fileName={fileName} title={title} saveState={saveState} where={where} />
      <LiveTopBarControl run={run} describe={tip} />
      <div className="bar-group" role="group" aria-label="History">
        {button('edit.undo', 'undo', 'Undo')}
        {button('edit.redo', 'redo', 'Redo')}
      </div>
      <div className="bar-group" role="group" aria-label="Zoom">
        {button('view.zoomOut', 'zoomOut', 'Zoom out')}
        <button
          type="button"
          className="zoom-level"
          onClick={() => run('view.zoomReset')}
          title={tip('view.zoomReset')}
        >
          <span className="visually-hidden">Zoom level </span>
          {Math.round(zoom * 100)}%<span className="visually-hidden">. Press to show actual size</span>
        </button>
        {button('view.zoomIn', 'zoomIn', 'Zoom in')}
        <button
          type="button"
          className="text-button"
          onClick={() => run('view.zoomToFit')}
          title={tip('view.zoomToFit')}
        >
          <Icon name="fit" /> Fit
        </button>
      </div>
      <div className="bar-group" role="group" aria-label="Panels">
        <button
          type="button"
          className="text-button"
          aria-pressed={panels.outline && !panels.plan}
          onClick={() => run('view.toggleOutline')}
          title={tip('view.toggleOutline')}
        >
          <Icon name="outline" /> Outline
        </button>
        <button
          type="button"
          className="text-button"
          aria-pressed={panels.inspector && !panels.plan}
          onClick={() => run('view.toggleInspector')}
          title={tip('view.toggleInspector')}
        >
          <Icon name="details" /> Details
        </button>
        <button
          type="button"
          className="text-button"
          aria-pressed={panels.plan}
          onClick={() => run('view.plan')}
          title={tip('view.plan')}
        >
          <Icon name="outline" /> Plan
        </button>
        <button
          type="button"
          className="text-button"
          aria-pressed={panels.minimap}
          onClick={() => run('view.toggleMinimap')}
          title={tip('view.toggleMinimap')}
        >
          <Icon name="map" /> Map
        </button>
      </div>
      <button
        type="button"
        className="text-button"
        onClick={() => run('help.shortcuts')}
        title={tip('help.shortcuts')}
      >
        <Icon name="keyboard" /> <span className="visually-hidden">Keyboard </span>
        <span className="bar-label">Shortcuts</span>
      </button>
      {button('help.about', 'info', 'About Dreamboard')}
    </header>
  );
}
