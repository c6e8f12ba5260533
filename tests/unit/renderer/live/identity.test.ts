import { describe, expect, it } from 'vitest';
import {
  IDENTITY_KEY,
  displayNameProblem,
  loadIdentity,
  readDisplayName,
  saveIdentity,
} from '../../../../renderer/live/identity';

function memory(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
  };
}

const throwing = {
  getItem: (): string | null => {
    throw new Error('SecurityError');
  },
  setItem: (): void => {
    throw new Error('QuotaExceededError');
  },
};

describe('live identity', () => {
  it('round-trips a name and role, trimmed', () => {
    const storage = memory();
    expect(saveIdentity(storage, { name: '  Anna  ', role: 'carer' })).toBe(true);
    expect(loadIdentity(storage)).toEqual({ name: 'Anna', role: 'carer' });
  });

  it('is null when nothing was kept, storage is missing, or it throws', () => {
    expect(loadIdentity(memory())).toBeNull();
    expect(loadIdentity(null)).toBeNull();
    expect(loadIdentity(throwing)).toBeNull();
    expect(saveIdentity(throwing, { name: 'Anna', role: 'carer' })).toBe(false);
    expect(saveIdentity(null, { name: 'Anna', role: 'carer' })).toBe(false);
  });

  it.each([
    ['not JSON', '{nope'],
    ['not an object', '"Anna"'],
    ['null', 'null'],
    ['an unknown role', JSON.stringify({ name: 'Anna', role: 'designer' })],
    ['an empty name', JSON.stringify({ name: '   ', role: 'carer' })],
    ['a bidi override', JSON.stringify({ name: 'Anna\u202Egnp.exe', role: 'carer' })],
    ['a newline', JSON.stringify({ name: 'An\nna', role: 'carer' })],
    ['a 41-letter name', JSON.stringify({ name: 'x'.repeat(41), role: 'carer' })],
    ['a name that is not text', JSON.stringify({ name: 42, role: 'carer' })],
  ])('refuses a stored identity with %s', (_why, stored) => {
    expect(loadIdentity(memory({ [IDENTITY_KEY]: stored }))).toBeNull();
  });

  it('never writes an identity others could not be shown', () => {
    const storage = memory();
    expect(saveIdentity(storage, { name: '\u200B', role: 'carer' })).toBe(false);
    expect(saveIdentity(storage, { name: 'Anna', role: 'nobody' as never })).toBe(false);
    expect(loadIdentity(storage)).toBeNull();
  });

  it('keeps names in any script and emoji sequences', () => {
    expect(readDisplayName('Siân')).toBe('Siân');
    expect(readDisplayName('محمد')).toBe('محمد');
    expect(readDisplayName('👩‍🦽 Jo')).toBe('👩‍🦽 Jo');
  });

  it('says in plain words what is wrong with a name', () => {
    expect(displayNameProblem('')).toMatch(/Type your name/);
    expect(displayNameProblem('x'.repeat(41))).toMatch(/at most 40/);
    expect(displayNameProblem('a\u202Eb')).toMatch(/cannot be shown/);
    expect(displayNameProblem('Anna')).toBeNull();
  });
});
