import { useCallback, useSyncExternalStore } from 'react';
import type { FilesState, WorkshopFiles } from '../../app/workshop-files';

/** A slice of the files state; re-renders only when it changes (by ===). */
export function useFiles<T>(files: WorkshopFiles, select: (s: FilesState) => T): T {
  const subscribe = useCallback((cb: () => void) => files.store.subscribe(cb), [files]);
  return useSyncExternalStore(subscribe, () => select(files.store.get()));
}
