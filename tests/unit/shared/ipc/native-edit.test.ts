import { describe, expect, it } from 'vitest';
import { ACTIONS } from '../../../../shared/actions/catalog';
import { NATIVE_EDIT_COMMANDS } from '../../../../shared/ipc/contract';
import { nativeEditCommandFor } from '../../../../shared/ipc/native-edit';
import { formatWindowTitle } from '../../../../shared/ipc/window-title';

describe('native edit commands for text fields', () => {
  it('maps the clipboard, history, select-all and delete actions to native commands', () => {
    expect(nativeEditCommandFor('edit.copy')).toBe('copy');
    expect(nativeEditCommandFor('edit.paste')).toBe('paste');
    expect(nativeEditCommandFor('edit.cut')).toBe('cut');
    expect(nativeEditCommandFor('edit.undo')).toBe('undo');
    expect(nativeEditCommandFor('edit.redo')).toBe('redo');
    expect(nativeEditCommandFor('edit.selectAll')).toBe('selectAll');
    expect(nativeEditCommandFor('edit.delete')).toBe('delete');
  });

  it('leaves canvas-only actions to the canvas', () => {
    expect(nativeEditCommandFor('edit.duplicate')).toBeUndefined();
    expect(nativeEditCommandFor('insert.card')).toBeUndefined();
  });

  it('covers every native command with some catalog action', () => {
    const mapped = new Set(
      ACTIONS.map((action) => nativeEditCommandFor(action.id)).filter((command) => command !== undefined),
    );
    expect([...mapped].sort()).toEqual([...NATIVE_EDIT_COMMANDS].sort());
  });
});

describe('window titles', () => {
  it('names the workshop, says in words whether it is saved, and ends with the app name', () => {
    expect(formatWindowTitle({ title: 'Homecare', savedState: 'saved' })).toBe('Homecare — Dreamboard');
    expect(formatWindowTitle({ title: 'Homecare', savedState: 'unsaved' })).toBe(
      'Homecare (unsaved changes) — Dreamboard',
    );
    expect(formatWindowTitle({ title: 'Homecare', savedState: 'saving' })).toBe(
      'Homecare (saving…) — Dreamboard',
    );
    expect(formatWindowTitle({ title: 'Homecare', savedState: 'error' })).toBe(
      'Homecare (not saved) — Dreamboard',
    );
  });

  it('calls a blank title an untitled workshop', () => {
    expect(formatWindowTitle({ title: '   ', savedState: 'saved' })).toBe('Untitled workshop — Dreamboard');
  });
});
