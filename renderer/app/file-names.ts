import { fileBaseFromTitle } from '../../shared/ipc/workshop-names';
import type { SavedState, SaveStateView } from '../platform/types';

/** Names to try, in order, when a workshop's title becomes its file name: "Plan", "Plan 2" … "Plan 5". */
export function fileNameCandidates(title: string, tries = 5): string[] {
  const base = fileBaseFromTitle(title);
  return Array.from({ length: tries }, (_, i) => (i === 0 ? base : `${base} ${i + 1}`));
}

/** The window title's marker for a save state. */
export function windowSavedState(state: SaveStateView | null): SavedState {
  switch (state?.kind) {
    case 'saving':
      return 'saving';
    case 'unsaved':
      return 'unsaved';
    case 'failing':
      return 'error';
    default:
      return 'saved';
  }
}

/** The words next to the file name, and the longer reason when there is one. */
export function describeSaveState(state: SaveStateView | null): { label: string; detail: string | null } {
  switch (state?.kind) {
    case undefined:
    case 'saved':
      return {
        label: 'Saved',
        detail: state && state.savedAt > 0 ? `Saved at ${formatClock(state.savedAt)}` : null,
      };
    case 'unsaved':
      return { label: 'Not saved yet', detail: null };
    case 'saving':
      return { label: 'Saving…', detail: null };
    case 'failing':
      return { label: 'Saving failed — retrying', detail: state.message };
    case 'read-only':
      return { label: 'Read only', detail: state.reason };
  }
}

export function formatClock(ms: number): string {
  return new Date(ms).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * "just now", "5 minutes ago", "today at 14:03", "yesterday at 14:03", "3 March 2026 at 09:12".
 * `exact` always gives the clock time: versions taken minutes apart must not all read "just now".
 */
export function describeWhen(ms: number, now: number, exact = false): string {
  const ago = now - ms;
  if (!exact && ago < 60_000 && ago > -60_000) return 'just now';
  if (!exact && ago > 0 && ago < 60 * 60_000) {
    const minutes = Math.round(ago / 60_000);
    return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'} ago`;
  }
  const then = new Date(ms);
  const today = new Date(now);
  const sameDay = (a: Date, b: Date) => a.toDateString() === b.toDateString();
  if (sameDay(then, today)) return `today at ${formatClock(ms)}`;
  if (sameDay(then, new Date(now - DAY))) return `yesterday at ${formatClock(ms)}`;
  const date = then.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  return `${date} at ${formatClock(ms)}`;
}
