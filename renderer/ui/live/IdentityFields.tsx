import { useId, useState, type Ref } from 'react';
import { ROLE_CATEGORIES, ROLE_LABELS, type RoleCategory } from '../../../shared/model';
import { displayNameProblem } from '../../live/identity';
import type { IdentityDraft } from './use-identity';

export interface IdentityFieldsProps {
  readonly draft: IdentityDraft;
  readonly onChange: (draft: IdentityDraft) => void;
  /** True once the person has pressed the dialog's main button: show what is wrong everywhere. */
  readonly submitted: boolean;
  readonly nameRef?: Ref<HTMLInputElement>;
  readonly disabled?: boolean;
  /** The dialog opens with focus on the name (when there is no remembered name yet). */
  readonly autoFocusName?: boolean;
}

/** "Your name" and "Your role": what others see next to your cursor and in the people list. */
export function IdentityFields({
  draft,
  onChange,
  submitted,
  nameRef,
  disabled,
  autoFocusName,
}: IdentityFieldsProps) {
  const nameId = useId();
  const hintId = useId();
  const errorId = useId();
  const roleId = useId();
  const [left, setLeft] = useState(false);
  const problem = submitted || left ? displayNameProblem(draft.name) : null;
  return (
    <fieldset className="live-identity" disabled={disabled}>
      <legend className="field-label">About you</legend>
      <div className="field">
        <label className="field-label" htmlFor={nameId}>
          Your name
        </label>
        <span id={hintId} className="field-hint">
          Others see it next to your pointer. Use the name people in the room know you by.
        </span>
        <input
          id={nameId}
          ref={nameRef}
          value={draft.name}
          autoComplete="nickname"
          maxLength={60}
          data-autofocus={autoFocusName ? true : undefined}
          aria-invalid={problem !== null}
          aria-describedby={problem ? `${hintId} ${errorId}` : hintId}
          onChange={(e) => onChange({ ...draft, name: e.target.value })}
          onBlur={() => setLeft(true)}
        />
        {problem && (
          <span id={errorId} className="form-error live-field-error">
            {problem}
          </span>
        )}
      </div>
      <div className="field">
        <label className="field-label" htmlFor={roleId}>
          Your role in this workshop
        </label>
        <select
          id={roleId}
          value={draft.role}
          onChange={(e) => onChange({ ...draft, role: e.target.value as RoleCategory })}
        >
          {ROLE_CATEGORIES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
      </div>
    </fieldset>
  );
}
