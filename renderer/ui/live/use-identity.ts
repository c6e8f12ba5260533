import { useCallback, useState } from 'react';
import { ROLE_CATEGORIES } from '../../../shared/model';
import { loadIdentity, saveIdentity } from '../../live/identity';
import type { LiveIdentity } from '../../live/types';
import type { KeyValueStore } from '../../app/participant';

export function safeLocalStorage(): KeyValueStore | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** What the name and role fields hold while someone edits them (the name may still be invalid). */
export interface IdentityDraft {
  readonly name: string;
  readonly role: LiveIdentity['role'];
}

const FALLBACK_ROLE = ROLE_CATEGORIES[ROLE_CATEGORIES.length - 1] ?? 'other';

/** The remembered name and role as a draft, and a way to remember the one that was used. */
export function useIdentityDraft(): [IdentityDraft, (d: IdentityDraft) => void, (i: LiveIdentity) => void] {
  const [draft, setDraft] = useState<IdentityDraft>(
    () => loadIdentity(safeLocalStorage()) ?? { name: '', role: FALLBACK_ROLE },
  );
  const remember = useCallback(
    (identity: LiveIdentity) => void saveIdentity(safeLocalStorage(), identity),
    [],
  );
  return [draft, setDraft, remember];
}
