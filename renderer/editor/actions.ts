import { ACTIONS, type ActionId, type ActionSpec } from '../../shared/actions/catalog';
import { CARD_KINDS, CARD_KIND_INFO, type CardKind } from '../../shared/model';
import { align, distribute, moveBy, reorder } from './arrange-commands';
import { copySelection, duplicateSelection, pasteText } from './clipboard';
import { addCard, addFrame, connectSelection, deleteSelection } from './edit-commands';
import type { Editor } from './editor';
import type { ExportFormatId } from '../../shared/export/formats';
import { isBareKey, matchesAccelerator, type KeyLike } from './shortcuts';

/**
 * What the app shell provides to actions that reach outside the editor (files, dialogs, focus,
 * the system clipboard). The browser build and the desktop build supply different hosts.
 */
export interface ActionHost {
  openCardChooser(): void;
  writeClipboard(text: string): Promise<void> | void;
  readClipboard(): Promise<string | null>;
  focusCanvas(): void;
  focusOutline(): void;
  showAbout(): void;
  newWorkshop(): void;
  openWorkshop(): void;
  saveAs(): void;
  closeWorkshop(): void;
  renameWorkshop(): void;
  showVersionHistory(): void;
  /** The export dialog, with `format` chosen (ui/export). */
  openExport(format: ExportFormatId): void;
  /** Asks for a JSON Canvas file and adds it to the board (renderer/export/import-canvas.ts). */
  importCanvas(): void;
  /** Live sessions (ui/live/live-commands.ts): host, join, leave, settings, people. */
  live(command: 'host' | 'join' | 'leave' | 'settings' | 'people'): void;
}

export interface ActionContext {
  readonly editor: Editor;
  readonly host: ActionHost;
}

type Perform = (ctx: ActionContext, e?: KeyLike) => void;

const NUDGE = 10;
const BIG_NUDGE = 50;
const nudge =
  (dx: number, dy: number): Perform =>
  ({ editor }, e) => {
    const step = e?.shiftKey ? BIG_NUDGE : NUDGE;
    const sel = [...editor.state.selection];
    if (sel.length === 0) editor.panBy(-dx * step * 4, -dy * step * 4);
    else moveBy(editor, sel, dx * step, dy * step);
  };

const togglePanel =
  (panel: 'outline' | 'inspector' | 'minimap' | 'plan'): Perform =>
  ({ editor }) => {
    const panels = editor.state.panels;
    // The plan takes the side panel's place: asking for details or the outline while it shows brings them back.
    if (panels.plan && (panel === 'outline' || panel === 'inspector')) {
      editor.store.set({ panels: { ...panels, plan: false, [panel]: true } });
      return;
    }
    editor.store.set({ panels: { ...panels, [panel]: !panels[panel] } });
  };

const PERFORM: Record<ActionId, Perform> = {
  'file.new': ({ host }) => host.newWorkshop(),
  'file.open': ({ host }) => host.openWorkshop(),
  'file.saveAs': ({ host }) => host.saveAs(),
  'file.rename': ({ host }) => host.renameWorkshop(),
  'file.versionHistory': ({ host }) => host.showVersionHistory(),
  'file.close': ({ host }) => host.closeWorkshop(),
  'file.exportPlanPdf': ({ host }) => host.openExport('pdf'),
  'file.exportPlanJson': ({ host }) => host.openExport('json'),
  'file.exportImage': ({ host }) => host.openExport('png'),
  'file.exportCanvas': ({ host }) => host.openExport('canvas'),
  'file.importCanvas': ({ host }) => host.importCanvas(),
  'edit.undo': ({ editor }) => editor.undo(),
  'edit.redo': ({ editor }) => editor.redo(),
  'edit.cut': ({ editor, host }) => {
    const text = copySelection(editor);
    if (!text) return;
    void host.writeClipboard(text);
    deleteSelection(editor);
  },
  'edit.copy': ({ editor, host }) => {
    const text = copySelection(editor);
    if (text) {
      void host.writeClipboard(text);
      editor.announce('Copied');
    }
  },
  'edit.paste': ({ editor, host }) => {
    void host.readClipboard().then((text) => {
      if (text) pasteText(editor, text);
      else editor.announce('Nothing to paste');
    });
  },
  'edit.duplicate': ({ editor }) => duplicateSelection(editor),
  'edit.delete': ({ editor }) => deleteSelection(editor),
  'edit.selectAll': ({ editor }) => editor.selectAll(),
  'edit.selectNone': ({ editor }) => {
    if (editor.state.shortcutsOpen) editor.store.set({ shortcutsOpen: false });
    else editor.selectNone();
  },
  'edit.editText': ({ editor }) => {
    const [id] = editor.state.selection;
    if (id === undefined || editor.state.selection.size !== 1) return;
    if (editor.card(id)) editor.startEditing({ id, type: 'card' });
    else if (editor.frame(id)) editor.startEditing({ id, type: 'frame' });
    else if (editor.connector(id)) editor.startEditing({ id, type: 'connector' });
  },
  'insert.card': ({ host }) => host.openCardChooser(),
  'insert.frame': ({ editor }) => void addFrame(editor),
  'insert.connector': ({ editor }) => connectSelection(editor),
  'arrange.bringForward': ({ editor }) => reorder(editor, 'forward'),
  'arrange.bringToFront': ({ editor }) => reorder(editor, 'front'),
  'arrange.sendBackward': ({ editor }) => reorder(editor, 'backward'),
  'arrange.sendToBack': ({ editor }) => reorder(editor, 'back'),
  'arrange.alignLeft': ({ editor }) => align(editor, 'left'),
  'arrange.alignCenter': ({ editor }) => align(editor, 'center'),
  'arrange.alignRight': ({ editor }) => align(editor, 'right'),
  'arrange.alignTop': ({ editor }) => align(editor, 'top'),
  'arrange.alignMiddle': ({ editor }) => align(editor, 'middle'),
  'arrange.alignBottom': ({ editor }) => align(editor, 'bottom'),
  'arrange.distributeHorizontally': ({ editor }) => distribute(editor, 'horizontal'),
  'arrange.distributeVertically': ({ editor }) => distribute(editor, 'vertical'),
  'arrange.nudgeLeft': nudge(-1, 0),
  'arrange.nudgeRight': nudge(1, 0),
  'arrange.nudgeUp': nudge(0, -1),
  'arrange.nudgeDown': nudge(0, 1),
  'view.zoomIn': ({ editor }) => editor.zoomBy(1),
  'view.zoomOut': ({ editor }) => editor.zoomBy(-1),
  'view.zoomReset': ({ editor }) => editor.zoomTo(1),
  'view.zoomToFit': ({ editor }) => editor.zoomToFit(),
  'view.zoomToSelection': ({ editor }) => editor.zoomToSelection(),
  'view.toggleOutline': togglePanel('outline'),
  'view.toggleInspector': togglePanel('inspector'),
  'view.toggleMinimap': togglePanel('minimap'),
  'view.plan': togglePanel('plan'),
  'view.focusCanvas': ({ host }) => host.focusCanvas(),
  'view.focusOutline': ({ host }) => host.focusOutline(),
  'live.host': ({ host }) => host.live('host'),
  'live.join': ({ host }) => host.live('join'),
  'live.people': ({ host }) => host.live('people'),
  'live.leave': ({ host }) => host.live('leave'),
  'live.settings': ({ host }) => host.live('settings'),
  'help.shortcuts': ({ editor }) => editor.store.set({ shortcutsOpen: !editor.state.shortcutsOpen }),
  'help.about': ({ host }) => host.showAbout(),
};

export function performAction(id: ActionId, ctx: ActionContext, e?: KeyLike): void {
  PERFORM[id](ctx, e);
}

export type KeyScope = 'board' | 'elsewhere';

/**
 * The action a key press means, if any. In `elsewhere` scope (a text field, the outline's own
 * keys) bare keys such as Delete, arrows and letters are left alone; Ctrl/Cmd shortcuts still work.
 */
export function actionForKey(e: KeyLike, scope: KeyScope, isMac = false): ActionSpec | null {
  for (const spec of ACTIONS as readonly ActionSpec[]) {
    const accels = [spec.shortcut, ...(spec.altShortcuts ?? [])].filter((s): s is string => !!s);
    for (const accel of accels) {
      if (scope === 'elsewhere' && isBareKey(accel)) continue;
      if (matchesAccelerator(accel, e, isMac)) return spec;
    }
  }
  return null;
}

/** Number and letter keys add a card of a kind straight away (1 need, 2 strength … 0 next step, N note). */
export function cardKindForKey(e: KeyLike): CardKind | null {
  if (e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return null;
  const key = e.key.toLowerCase();
  return CARD_KINDS.find((k) => CARD_KIND_INFO[k].key === key) ?? null;
}

export { addCard };
