import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Editor } from '../../editor/editor';
import { importCanvasText, readCanvasFile } from '../../export/import-canvas';
import type { ExportFormatId } from '../../../shared/export/formats';
import { exportSaverFor } from '../../platform/export';
import type { Platform } from '../../platform/types';
import { Dialog } from '../dialogs/Dialog';
import { ExportDialog } from './ExportDialog';

export interface ExportUi {
  openExport(format: ExportFormatId): void;
  importCanvas(): void;
  /** The dialogs and the hidden file input; render once in the workspace. */
  readonly element: ReactNode;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The workspace's export and import: File → Export… opens the export dialog; File → Import JSON
 * Canvas… asks for a file and adds it, or shows why it was refused (nothing is changed then).
 */
export function useExportUi(editor: Editor, platform: Pick<Platform, 'kind'>): ExportUi {
  const [format, setFormat] = useState<ExportFormatId | null>(null);
  const [importProblem, setImportProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const save = useMemo(() => exportSaverFor(platform), [platform]);

  const openExport = useCallback((f: ExportFormatId) => setFormat(f), []);
  const importCanvas = useCallback(() => {
    const el = input.current;
    if (!el) return;
    el.value = '';
    el.click();
  }, []);

  const onFile = async (file: File) => {
    const read = await readCanvasFile(file);
    if (!read.ok) return setImportProblem(read.problem);
    const outcome = importCanvasText(editor, read.text);
    if (!outcome.ok) return setImportProblem(outcome.problem);
    const added = [
      plural(outcome.cards, 'card'),
      plural(outcome.frames, 'frame'),
      plural(outcome.connectors, 'connection'),
    ];
    editor.announce(
      `Added ${added.join(', ')} from ${file.name}. Undo takes them away again.${outcome.notes.length ? ` ${outcome.notes.join(' ')}` : ''}`,
    );
  };

  const element = (
    <>
      <input
        ref={input}
        type="file"
        accept=".canvas,application/json"
        hidden
        aria-hidden="true"
        tabIndex={-1}
        data-testid="import-canvas-input"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) void onFile(file);
        }}
      />
      {format !== null && (
        <ExportDialog initial={format} save={save} where={platform.kind} onClose={() => setFormat(null)} />
      )}
      {importProblem !== null && (
        <Dialog title="That file could not be imported" onClose={() => setImportProblem(null)}>
          <p role="alert">{importProblem}</p>
          <p className="muted">Nothing was added to the board.</p>
          <div className="dialog-actions">
            <button
              type="button"
              className="button primary"
              data-autofocus
              onClick={() => setImportProblem(null)}
            >
              OK
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
  return { openExport, importCanvas, element };
}
