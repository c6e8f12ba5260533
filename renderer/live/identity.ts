import { presenceNameSchema } from '../../shared/live';
import { ROLE_CATEGORIES, type RoleCategory } from '../../shared/model';
import type { KeyValueStore } from '../app/participant';
import type { LiveIdentity } from './types';

/**
 * Who I am in live sessions (display name and role category), remembered in this app's local
 * storage so people type their name once. Storage can be missing or throw (private windows, a
 * full disk): then the name lasts for this run only. What is read back is checked as a peer's
 * presence would be, so a hand-edited value can never become a name others see.
 */
export const IDENTITY_KEY = 'dreamboard.live.identity.v1';

export function isRoleCategory(value: unknown): value is RoleCategory {
  return typeof value === 'string' && (ROLE_CATEGORIES as readonly string[]).includes(value);
}

/** A name as people typed it → the name that is announced, or null when it cannot be one. */
export function readDisplayName(text: unknown): string | null {
  const parsed = presenceNameSchema.safeParse(text);
  return parsed.success ? parsed.data : null;
}

/** Plain-language reason a name cannot be used, or null when it can. */
export function displayNameProblem(text: string): string | null {
  if (text.trim() === '') return 'Type your name, so others know who is who.';
  if ([...text.trim()].length > 40) return 'Use at most 40 letters for your name.';
  if (readDisplayName(text) === null) return 'Your name has a character that cannot be shown. Remove it.';
  return null;
}

export function loadIdentity(storage: KeyValueStore | null): LiveIdentity | null {
  try {
    const raw = storage?.getItem(IDENTITY_KEY);
    if (!raw) return null;
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return null;
    const { name, role } = value as { name?: unknown; role?: unknown };
    const validName = readDisplayName(name);
    if (validName === null || !isRoleCategory(role)) return null;
    return { name: validName, role };
  } catch {
    return null;
  }
}

/** Returns whether it was kept; an identity that does not validate is never written. */
export function saveIdentity(storage: KeyValueStore | null, identity: LiveIdentity): boolean {
  const name = readDisplayName(identity.name);
  if (name === null || !isRoleCategory(identity.role) || !storage) return false;
  try {
    storage.setItem(IDENTITY_KEY, JSON.stringify({ name, role: identity.role }));
    return true;
  } catch {
    return false;
  }
}
