/** The part of an element this check reads, so it works on real DOM nodes and on test doubles. */
export interface FocusedElementLike {
  readonly tagName: string;
  readonly isContentEditable?: boolean;
  readonly type?: string;
  readonly readOnly?: boolean;
  readonly disabled?: boolean;
}

/** Input types where copy, paste and undo act on typed text. */
const TEXT_INPUT_TYPES = new Set(['text', 'search', 'url', 'tel', 'email', 'password', 'number', '']);

/**
 * True when keyboard and menu editing commands belong to a text field rather than the canvas.
 * Read-only fields still count: copy and select-all work in them.
 */
export function isTextEditingTarget(element: FocusedElementLike | null | undefined): boolean {
  if (element === null || element === undefined || element.disabled === true) return false;
  if (element.isContentEditable === true) return true;
  const tag = element.tagName.toUpperCase();
  if (tag === 'TEXTAREA') return true;
  if (tag === 'INPUT') return TEXT_INPUT_TYPES.has((element.type ?? '').toLowerCase());
  return false;
}
