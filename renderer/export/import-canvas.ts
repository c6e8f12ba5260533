/**
 * File → Import JSON Canvas: the importer in shared/export checks the whole file first (a hostile
 * or broken file is refused whole with its sentence, nothing written); a good one is written in one
 * transaction (one undo step), placed to the right of what the board holds, selected and zoomed to.
 */
import {
  importJsonCanvas,
  MAX_JSON_CHARS,
  writeCanvasImport,
  type CanvasImport,
} from '../../shared/export/json-canvas';
import type { Editor } from '../editor/editor';

/** Space between the board and the imported cards, in board units. */
const GAP = 200;

export type CanvasImportOutcome =
  | {
      readonly ok: true;
      readonly cards: number;
      readonly frames: number;
      readonly connectors: number;
      readonly notes: readonly string[];
    }
  | { readonly ok: false; readonly problem: string };

function boundsOf(records: CanvasImport): { x: number; y: number } | null {
  const boxes = [
    ...records.frames.map((f) => ({ x: f.x, y: f.y })),
    ...records.cards.map((c) => ({ x: c.x, y: c.y })),
  ];
  if (boxes.length === 0) return null;
  return { x: Math.min(...boxes.map((b) => b.x)), y: Math.min(...boxes.map((b) => b.y)) };
}

/** Where the import's top-left corner goes: right of the board, level with its top; the origin on an empty board. */
export function importOffset(
  board: { x: number; y: number; w: number; h: number } | null,
  imported: { x: number; y: number },
) {
  const target = board ? { x: board.x + board.w + GAP, y: board.y } : { x: 0, y: 0 };
  return { x: target.x - imported.x, y: target.y - imported.y };
}

export function importCanvasText(editor: Editor, text: string): CanvasImportOutcome {
  if (editor.readOnly)
    return { ok: false, problem: 'This workshop is read-only, so nothing can be added to it.' };
  // First read: is the file acceptable, and where does its content sit?
  const first = importJsonCanvas(text);
  if (!first.ok) return { ok: false, problem: first.problem };
  const corner = boundsOf(first.records);
  if (corner === null) return { ok: false, problem: 'That canvas file has nothing in it to add.' };
  // Second read with the offset, so every record (frames, cards, connector geometry) moves together.
  const placed = importJsonCanvas(text, { offset: importOffset(editor.contentBounds(), corner) });
  if (!placed.ok) return { ok: false, problem: placed.problem };
  const { records } = placed;
  writeCanvasImport(editor.session.doc, records, editor.session.author);
  const ids = [...records.frames.map((f) => f.id), ...records.cards.map((c) => c.id)].filter(
    (id): id is NonNullable<typeof id> => !!id,
  );
  editor.select(ids);
  editor.zoomToSelection();
  return {
    ok: true,
    cards: records.cards.length,
    frames: records.frames.length,
    connectors: records.connectors.length,
    notes: records.notes,
  };
}

/** Reads a chosen file as text, refusing one too large to be a canvas before reading it all. */
export async function readCanvasFile(
  file: Pick<File, 'size' | 'text'>,
): Promise<{ ok: true; text: string } | { ok: false; problem: string }> {
  // A character is at most four bytes of UTF-8, so a file over four times the limit is certainly over it.
  if (file.size > MAX_JSON_CHARS * 4)
    return { ok: false, problem: 'That file is far too large to be a canvas file (the limit is 16 MB).' };
  try {
    return { ok: true, text: await file.text() };
  } catch {
    return {
      ok: false,
      problem: 'That file could not be read. It may have been moved or be on a disconnected drive.',
    };
  }
}
