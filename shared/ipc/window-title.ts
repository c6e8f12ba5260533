import type { SavedState, WindowTitleRequest } from './contract';
import type { SaveStateView } from './workshop-schemas';

const APP_NAME = 'Dreamboard';
const UNTITLED = 'Untitled workshop';

/** Words, not only a dot, so screen readers and task switchers say whether work is saved. */
const SAVED_STATE_SUFFIX: Readonly<Record<SavedState, string>> = {
  saved: '',
  saving: ' (saving…)',
  unsaved: ' (unsaved changes)',
  error: ' (not saved)',
};

export function formatWindowTitle({ title, savedState }: WindowTitleRequest): string {
  const name = title.trim() === '' ? UNTITLED : title.trim();
  return `${name}${SAVED_STATE_SUFFIX[savedState]} — ${APP_NAME}`;
}

/** The title-bar marker for an autosave state (a read-only workshop has nothing unsaved). */
export function savedStateOf(state: SaveStateView): SavedState {
  switch (state.kind) {
    case 'saved':
    case 'read-only':
      return 'saved';
    case 'unsaved':
      return 'unsaved';
    case 'saving':
      return 'saving';
    case 'failing':
      return 'error';
  }
}
