import { describe, expect, it } from 'vitest';
import { decideKey, zoneOf, type FocusZone } from '../../../../renderer/ui/key-routing';
import type { KeyLike } from '../../../../renderer/editor/shortcuts';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  code: /^[a-z]$/i.test(k) ? `Key${k.toUpperCase()}` : /^[0-9]$/.test(k) ? `Digit${k}` : k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});
const ctrl = (k: string, mods: Partial<KeyLike> = {}) => key(k, { ctrlKey: true, ...mods });

describe('decideKey: where focus is decides what a key does', () => {
  it.each<[string, KeyLike, FocusZone, unknown]>([
    ['a digit on the board adds a card of that kind', key('1'), 'board', { type: 'card', kind: 'need' }],
    ['N on the board adds a note', key('n'), 'board', { type: 'card', kind: 'note' }],
    ['0 on the board adds a next step', key('0'), 'board', { type: 'card', kind: 'action' }],
    ['Delete on the board deletes', key('Delete'), 'board', { type: 'action', id: 'edit.delete' }],
    ['C on the board opens the card chooser', key('c'), 'board', { type: 'action', id: 'insert.card' }],
    ['Ctrl+Z on the board undoes', ctrl('z'), 'board', { type: 'action', id: 'edit.undo' }],
    ['a digit in a text field is typing', key('1'), 'text', null],
    ['Delete in a text field is typing', key('Delete'), 'text', null],
    ['Ctrl+Z in a text field stays native text undo', ctrl('z'), 'text', null],
    ['Ctrl+Shift+Z in a text field stays native text redo', ctrl('z', { shiftKey: true }), 'text', null],
    ['Ctrl+A in a text field selects its text', ctrl('a'), 'text', null],
    ['Ctrl+C in a text field copies text', ctrl('c'), 'text', null],
    ['Ctrl+V in a text field pastes text', ctrl('v'), 'text', null],
    ['Ctrl+= in a text field still zooms', ctrl('='), 'text', { type: 'action', id: 'view.zoomIn' }],
    [
      'Ctrl+2 in a text field still goes to the outline',
      ctrl('2'),
      'text',
      { type: 'action', id: 'view.focusOutline' },
    ],
    ['Alt+A in a text field types, it does not align', key('a', { altKey: true }), 'text', null],
    ['Ctrl+C on the board is left to the DOM copy event', ctrl('c'), 'board', null],
    ['Ctrl+V on the board is left to the DOM paste event', ctrl('v'), 'board', null],
    ['Ctrl+X in the outline is left to the DOM cut event', ctrl('x'), 'tree', null],
    ['Ctrl+Z in the outline undoes', ctrl('z'), 'tree', { type: 'action', id: 'edit.undo' }],
    ['a digit in the outline does not add a card', key('1'), 'tree', null],
    ['Delete on a toolbar button does nothing', key('Delete'), 'control', null],
    ['arrow keys on a button are left to the widget', key('ArrowDown'), 'control', null],
    [
      '? on a button opens the shortcut sheet',
      key('?', { shiftKey: true }),
      'control',
      { type: 'action', id: 'help.shortcuts' },
    ],
    [
      '? in the outline opens the shortcut sheet',
      key('?', { shiftKey: true }),
      'tree',
      { type: 'action', id: 'help.shortcuts' },
    ],
    ['? in a text field is typing', key('?', { shiftKey: true }), 'text', null],
    ['nothing happens behind a modal dialog', ctrl('z'), 'dialog', null],
    [
      'Escape on the board clears the selection',
      key('Escape'),
      'board',
      { type: 'action', id: 'edit.selectNone' },
    ],
  ])('%s', (_name, e, zone, expected) => {
    expect(decideKey(e, zone)).toEqual(expected);
  });

  it('uses Cmd rather than Ctrl on a Mac', () => {
    expect(decideKey(key('z', { metaKey: true }), 'board', true)).toEqual({
      type: 'action',
      id: 'edit.undo',
    });
    expect(decideKey(ctrl('z'), 'board', true)).toBeNull();
    expect(decideKey(key('=', { metaKey: true }), 'text', true)).toEqual({
      type: 'action',
      id: 'view.zoomIn',
    });
  });
});

describe('zoneOf', () => {
  const el = (matches: string[]) => ({ closest: (s: string) => (matches.includes(s) ? {} : null) });
  const notText = () => false;
  it('treats nothing focused (the page body) as the board', () => {
    expect(zoneOf(null, false, notText)).toBe('board');
    expect(zoneOf(el([]), true, notText)).toBe('board');
  });
  it('puts anything inside an open dialog in the dialog zone, even a text field', () => {
    expect(zoneOf(el(['dialog[open]']), false, () => true)).toBe('dialog');
  });
  it('prefers text over the tree, so the inline editor in the outline gets its typing', () => {
    expect(zoneOf(el(['[role="tree"]']), false, () => true)).toBe('text');
    expect(zoneOf(el(['[role="tree"]']), false, notText)).toBe('tree');
  });
  it('knows the board host and calls everything else a control', () => {
    expect(zoneOf(el(['[data-zone="board"]']), false, notText)).toBe('board');
    expect(zoneOf(el([]), false, notText)).toBe('control');
  });
});
