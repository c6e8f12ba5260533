/**
 * Every user command, declared once. The renderer's action registry gives each id its `perform`;
 * the main process builds native menus from the same list and sends the id back when a menu item
 * is chosen. Shortcuts use Electron accelerator syntax ("CmdOrCtrl+Z"); the renderer matches the
 * same strings against key events, and the shortcut sheet (?) lists them.
 */
export type MenuName = 'file' | 'edit' | 'view' | 'insert' | 'arrange' | 'help';

export interface ActionSpec {
  readonly id: string;
  /** Menu and button label, in plain words. */
  readonly label: string;
  /** Electron accelerator; the renderer handles it when no native menu does (browser build). */
  readonly shortcut?: string;
  /** Other keys that do the same (shown in the shortcut sheet). */
  readonly altShortcuts?: readonly string[];
  readonly menu?: MenuName;
  /** Menu items that share a group sit between separators. */
  readonly group?: string;
  /** False for commands that only move the view or selection. */
  readonly undoable: boolean;
}

const a = <const T extends ActionSpec>(spec: T): T => spec;

export const ACTIONS = [
  a({
    id: 'file.new',
    label: 'New workshop',
    shortcut: 'CmdOrCtrl+N',
    menu: 'file',
    group: 'new',
    undoable: false,
  }),
  a({
    id: 'file.open',
    label: 'Open…',
    shortcut: 'CmdOrCtrl+O',
    menu: 'file',
    group: 'new',
    undoable: false,
  }),
  a({
    id: 'file.saveAs',
    label: 'Save as…',
    shortcut: 'CmdOrCtrl+Shift+S',
    menu: 'file',
    group: 'save',
    undoable: false,
  }),
  a({ id: 'file.rename', label: 'Rename workshop…', menu: 'file', group: 'save', undoable: true }),
  a({ id: 'file.versionHistory', label: 'Version history…', menu: 'file', group: 'save', undoable: false }),
  a({
    id: 'file.exportPlanPdf',
    label: 'Export plan as PDF…',
    shortcut: 'CmdOrCtrl+Shift+E',
    menu: 'file',
    group: 'export',
    undoable: false,
  }),
  a({
    id: 'file.exportPlanJson',
    label: 'Export plan as JSON…',
    menu: 'file',
    group: 'export',
    undoable: false,
  }),
  a({
    id: 'file.exportImage',
    label: 'Export picture (SVG or PNG)…',
    menu: 'file',
    group: 'export',
    undoable: false,
  }),
  a({
    id: 'file.exportCanvas',
    label: 'Export JSON Canvas…',
    menu: 'file',
    group: 'export',
    undoable: false,
  }),
  a({ id: 'file.importCanvas', label: 'Import JSON Canvas…', menu: 'file', group: 'export', undoable: true }),
  // Live sessions (issue #4) sit in the File menu, as sharing does in most apps; no shortcuts:
  // starting or ending a session is rare, and every free combination is taken by a browser.
  a({ id: 'live.host', label: 'Start a live session…', menu: 'file', group: 'live', undoable: false }),
  a({ id: 'live.join', label: 'Join a live session…', menu: 'file', group: 'live', undoable: false }),
  a({
    id: 'live.people',
    label: 'Show people in this session',
    menu: 'file',
    group: 'live',
    undoable: false,
  }),
  a({ id: 'live.leave', label: 'Leave the live session', menu: 'file', group: 'live', undoable: false }),
  a({ id: 'live.settings', label: 'Live session settings…', menu: 'file', group: 'live', undoable: false }),
  a({
    id: 'file.close',
    label: 'Close workshop',
    shortcut: 'CmdOrCtrl+W',
    menu: 'file',
    group: 'close',
    undoable: false,
  }),

  a({
    id: 'edit.undo',
    label: 'Undo',
    shortcut: 'CmdOrCtrl+Z',
    menu: 'edit',
    group: 'history',
    undoable: false,
  }),
  a({
    id: 'edit.redo',
    label: 'Redo',
    shortcut: 'CmdOrCtrl+Shift+Z',
    altShortcuts: ['CmdOrCtrl+Y'],
    menu: 'edit',
    group: 'history',
    undoable: false,
  }),
  a({
    id: 'edit.cut',
    label: 'Cut',
    shortcut: 'CmdOrCtrl+X',
    menu: 'edit',
    group: 'clipboard',
    undoable: true,
  }),
  a({
    id: 'edit.copy',
    label: 'Copy',
    shortcut: 'CmdOrCtrl+C',
    menu: 'edit',
    group: 'clipboard',
    undoable: false,
  }),
  a({
    id: 'edit.paste',
    label: 'Paste',
    shortcut: 'CmdOrCtrl+V',
    menu: 'edit',
    group: 'clipboard',
    undoable: true,
  }),
  a({
    id: 'edit.duplicate',
    label: 'Duplicate',
    shortcut: 'CmdOrCtrl+D',
    menu: 'edit',
    group: 'clipboard',
    undoable: true,
  }),
  a({
    id: 'edit.delete',
    label: 'Delete',
    shortcut: 'Delete',
    altShortcuts: ['Backspace'],
    menu: 'edit',
    group: 'clipboard',
    undoable: true,
  }),
  a({
    id: 'edit.selectAll',
    label: 'Select all',
    shortcut: 'CmdOrCtrl+A',
    menu: 'edit',
    group: 'select',
    undoable: false,
  }),
  a({
    id: 'edit.selectNone',
    label: 'Select nothing',
    shortcut: 'Escape',
    menu: 'edit',
    group: 'select',
    undoable: false,
  }),
  a({
    id: 'edit.editText',
    label: 'Edit text',
    shortcut: 'Enter',
    menu: 'edit',
    group: 'text',
    undoable: false,
  }),

  a({
    id: 'insert.card',
    label: 'Add a card…',
    shortcut: 'C',
    menu: 'insert',
    group: 'card',
    undoable: true,
  }),
  a({
    id: 'insert.frame',
    label: 'Add a frame',
    shortcut: 'F',
    menu: 'insert',
    group: 'frame',
    undoable: true,
  }),
  a({
    id: 'insert.connector',
    label: 'Connect selected cards',
    shortcut: 'L',
    menu: 'insert',
    group: 'frame',
    undoable: true,
  }),

  a({
    id: 'arrange.bringForward',
    label: 'Bring forward',
    shortcut: 'CmdOrCtrl+]',
    menu: 'arrange',
    group: 'order',
    undoable: true,
  }),
  a({
    id: 'arrange.bringToFront',
    label: 'Bring to front',
    shortcut: 'CmdOrCtrl+Shift+]',
    menu: 'arrange',
    group: 'order',
    undoable: true,
  }),
  a({
    id: 'arrange.sendBackward',
    label: 'Send backward',
    shortcut: 'CmdOrCtrl+[',
    menu: 'arrange',
    group: 'order',
    undoable: true,
  }),
  a({
    id: 'arrange.sendToBack',
    label: 'Send to back',
    shortcut: 'CmdOrCtrl+Shift+[',
    menu: 'arrange',
    group: 'order',
    undoable: true,
  }),
  a({
    id: 'arrange.alignLeft',
    label: 'Align left edges',
    shortcut: 'Alt+A',
    menu: 'arrange',
    group: 'align',
    undoable: true,
  }),
  a({
    id: 'arrange.alignCenter',
    label: 'Align centres',
    shortcut: 'Alt+H',
    menu: 'arrange',
    group: 'align',
    undoable: true,
  }),
  a({
    id: 'arrange.alignRight',
    label: 'Align right edges',
    shortcut: 'Alt+D',
    menu: 'arrange',
    group: 'align',
    undoable: true,
  }),
  a({
    id: 'arrange.alignTop',
    label: 'Align top edges',
    shortcut: 'Alt+W',
    menu: 'arrange',
    group: 'align',
    undoable: true,
  }),
  a({
    id: 'arrange.alignMiddle',
    label: 'Align middles',
    shortcut: 'Alt+V',
    menu: 'arrange',
    group: 'align',
    undoable: true,
  }),
  a({
    id: 'arrange.alignBottom',
    label: 'Align bottom edges',
    shortcut: 'Alt+S',
    menu: 'arrange',
    group: 'align',
    undoable: true,
  }),
  a({
    id: 'arrange.distributeHorizontally',
    label: 'Space out evenly across',
    menu: 'arrange',
    group: 'distribute',
    undoable: true,
  }),
  a({
    id: 'arrange.distributeVertically',
    label: 'Space out evenly down',
    menu: 'arrange',
    group: 'distribute',
    undoable: true,
  }),
  a({
    id: 'arrange.nudgeLeft',
    label: 'Move left',
    shortcut: 'Left',
    altShortcuts: ['Shift+Left'],
    undoable: true,
  }),
  a({
    id: 'arrange.nudgeRight',
    label: 'Move right',
    shortcut: 'Right',
    altShortcuts: ['Shift+Right'],
    undoable: true,
  }),
  a({ id: 'arrange.nudgeUp', label: 'Move up', shortcut: 'Up', altShortcuts: ['Shift+Up'], undoable: true }),
  a({
    id: 'arrange.nudgeDown',
    label: 'Move down',
    shortcut: 'Down',
    altShortcuts: ['Shift+Down'],
    undoable: true,
  }),

  a({
    id: 'view.zoomIn',
    label: 'Zoom in',
    shortcut: 'CmdOrCtrl+=',
    altShortcuts: ['+', '='],
    menu: 'view',
    group: 'zoom',
    undoable: false,
  }),
  a({
    id: 'view.zoomOut',
    label: 'Zoom out',
    shortcut: 'CmdOrCtrl+-',
    altShortcuts: ['-'],
    menu: 'view',
    group: 'zoom',
    undoable: false,
  }),
  a({
    id: 'view.zoomReset',
    label: 'Actual size',
    shortcut: 'CmdOrCtrl+0',
    menu: 'view',
    group: 'zoom',
    undoable: false,
  }),
  a({
    id: 'view.zoomToFit',
    label: 'Zoom to fit everything',
    shortcut: 'Shift+1',
    menu: 'view',
    group: 'zoom',
    undoable: false,
  }),
  a({
    id: 'view.zoomToSelection',
    label: 'Zoom to selection',
    shortcut: 'Shift+2',
    menu: 'view',
    group: 'zoom',
    undoable: false,
  }),
  a({
    id: 'view.toggleOutline',
    label: 'Show or hide the outline',
    shortcut: 'CmdOrCtrl+Shift+O',
    menu: 'view',
    group: 'panels',
    undoable: false,
  }),
  a({
    id: 'view.toggleInspector',
    label: 'Show or hide card details',
    shortcut: 'CmdOrCtrl+I',
    menu: 'view',
    group: 'panels',
    undoable: false,
  }),
  a({
    id: 'view.toggleMinimap',
    label: 'Show or hide the map',
    shortcut: 'M',
    menu: 'view',
    group: 'panels',
    undoable: false,
  }),
  a({
    id: 'view.plan',
    label: 'Show or hide the plan',
    shortcut: 'CmdOrCtrl+Shift+P',
    menu: 'view',
    group: 'panels',
    undoable: false,
  }),
  a({
    id: 'view.focusCanvas',
    label: 'Go to the board',
    shortcut: 'CmdOrCtrl+1',
    menu: 'view',
    group: 'focus',
    undoable: false,
  }),
  a({
    id: 'view.focusOutline',
    label: 'Go to the outline',
    shortcut: 'CmdOrCtrl+2',
    menu: 'view',
    group: 'focus',
    undoable: false,
  }),

  a({
    id: 'help.shortcuts',
    label: 'Keyboard shortcuts',
    shortcut: '?',
    menu: 'help',
    group: 'help',
    undoable: false,
  }),
  a({ id: 'help.about', label: 'About Dreamboard', menu: 'help', group: 'about', undoable: false }),
] as const satisfies readonly ActionSpec[];

export type ActionId = (typeof ACTIONS)[number]['id'];

export const ACTION_IDS: ReadonlySet<string> = new Set(ACTIONS.map((x) => x.id));

export function isActionId(value: unknown): value is ActionId {
  return typeof value === 'string' && ACTION_IDS.has(value);
}

export function actionSpec(id: ActionId): ActionSpec {
  return ACTIONS.find((x) => x.id === id)!;
}
