import { useEffect, useId, useRef, useState } from 'react';
import type { FieldSpec } from '../../../shared/model';

export interface CommitTextProps {
  readonly label: string;
  readonly value: string;
  readonly onCommit: (value: string) => void;
  readonly multiline?: boolean;
  readonly hint?: string;
  readonly maxLength?: number;
  readonly rows?: number;
  readonly disabled?: boolean;
  readonly type?: 'text' | 'date';
}

/**
 * A text control that writes to the document once per edit (on blur, Enter in a one-line field,
 * or Ctrl+Enter), never per keystroke: one committed edit is one undo step. While the field has
 * focus, changes from elsewhere do not overwrite what the person is typing.
 */
export function CommitText({
  label,
  value,
  onCommit,
  multiline,
  hint,
  maxLength = 10_000,
  rows = 4,
  disabled,
  type = 'text',
}: CommitTextProps) {
  const [draft, setDraft] = useState(value);
  const [focused, setFocused] = useState(false);
  const hintId = useId();
  const latest = useRef({ draft, value, onCommit });
  // True only between the person typing here and the commit: the unmount commit below must never
  // write back a stale draft that merely has not caught up with a change made elsewhere.
  const dirty = useRef(false);
  useEffect(() => {
    latest.current = { draft, value, onCommit };
  });
  // Follow the document (undo, redo, a peer) unless the person has typed something not yet
  // committed: a focused field that still shows an undone value would write it back on blur.
  useEffect(() => {
    if (!focused || !dirty.current) setDraft(value);
  }, [value, focused]);
  // Moving the selection away unmounts the field without a blur: keep what was typed.
  useEffect(
    () => () => {
      const { draft: d, value: v, onCommit: commit } = latest.current;
      if (dirty.current && d !== v) commit(d);
    },
    [],
  );

  const commit = () => {
    dirty.current = false;
    if (draft !== value) onCommit(draft);
  };
  const change = (next: string) => {
    dirty.current = true;
    setDraft(next);
  };
  const common = {
    value: draft,
    disabled,
    'aria-describedby': hint ? hintId : undefined,
    onFocus: () => setFocused(true),
    onBlur: () => {
      setFocused(false);
      commit();
    },
  };
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      {hint && (
        <span id={hintId} className="field-hint">
          {hint}
        </span>
      )}
      {multiline ? (
        <textarea
          {...common}
          rows={rows}
          maxLength={maxLength}
          onChange={(e) => change(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) commit();
            if (e.key === 'Escape') {
              dirty.current = false;
              setDraft(value);
            }
          }}
        />
      ) : (
        <input
          {...common}
          type={type}
          maxLength={type === 'text' ? maxLength : undefined}
          onChange={(e) => change(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') {
              dirty.current = false;
              setDraft(value);
            }
          }}
        />
      )}
    </label>
  );
}

/** One kind-specific field with the control its type calls for. */
export function FieldControl({
  spec,
  value,
  onCommit,
  disabled,
}: {
  spec: FieldSpec;
  value: string | boolean | undefined;
  onCommit: (value: string | boolean | null) => void;
  disabled?: boolean;
}) {
  const hintId = useId();
  const text = typeof value === 'string' ? value : '';
  switch (spec.type) {
    case 'text':
    case 'longtext':
    case 'date':
      return (
        <CommitText
          label={spec.label}
          hint={spec.hint}
          value={text}
          multiline={spec.type === 'longtext'}
          rows={3}
          maxLength={5_000}
          type={spec.type === 'date' ? 'date' : 'text'}
          disabled={disabled}
          onCommit={(v) => onCommit(v.trim() === '' ? null : v)}
        />
      );
    case 'boolean':
      return (
        <label className="check">
          <input
            type="checkbox"
            checked={value === true}
            disabled={disabled}
            onChange={(e) => onCommit(e.target.checked ? true : null)}
            aria-describedby={spec.hint ? hintId : undefined}
          />
          <span>{spec.label}</span>
          {spec.hint && (
            <span id={hintId} className="field-hint">
              {spec.hint}
            </span>
          )}
        </label>
      );
    case 'select':
      return (
        <label className="field">
          <span className="field-label">{spec.label}</span>
          {spec.hint && (
            <span id={hintId} className="field-hint">
              {spec.hint}
            </span>
          )}
          <select
            value={text}
            disabled={disabled}
            onChange={(e) => onCommit(e.target.value === '' ? null : e.target.value)}
            aria-describedby={spec.hint ? hintId : undefined}
          >
            <option value="">Not given</option>
            {spec.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
            {text !== '' && !spec.options.some((o) => o.value === text) && (
              <option value={text}>{text}</option>
            )}
          </select>
        </label>
      );
  }
}
