import {
  createCard,
  createConnector,
  createFrame,
  deleteItems,
  transact,
  updateCard,
  updateConnector,
  updateFrame,
  updateMeta,
} from '../../shared/doc';
import {
  CARD_KIND_INFO,
  CARD_SIZE,
  CONNECTOR_LABELS,
  type Card,
  type CardId,
  type CardKind,
  type ConnectorId,
  type ConnectorKind,
  type FrameId,
} from '../../shared/model';
import type { Editor } from './editor';
import type { Box, Point } from './geometry';
import { frameAt, placeCard } from './placement';

/** Document-changing commands. Each is one transaction, so one undo step. */

function guard(editor: Editor): boolean {
  if (editor.readOnly) {
    editor.announce('This workshop was made with a newer Dreamboard. Update Dreamboard to edit it.');
    return false;
  }
  return true;
}

export interface CreateCardOptions {
  /** Top-left corner in world units. Without it the card goes to a free spot. */
  readonly at?: Point;
  /** Put the card in this frame (at a free spot there when `at` is not given). */
  readonly frame?: FrameId | null;
  readonly text?: string;
  /** Start typing into it straight away. */
  readonly edit?: boolean;
}

export function addCard(editor: Editor, kind: CardKind, options: CreateCardOptions = {}): CardId | null {
  if (!guard(editor)) return null;
  const snap = editor.snapshot;
  let frame: FrameId | null = options.frame ?? null;
  let position: Point;
  if (options.at) {
    position = options.at;
    if (options.frame === undefined) frame = frameAt(snap, { ...position, ...CARD_SIZE })?.id ?? null;
  } else {
    if (options.frame === undefined) {
      // Keyboard creation: into the selected frame, or the selected card's frame, else near the view centre.
      const selFrame = editor.selectedFrames()[0];
      const selCard = editor.selectedCards()[0];
      frame =
        selFrame?.id ?? selCard?.frame ?? frameAt(snap, { ...editor.viewCenter(), w: 0, h: 0 })?.id ?? null;
    }
    position = placeCard(snap, frame, editor.viewCenter());
  }
  const id = createCard(
    editor.session.doc,
    { kind, x: position.x, y: position.y, frame, text: options.text ?? '' },
    editor.session.author,
  );
  editor.store.set({
    selection: new Set([id]),
    editing: options.edit ? { id, type: 'card' } : null,
    paletteKind: kind,
  });
  const where = frame ? ` in ${editor.frame(frame)?.title || 'the frame'}` : '';
  editor.announce(`${CARD_KIND_INFO[kind].label} card added${where}`);
  editor.reveal(id);
  return id;
}

export function setCardText(editor: Editor, id: string, text: string): void {
  const card = editor.card(id);
  if (!card || card.text === text || !guard(editor)) return;
  updateCard(editor.session.doc, card.id, { text });
}

export function setCardField(editor: Editor, id: string, key: string, value: string | boolean | null): void {
  const card = editor.card(id);
  if (!card || !guard(editor)) return;
  const current = card.fields[key];
  if ((value === null || value === '') && current === undefined) return;
  if (current === value) return;
  updateCard(editor.session.doc, card.id, { fields: { [key]: value === '' ? null : value } });
}

/** Changes the kind of every selected card (or the given ones). Fields of the old kind are kept. */
export function setCardKind(editor: Editor, ids: readonly string[], kind: CardKind): void {
  if (!guard(editor)) return;
  const cards = ids.map((id) => editor.card(id)).filter((c) => c && c.kind !== kind);
  if (cards.length === 0) return;
  transact(editor.session.doc, () => {
    for (const c of cards) updateCard(editor.session.doc, c!.id, { kind });
  });
  editor.announce(`Changed to ${CARD_KIND_INFO[kind].label}`);
}

export function addFrame(editor: Editor, box?: Box, title = 'New area'): FrameId | null {
  if (!guard(editor)) return null;
  const size = { w: 1000, h: 700 };
  const c = editor.viewCenter();
  const b = box ?? { x: c.x - size.w / 2, y: c.y - size.h / 2, ...size };
  const id = createFrame(editor.session.doc, { title, x: b.x, y: b.y, w: b.w, h: b.h });
  editor.store.set({ selection: new Set([id]), editing: { id, type: 'frame' } });
  editor.announce('Frame added');
  return id;
}

export function renameFrame(editor: Editor, id: string, title: string): void {
  const frame = editor.frame(id);
  if (!frame || frame.title === title || !guard(editor)) return;
  if (frame.locked) return editor.announce('This frame is locked by the facilitator');
  updateFrame(editor.session.doc, frame.id, { title: title.slice(0, 200) });
}

export function setFrameLocked(editor: Editor, id: string, locked: boolean): void {
  const frame = editor.frame(id);
  if (!frame || frame.locked === locked || !guard(editor)) return;
  updateFrame(editor.session.doc, frame.id, { locked });
}

/** A card as an announcement names it: its words, cut short (a card may hold 10,000 characters). */
function spokenName(card: Card): string {
  const text = card.text.trim().replace(/\s+/g, ' ');
  if (!text) return CARD_KIND_INFO[card.kind].label;
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/** Connects `from` to `to`. Refuses self-links and exact duplicates, saying why. */
export function connectCards(
  editor: Editor,
  from: string,
  to: string,
  kind: ConnectorKind = editor.state.connectorKind,
  label = '',
): ConnectorId | null {
  if (!guard(editor)) return null;
  const a = editor.card(from);
  const b = editor.card(to);
  if (!a || !b) return null;
  if (a.id === b.id) {
    editor.announce('A card cannot be connected to itself');
    return null;
  }
  for (const c of editor.snapshot.connectors.values()) {
    if (c.from === a.id && c.to === b.id && c.kind === kind) {
      editor.announce('These cards are already connected that way');
      return null;
    }
  }
  const id = createConnector(editor.session.doc, { from: a.id, to: b.id, kind, label });
  editor.announce(`Connected: ${spokenName(a)} ${CONNECTOR_LABELS[kind]} ${spokenName(b)}`);
  return id;
}

/** Connects the selected cards in selection order: each to the next. */
export function connectSelection(editor: Editor): void {
  const cards = [...editor.state.selection].filter((id) => editor.card(id));
  if (cards.length < 2) {
    editor.announce('Select two or more cards to connect them');
    return;
  }
  transact(editor.session.doc, () => {
    for (let i = 0; i + 1 < cards.length; i++) connectCards(editor, cards[i]!, cards[i + 1]!);
  });
}

export function setConnector(
  editor: Editor,
  id: string,
  patch: { kind?: ConnectorKind; label?: string },
): void {
  const c = editor.connector(id);
  if (!c || !guard(editor)) return;
  updateConnector(editor.session.doc, c.id, { kind: patch.kind, label: patch.label?.slice(0, 200) });
}

/** Reverses a connector's direction. */
export function reverseConnector(editor: Editor, id: string): void {
  const c = editor.connector(id);
  if (!c || !guard(editor)) return;
  updateConnector(editor.session.doc, c.id, { from: c.to, to: c.from });
}

export function deleteSelection(editor: Editor, ids: readonly string[] = [...editor.state.selection]): void {
  if (ids.length === 0 || !guard(editor)) return;
  const locked = ids.filter((id) => editor.frame(id)?.locked);
  const doomed = ids.filter((id) => !locked.includes(id));
  if (doomed.length === 0) return editor.announce('Locked frames cannot be deleted');
  deleteItems(editor.session.doc, doomed);
  editor.store.set({ selection: new Set(), editing: null });
  editor.announce(doomed.length === 1 ? 'Deleted' : `${doomed.length} items deleted`);
}

export function renameWorkshop(editor: Editor, title: string): void {
  const clean = title.trim().slice(0, 200);
  if (!clean || !guard(editor)) return;
  updateMeta(editor.session.doc, { title: clean });
}

/** The commissioning context (what service, which council, why now), shown in the plan. */
export function setWorkshopContext(editor: Editor, context: string): void {
  const clean = context.slice(0, 10_000);
  if (clean === editor.snapshot.meta.context || !guard(editor)) return;
  updateMeta(editor.session.doc, { context: clean });
}
