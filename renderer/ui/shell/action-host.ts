import type { ActionHost } from '../../editor/actions';
import type { Editor } from '../../editor/editor';

/** What the workspace provides for the host: dialogs to open and places to move focus to. */
export interface HostDeps {
  readonly editor: Editor;
  openCardChooser(): void;
  showAbout(): void;
  showVersionHistory(): void;
  /** Files (ui/files): every change is already saved, so none of these asks "save changes?". */
  newWorkshop(): void;
  openWorkshop(): void;
  saveAs(): void;
  closeWorkshop(): void;
  focusCanvas(): void;
  focusOutline(): void;
  focusTitle(): void;
  /** Export and import (ui/export/use-export-ui.tsx). */
  openExport: ActionHost['openExport'];
  importCanvas(): void;
  /** Live sessions (ui/live/live-commands.ts). */
  live: ActionHost['live'];
}

/**
 * Text copied for the next DOM 'copy' event. When the async clipboard API is refused (Electron
 * denies it to pages), execCommand('copy') fires a 'copy' event that the shell fills from here.
 */
let pendingCopy: string | null = null;

export function takePendingCopy(): string | null {
  const text = pendingCopy;
  pendingCopy = null;
  return text;
}

export function createActionHost(deps: HostDeps): ActionHost {
  const { editor } = deps;
  const later = (message: string) => setTimeout(() => editor.announce(message), 0);
  return {
    openCardChooser: deps.openCardChooser,
    showAbout: deps.showAbout,
    focusCanvas: deps.focusCanvas,
    focusOutline: deps.focusOutline,
    showVersionHistory: deps.showVersionHistory,
    // Renaming happens in the title field: the workshop's title and its file name change together.
    renameWorkshop: deps.focusTitle,
    newWorkshop: deps.newWorkshop,
    openWorkshop: deps.openWorkshop,
    saveAs: deps.saveAs,
    closeWorkshop: deps.closeWorkshop,
    openExport: deps.openExport,
    importCanvas: deps.importCanvas,
    live: deps.live,
    async writeClipboard(text) {
      try {
        await navigator.clipboard.writeText(text);
        return;
      } catch {
        pendingCopy = text;
        // execCommand is deprecated but still the one path that needs no permission.
        if (document.execCommand('copy')) return;
        pendingCopy = null;
        later('Could not reach the clipboard. Press Ctrl+C to copy instead.');
      }
    },
    async readClipboard() {
      try {
        return await navigator.clipboard.readText();
      } catch {
        // The paste action announces "Nothing to paste" for null; this clearer message follows it.
        later('Could not read the clipboard. Press Ctrl+V to paste instead.');
        return null;
      }
    },
  };
}
