import { useId, useMemo } from 'react';
import type { DocSnapshot } from '../../../shared/doc';
import type { BoardRegion } from '../../../shared/export/board-region';
import { boardSvg } from '../../../shared/export/svg';
import type { Frame } from '../../../shared/model';
import type { ExportFormatId, ExportFormatSpec } from '../../../shared/export/formats';
import { PICTURE_SCALES, pngSizeProblem, type ExportChoice, type PictureScale } from '../../export/formats';

export interface PictureOptionsProps {
  readonly choice: ExportChoice;
  /** The picture formats to choose between (shared/export/formats.ts). */
  readonly formats: readonly ExportFormatSpec[];
  readonly chooseFormat: (format: ExportFormatId) => void;
  readonly update: (patch: Partial<ExportChoice>) => void;
  readonly frames: readonly Frame[];
  /** Ids selected on the board now: "the selection" pictures exactly these. */
  readonly selection: readonly string[];
  readonly snapshot: DocSnapshot;
  readonly disabled: boolean;
}

const regionValue = (choice: ExportChoice) =>
  choice.region.kind === 'frame' ? `frame:${choice.region.frameId}` : choice.region.kind;

/** Picture options: file type, what it shows, and its size, with the size in pixels for a PNG. */
export function PictureOptions({
  choice,
  formats,
  chooseFormat,
  update,
  frames,
  selection,
  snapshot,
  disabled,
}: PictureOptionsProps) {
  const selectionCount = selection.length;
  const sizeId = useId();
  const regionId = useId();
  // The picture's size at this scale, redrawn only when the board or the choice changes.
  const { region, scale } = choice;
  const natural = useMemo(
    () => boardSvg(snapshot, { region: region as BoardRegion, scale }),
    [snapshot, region, scale],
  );
  const tooBig = choice.format === 'png' ? pngSizeProblem(natural.width, natural.height) : null;

  return (
    <fieldset className="export-options" disabled={disabled}>
      <legend className="field-label">Picture options</legend>
      <div className="export-row" role="radiogroup" aria-label="File type">
        {formats.map((format) => (
          <label key={format.id} className="export-check">
            <input
              type="radio"
              name="image-type"
              checked={choice.format === format.id}
              onChange={() => chooseFormat(format.id as ExportFormatId)}
            />
            {format.offer.label}
          </label>
        ))}
      </div>
      <div className="field">
        <label className="field-label" htmlFor={regionId}>
          What the picture shows
        </label>
        <select
          id={regionId}
          value={regionValue(choice)}
          onChange={(e) => {
            const value = e.target.value;
            if (value === 'board') update({ region: { kind: 'board' } });
            else if (value === 'selection') update({ region: { kind: 'selection', ids: selection } });
            else update({ region: { kind: 'frame', frameId: value.slice('frame:'.length) } });
          }}
        >
          <option value="board">The whole board</option>
          {frames.map((f) => (
            <option key={f.id} value={`frame:${f.id}`}>
              Frame: {f.title || 'Untitled frame'}
            </option>
          ))}
          <option value="selection" disabled={selectionCount === 0}>
            {selectionCount === 0
              ? 'The selection (nothing is selected)'
              : `The selection (${selectionCount} item${selectionCount === 1 ? '' : 's'})`}
          </option>
        </select>
      </div>
      <div className="export-row" role="radiogroup" aria-labelledby={sizeId}>
        <span id={sizeId} className="field-label">
          Size
        </span>
        {PICTURE_SCALES.map((scale: PictureScale) => (
          <label key={scale} className="export-check">
            <input
              type="radio"
              name="scale"
              checked={choice.scale === scale}
              onChange={() => update({ scale })}
            />
            {scale}×
          </label>
        ))}
      </div>
      <p className={tooBig ? 'form-error' : 'field-hint'}>
        {tooBig ??
          `${natural.width.toLocaleString('en-GB')} × ${natural.height.toLocaleString('en-GB')} pixels.`}
      </p>
    </fieldset>
  );
}
