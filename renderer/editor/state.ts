import type { CardId, CardKind, ConnectorKind } from '../../shared/model';
import type { Camera, Viewport } from './camera';
import type { Box, Point } from './geometry';

/** What the pointer does on the canvas. */
export type ToolId = 'select' | 'hand' | 'connect' | 'frame';

/** Which thing is being edited in place (text typed straight onto the canvas). */
export interface EditingTarget {
  readonly id: string;
  readonly type: 'card' | 'frame' | 'connector';
}

/**
 * Everything about the editor that is local to this window and never shared: camera, selection,
 * the current tool and gesture previews. The document itself lives in the session's snapshot.
 */
export interface EditorState {
  readonly camera: Camera;
  readonly viewport: Viewport;
  /** Ids of selected cards, frames and connectors. */
  readonly selection: ReadonlySet<string>;
  readonly editing: EditingTarget | null;
  readonly tool: ToolId;
  /** Dotted path of the active tool state, e.g. "select.translating" (for tests and the cursor). */
  readonly toolPath: string;
  /** Kind of card the palette will add next (and the card tool places). */
  readonly paletteKind: CardKind;
  /** Kind given to new connectors. */
  readonly connectorKind: ConnectorKind;
  /**
   * Local previews of a gesture in progress (drag, resize), by id. Drawn instead of the stored
   * geometry until the gesture ends and commits once: one gesture, one transaction, one undo step.
   */
  readonly preview: ReadonlyMap<string, Box> | null;
  /** The marquee rectangle in world units while brushing. */
  readonly marquee: Box | null;
  /** The rectangle of a frame being drawn with the frame tool (world units), before it exists. */
  readonly draftFrame: Box | null;
  /** A connector being drawn: from a card to the pointer (world units). */
  readonly pendingConnector: { readonly from: CardId; readonly to: Point } | null;
  /** `plan` (the live plan view) takes the side panel's place of details and outline while shown. */
  readonly panels: {
    readonly outline: boolean;
    readonly inspector: boolean;
    readonly minimap: boolean;
    readonly plan: boolean;
  };
  readonly shortcutsOpen: boolean;
  /** A short message for a polite live region ("Card added", "Nothing to paste"). */
  readonly announcement: string;
}

export const initialEditorState: EditorState = {
  camera: { x: 0, y: 0, zoom: 1 },
  viewport: { w: 1280, h: 800 },
  selection: new Set(),
  editing: null,
  tool: 'select',
  toolPath: 'select.idle',
  paletteKind: 'need',
  connectorKind: 'contributes-to',
  preview: null,
  marquee: null,
  draftFrame: null,
  pendingConnector: null,
  panels: { outline: true, inspector: true, minimap: true, plan: false },
  shortcutsOpen: false,
  announcement: '',
};
