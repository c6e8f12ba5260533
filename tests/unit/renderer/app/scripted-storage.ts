/** A WorkshopStorage for the renderer's file tests: answers from scripts, remembers what it was asked. */
import * as Y from 'yjs';
import { ORIGIN, updateMeta } from '../../../../shared/doc';
import type {
  CloseOutcome,
  NameOutcome,
  OpenOutcome,
  SaveStateView,
  WorkshopHandle,
  WorkshopStorage,
} from '../../../../renderer/platform/storage-types';

export function stateOf(title: string): Uint8Array {
  const doc = new Y.Doc();
  updateMeta(doc, { schemaVersion: 1, title, context: '', createdAt: 1, template: 'blank' }, ORIGIN.load);
  return Y.encodeStateAsUpdate(doc);
}

export const opened = (
  handle: string,
  name: string,
  extra: Partial<{ readOnlyReason: string | null; recoveryMessage: string | null }> = {},
): OpenOutcome => ({
  kind: 'opened',
  workshop: {
    handle,
    name,
    state: stateOf(name),
    saveState: { kind: 'saved', savedAt: 1 },
    readOnlyReason: extra.readOnlyReason ?? null,
    recoveryMessage: extra.recoveryMessage ?? null,
    removedTemporaries: 0,
  },
});

/** A WorkshopStorage that answers from scripts and remembers what it was asked. */
export class ScriptedStorage implements WorkshopStorage {
  readonly recorded: [WorkshopHandle, Uint8Array][] = [];
  readonly closed: WorkshopHandle[] = [];
  readonly renames: string[] = [];
  nextOpen: OpenOutcome = { kind: 'cancelled' };
  closeAnswer: CloseOutcome = { kind: 'closed' };
  takenNames = new Set<string>();
  private saveListener: ((handle: WorkshopHandle, state: SaveStateView) => void) | null = null;

  create = () => Promise.resolve(this.nextOpen);
  /** createFromState calls, in order; `duringCreateFromState` runs while one is on its way (other work can happen then). */
  readonly fromState: { state: Uint8Array; title: string; closedBefore: WorkshopHandle[] }[] = [];
  duringCreateFromState: () => void = () => {};
  createFromState = async (state: Uint8Array, title: string): Promise<OpenOutcome> => {
    this.fromState.push({ state, title, closedBefore: [...this.closed] });
    await Promise.resolve();
    this.duringCreateFromState();
    return this.nextOpen;
  };
  openDialog = () => Promise.resolve(this.nextOpen);
  openDropped = () => Promise.resolve(this.nextOpen);
  openRecent = () => Promise.resolve(this.nextOpen);
  recent = () => Promise.resolve([]);
  forgetRecent = () => Promise.resolve();
  record = (handle: WorkshopHandle, update: Uint8Array) => void this.recorded.push([handle, update]);
  saveAs = (): Promise<NameOutcome> => Promise.resolve({ kind: 'done', name: 'Copy' });
  rename = (_handle: WorkshopHandle, name: string): Promise<NameOutcome> => {
    this.renames.push(name);
    if (this.takenNames.has(name))
      return Promise.resolve({
        kind: 'problem',
        problem: { code: 'exists', message: `"${name}" already exists.` },
      });
    return Promise.resolve({ kind: 'done', name });
  };
  close = (handle: WorkshopHandle) => {
    if (this.closeAnswer.kind === 'closed') this.closed.push(handle);
    return Promise.resolve(this.closeAnswer);
  };
  history = () => Promise.resolve([]);
  loadHistory = () =>
    Promise.resolve({ kind: 'problem' as const, problem: { code: 'not-found' as const, message: 'none' } });
  onSaveState = (listener: (handle: WorkshopHandle, state: SaveStateView) => void) => {
    this.saveListener = listener;
    return () => void (this.saveListener = null);
  };
  onOpenRequest = () => () => undefined;
  tellSaveState(handle: WorkshopHandle, state: SaveStateView) {
    this.saveListener?.(handle, state);
  }
}
