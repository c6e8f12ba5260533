import { describe, expect, it } from 'vitest';
import { ACTIONS, type ActionSpec } from '../../../../shared/actions/catalog';
import { actionForKey, cardKindForKey } from '../../../../renderer/editor/actions';
import {
  describeAccelerator,
  matchesAccelerator,
  parseAccelerator,
} from '../../../../renderer/editor/shortcuts';

const key = (
  k: string,
  mods: Partial<{ ctrl: boolean; meta: boolean; shift: boolean; alt: boolean; code: string }> = {},
) => ({
  key: k,
  code: mods.code,
  ctrlKey: !!mods.ctrl,
  metaKey: !!mods.meta,
  shiftKey: !!mods.shift,
  altKey: !!mods.alt,
});

describe('shortcuts', () => {
  it('parses accelerators, including a trailing plus', () => {
    expect(parseAccelerator('CmdOrCtrl+Shift+Z')).toEqual({ mod: true, shift: true, alt: false, key: 'z' });
    expect(parseAccelerator('CmdOrCtrl++')).toMatchObject({ mod: true, key: '+' });
    expect(parseAccelerator('Up')).toMatchObject({ key: 'arrowup' });
    expect(parseAccelerator('+')).toEqual({ mod: false, shift: false, alt: false, key: '+' });
  });

  it.each([
    ['CmdOrCtrl+Z', key('z', { ctrl: true }), false, true],
    ['CmdOrCtrl+Z', key('z', { meta: true }), true, true],
    ['CmdOrCtrl+Z', key('z', { meta: true }), false, false],
    ['CmdOrCtrl+Z', key('Z', { ctrl: true, shift: true }), false, false],
    ['CmdOrCtrl+Shift+Z', key('Z', { ctrl: true, shift: true }), false, true],
    ['Shift+1', key('!', { shift: true, code: 'Digit1' }), false, true],
    ['?', key('?', { shift: true }), false, true],
    ['Delete', key('Delete'), false, true],
    ['CmdOrCtrl+]', key(']', { ctrl: true, code: 'BracketRight' }), false, true],
  ])('%s matches %o (mac %s): %s', (accel, e, mac, expected) => {
    expect(matchesAccelerator(accel, e, mac)).toBe(expected);
  });

  it('finds the action for a key, leaving bare keys alone outside the board', () => {
    expect(actionForKey(key('z', { ctrl: true }), 'board')?.id).toBe('edit.undo');
    expect(actionForKey(key('Delete'), 'board')?.id).toBe('edit.delete');
    expect(actionForKey(key('Delete'), 'elsewhere')).toBeNull();
    expect(actionForKey(key('y', { ctrl: true }), 'elsewhere')?.id).toBe('edit.redo');
  });

  it('gives no two actions the same shortcut', () => {
    const seen = new Map<string, string>();
    for (const a of ACTIONS as readonly ActionSpec[]) {
      for (const s of [a.shortcut, ...(a.altShortcuts ?? [])]) {
        if (!s) continue;
        expect(seen.get(s), `${s} used by ${seen.get(s)} and ${a.id}`).toBeUndefined();
        seen.set(s, a.id);
      }
    }
  });

  it('maps number keys to card kinds, and not with modifiers', () => {
    expect(cardKindForKey(key('1'))).toBe('need');
    expect(cardKindForKey(key('0'))).toBe('action');
    expect(cardKindForKey(key('n'))).toBe('note');
    expect(cardKindForKey(key('1', { ctrl: true }))).toBeNull();
  });

  it('describes accelerators for people', () => {
    expect(describeAccelerator('CmdOrCtrl+Shift+Z')).toBe('Ctrl+Shift+Z');
    expect(describeAccelerator('CmdOrCtrl+Shift+Z', true)).toBe('⌘⇧Z');
    expect(describeAccelerator('Up')).toBe('↑');
  });
});
