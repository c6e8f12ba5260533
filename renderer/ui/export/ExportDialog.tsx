import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { framesInReadingOrder } from '../../../shared/plan';
import { framesInZOrder } from '../../../shared/doc';
import { exportFormat, type ExportFormatId } from '../../../shared/export/formats';
import {
  DEFAULT_CHOICE,
  dialogOptions,
  exportFileName,
  optionOf,
  regionProblem,
  type DialogOption,
  type ExportChoice,
} from '../../export/formats';
import { ExportCancelled, type Cancellable } from '../../export/pdf-runner';
import { stagesOf, startExport, STAGE_TEXT, type ExportStage } from '../../export/run-export';
import type { ExportFile, ExportSaved, SaveExport } from '../../platform/export';
import { Dialog } from '../dialogs/Dialog';
import { useEditorState, useSnapshot } from '../../app/hooks';
import { PictureOptions } from './PictureOptions';
import './export.css';

export interface ExportDialogProps {
  readonly initial: ExportFormatId;
  readonly save: SaveExport;
  readonly where: 'desktop' | 'browser';
  readonly onClose: () => void;
}

type Status =
  | { readonly kind: 'choosing'; readonly problem: string | null }
  | { readonly kind: 'running'; readonly stage: ExportStage | 'saving' }
  | { readonly kind: 'done'; readonly saved: Extract<ExportSaved, { status: 'saved' }> };

const OPTIONS = dialogOptions();

/** Whether focus is still on something inside the open dialog (not lost to the page with a removed button). */
const dialogHasFocus = () => document.activeElement?.closest('dialog[open]') != null;

/**
 * File → Export: choose what to make, then make it with progress and a Cancel that really stops it
 * (the PDF worker is ended). The file is saved where the person chooses (desktop) or downloaded.
 */
export function ExportDialog({ initial, save, where, onClose }: ExportDialogProps) {
  // Read here, not passed in, so the dialog follows the board while it is open whatever re-renders its parent.
  const snapshot = useSnapshot();
  const selectionSet = useEditorState((s) => s.selection);
  const selection = useMemo(() => [...selectionSet], [selectionSet]);
  const [choice, setChoice] = useState<ExportChoice>({ ...DEFAULT_CHOICE, format: initial });
  const [status, setStatus] = useState<Status>({ kind: 'choosing', problem: null });
  const job = useRef<Cancellable<ExportFile> | null>(null);
  const namesHint = useId();
  const doneButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const exportButton = useRef<HTMLButtonElement>(null);
  const frames = framesInReadingOrder(framesInZOrder(snapshot));

  // Closing the dialog mid-export cancels it: nothing is saved after the person has moved on.
  useEffect(() => () => job.current?.cancel(), []);
  // The button that had focus goes away as the state changes; focus follows to its replacement.
  useEffect(() => {
    if (status.kind === 'done') doneButton.current?.focus();
    if (status.kind === 'running') cancelButton.current?.focus();
    if (status.kind === 'choosing' && !dialogHasFocus()) exportButton.current?.focus();
  }, [status.kind]);

  const update = (patch: Partial<ExportChoice>) => setChoice((c) => ({ ...c, ...patch }));
  // Within a group (PNG or SVG), coming back to it picks the format chosen there before.
  const lastInOption = useRef(new Map<string, ExportFormatId>());
  const chooseFormat = (format: ExportFormatId) => {
    lastInOption.current.set(optionOf(format, OPTIONS).value, format);
    update({ format });
  };
  const chooseOption = (option: DialogOption) =>
    chooseFormat(lastInOption.current.get(option.value) ?? (option.formats[0]!.id as ExportFormatId));
  const chosen = exportFormat(choice.format);
  const chosenOption = optionOf(choice.format, OPTIONS);

  const run = async () => {
    if (chosen.options.region) {
      const problem = regionProblem(choice.region, {
        frame: (id) => snapshot.frames.has(id as never),
        anySelected: selection.length > 0,
      });
      if (problem) return setStatus({ kind: 'choosing', problem });
    }
    setStatus({ kind: 'running', stage: 'plan' });
    const started = startExport(snapshot, choice, (stage) => setStatus({ kind: 'running', stage }));
    job.current = started;
    try {
      const file = await started.result;
      setStatus({ kind: 'running', stage: 'saving' });
      const saved = await save(file);
      if (job.current !== started) return;
      job.current = null;
      if (saved.status === 'saved') setStatus({ kind: 'done', saved });
      else if (saved.status === 'cancelled') setStatus({ kind: 'choosing', problem: null });
      else setStatus({ kind: 'choosing', problem: saved.message });
    } catch (error) {
      if (job.current !== started) return;
      job.current = null;
      if (error instanceof ExportCancelled)
        setStatus({ kind: 'choosing', problem: 'Export cancelled. Nothing was saved.' });
      else
        setStatus({
          kind: 'choosing',
          problem: `The export could not be made. ${error instanceof Error ? error.message : String(error)}`,
        });
    }
  };

  const cancel = () => {
    const current = job.current;
    job.current = null;
    current?.cancel();
    setStatus({ kind: 'choosing', problem: 'Export cancelled. Nothing was saved.' });
  };

  const running = status.kind === 'running';
  return (
    <Dialog
      title="Export"
      description="Make a file from this workshop. Nothing on the board changes."
      onClose={running ? cancel : onClose}
      className="export-dialog"
    >
      {status.kind === 'done' ? (
        <div className="export-done">
          <p role="status">
            {status.saved.where === 'downloads'
              ? `Downloaded “${status.saved.name}”. Your browser keeps it in its downloads.`
              : `Saved “${status.saved.name}”.`}
          </p>
          <div className="dialog-actions">
            <button
              type="button"
              className="button"
              onClick={() => setStatus({ kind: 'choosing', problem: null })}
            >
              Export something else
            </button>
            <button type="button" className="button primary" ref={doneButton} onClick={onClose}>
              Close
            </button>
          </div>
        </div>
      ) : (
        <form
          className="export-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!running) void run();
          }}
        >
          <fieldset className="export-formats" disabled={running}>
            <legend className="field-label">What to export</legend>
            {OPTIONS.map((option) => (
              <label key={option.value} className="export-format">
                <input
                  type="radio"
                  name="format"
                  value={option.value}
                  checked={chosenOption.value === option.value}
                  onChange={() => chooseOption(option)}
                />
                <span>
                  <strong>{option.label}</strong>
                  <span className="field-hint">{option.hint}</span>
                </span>
              </label>
            ))}
          </fieldset>

          {chosen.options.framePages && (
            <fieldset className="export-options" disabled={running}>
              <legend className="field-label">PDF options</legend>
              <label className="export-check">
                <input
                  type="checkbox"
                  checked={choice.framePages}
                  onChange={(e) => update({ framePages: e.target.checked })}
                />
                One page for each frame, after the whole board
              </label>
              <label className="export-check">
                <input type="checkbox" checked={false} disabled aria-describedby={namesHint} />
                Include participants’ names
              </label>
              <p id={namesHint} className="field-hint">
                Not available yet: Dreamboard does not record people’s names, so the plan counts contributions
                by role only.
              </p>
            </fieldset>
          )}

          {chosen.options.scale && (
            <PictureOptions
              choice={choice}
              formats={chosenOption.formats}
              chooseFormat={chooseFormat}
              update={update}
              frames={frames}
              selection={selection}
              snapshot={snapshot}
              disabled={running}
            />
          )}

          <p className="muted export-file-name">
            {where === 'browser' ? 'Downloads as ' : 'Suggested file name: '}
            <span className="export-name">
              {exportFileName(
                snapshot.meta.title,
                choice,
                choice.region.kind === 'frame'
                  ? frames.find((f) => f.id === (choice.region as { frameId: string }).frameId)?.title
                  : undefined,
              )}
            </span>
          </p>

          {status.kind === 'choosing' && status.problem && (
            <p className="form-error" role="alert">
              {status.problem}
            </p>
          )}
          {running && <ExportProgress stages={stagesOf(choice)} stage={status.stage} where={where} />}

          <div className="dialog-actions">
            {running ? (
              <button type="button" className="button" ref={cancelButton} onClick={cancel}>
                Cancel export
              </button>
            ) : (
              <>
                <button type="button" className="button" onClick={onClose}>
                  Close
                </button>
                <button type="submit" className="button primary" ref={exportButton} data-autofocus>
                  Export
                </button>
              </>
            )}
          </div>
        </form>
      )}
    </Dialog>
  );
}

/** Which step of how many, as a bar and in words (the words are what a screen reader hears). */
function ExportProgress({
  stages,
  stage,
  where,
}: {
  stages: readonly (ExportStage | 'saving')[];
  stage: ExportStage | 'saving';
  where: 'desktop' | 'browser';
}) {
  const step = stages.indexOf(stage) + 1;
  const text =
    stage === 'saving' ? (where === 'browser' ? 'Starting the download…' : 'Saving…') : STAGE_TEXT[stage];
  return (
    <div className="export-progress" role="status">
      <progress aria-label="Export progress" max={stages.length} value={Math.max(0, step - 1)} />
      <span>
        Step {step} of {stages.length}: {text}
      </span>
    </div>
  );
}
