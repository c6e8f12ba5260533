import { createCards, createConnector, createFrame, transact } from '../../shared/doc';
import type { Card, CardId, Connector, Frame, FrameId } from '../../shared/model';
import { restoreCard, restoreConnector, restoreFrame } from '../../shared/schema';
import type { Editor } from './editor';
import { unionBoxes, type Point } from './geometry';
import { movingSet } from './arrange-commands';
import { frameAt } from './placement';

/**
 * Copy and paste go through the system clipboard as JSON text, so they also work between windows
 * and between Dreamboard instances. Pasted text is untrusted (it may come from anywhere): it is
 * size-capped, parsed defensively and every record goes through the same restore step as a peer's.
 */
const MARKER = 'dreamboard/clipboard';
const MAX_CLIPBOARD_BYTES = 5_000_000;
const MAX_PASTE_ITEMS = 5_000;

interface ClipboardPayload {
  readonly type: typeof MARKER;
  readonly version: 1;
  readonly cards: readonly Card[];
  readonly frames: readonly Frame[];
  readonly connectors: readonly Connector[];
}

/** Serialises the selection (frames carry their cards; connectors come when both ends do). */
export function copySelection(editor: Editor): string | null {
  const ids = movingSet(editor, editor.state.selection);
  for (const id of editor.state.selection) if (editor.card(id)) ids.add(id);
  const cards = [...ids].map((id) => editor.card(id)).filter((c): c is Card => !!c);
  const frames = [...ids].map((id) => editor.frame(id)).filter((f): f is Frame => !!f);
  if (cards.length === 0 && frames.length === 0) return null;
  const cardIds = new Set<string>(cards.map((c) => c.id));
  const connectors = [...editor.snapshot.connectors.values()].filter(
    (c) => cardIds.has(c.from) && cardIds.has(c.to),
  );
  const payload: ClipboardPayload = { type: MARKER, version: 1, cards, frames, connectors };
  return JSON.stringify(payload);
}

export type PasteResult = { ok: true; count: number } | { ok: false; reason: string };

function parse(text: string): { cards: Card[]; frames: Frame[]; connectors: Connector[] } | string {
  if (text.length > MAX_CLIPBOARD_BYTES) return 'What you copied is too big to paste';
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return 'not-dreamboard';
  }
  if (typeof raw !== 'object' || raw === null || (raw as { type?: unknown }).type !== MARKER)
    return 'not-dreamboard';
  const r = raw as Record<string, unknown>;
  const list = (v: unknown) => (Array.isArray(v) ? v : []);
  if (list(r.cards).length + list(r.frames).length + list(r.connectors).length > MAX_PASTE_ITEMS) {
    return 'What you copied has too many items to paste at once';
  }
  const pick = <T>(items: unknown[], restore: (v: unknown) => { ok: true; value: T } | { ok: false }) =>
    items.flatMap((i) => {
      const res = restore(i);
      return res.ok ? [res.value] : [];
    });
  return {
    cards: pick(list(r.cards), restoreCard),
    frames: pick(list(r.frames), restoreFrame),
    connectors: pick(list(r.connectors), restoreConnector),
  };
}

/**
 * Pastes copied items with fresh ids, centred on `at` (world) or offset from the originals.
 * Plain text that is not a Dreamboard copy becomes one note card per non-empty line.
 */
export function pasteText(editor: Editor, text: string, at?: Point): PasteResult {
  if (editor.readOnly) return { ok: false, reason: 'This workshop is read-only' };
  const parsed = parse(text);
  if (parsed === 'not-dreamboard') return pastePlainText(editor, text, at);
  if (typeof parsed === 'string') {
    editor.announce(parsed);
    return { ok: false, reason: parsed };
  }
  const { cards, frames, connectors } = parsed;
  if (cards.length + frames.length === 0) {
    editor.announce('Nothing to paste');
    return { ok: false, reason: 'Nothing to paste' };
  }
  const bounds = unionBoxes([...cards, ...frames])!;
  const dx = at ? at.x - (bounds.x + bounds.w / 2) : 32;
  const dy = at ? at.y - (bounds.y + bounds.h / 2) : 32;
  const doc = editor.session.doc;
  const newIds: string[] = [];
  const snapBefore = editor.snapshot;
  transact(doc, () => {
    const frameMap = new Map<string, FrameId>();
    for (const f of frames) {
      const id = createFrame(doc, { title: f.title, x: f.x + dx, y: f.y + dy, w: f.w, h: f.h });
      frameMap.set(f.id, id);
      newIds.push(id);
    }
    const created = createCards(
      doc,
      cards.map((c) => ({
        kind: c.kind,
        x: c.x + dx,
        y: c.y + dy,
        w: c.w,
        h: c.h,
        text: c.text,
        fields: { ...c.fields },
        // A card copied with its frame stays in the copy of it; a card copied on its own joins the
        // frame it lands in, as a card dropped there would (so duplicating a card in "Partners"
        // keeps the copy in "Partners" rather than "Not in a frame").
        frame:
          (c.frame ? frameMap.get(c.frame) : undefined) ??
          frameAt(snapBefore, { x: c.x + dx, y: c.y + dy, w: c.w, h: c.h })?.id ??
          null,
      })),
      editor.session.author,
    );
    const cardMap = new Map<string, CardId>(cards.map((c, i) => [c.id, created[i]!]));
    newIds.push(...created);
    for (const c of connectors) {
      const from = cardMap.get(c.from);
      const to = cardMap.get(c.to);
      if (from && to) createConnector(doc, { from, to, kind: c.kind, label: c.label });
    }
  });
  editor.select(newIds);
  editor.announce(`${newIds.length} ${newIds.length === 1 ? 'item' : 'items'} pasted`);
  return { ok: true, count: newIds.length };
}

function pastePlainText(editor: Editor, text: string, at?: Point): PasteResult {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 200);
  if (lines.length === 0) {
    editor.announce('Nothing to paste');
    return { ok: false, reason: 'Nothing to paste' };
  }
  const origin = at ?? editor.viewCenter();
  const doc = editor.session.doc;
  const ids = createCards(
    doc,
    lines.map((line, i) => ({
      kind: 'note' as const,
      x: origin.x - 100 + (i % 5) * 224,
      y: origin.y - 60 + Math.floor(i / 5) * 144,
      text: line.slice(0, 10_000),
    })),
    editor.session.author,
  );
  editor.select(ids);
  editor.announce(`${ids.length} ${ids.length === 1 ? 'note' : 'notes'} pasted`);
  return { ok: true, count: ids.length };
}

/** Duplicate = copy and paste in one go, offset a little so the copy is visible. */
export function duplicateSelection(editor: Editor): void {
  const text = copySelection(editor);
  if (!text) return editor.announce('Select something to duplicate');
  pasteText(editor, text);
}
