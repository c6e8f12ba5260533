import { describe, expect, it } from 'vitest';
import { ACTIONS } from '../../../../shared/actions/catalog';
import { CARD_KINDS } from '../../../../shared/model';
import { shortcutSections } from '../../../../renderer/ui/dialogs/shortcut-list';
import { participantId, type KeyValueStore } from '../../../../renderer/app/participant';
import { rovingIndex } from '../../../../renderer/ui/roving';
import { describeProblems } from '../../../../renderer/ui/shell/problems';

describe('rovingIndex', () => {
  it('moves with arrows, wraps at the ends, and jumps with Home and End', () => {
    expect(rovingIndex(5, 0, 'ArrowDown', 'vertical')).toBe(1);
    expect(rovingIndex(5, 4, 'ArrowDown', 'vertical')).toBe(0);
    expect(rovingIndex(5, 0, 'ArrowUp', 'vertical')).toBe(4);
    expect(rovingIndex(5, 2, 'Home')).toBe(0);
    expect(rovingIndex(5, 2, 'End')).toBe(4);
  });
  it('ignores the cross axis in a one-way toolbar and non-navigation keys', () => {
    expect(rovingIndex(5, 1, 'ArrowRight', 'vertical')).toBeNull();
    expect(rovingIndex(5, 1, 'ArrowRight', 'both')).toBe(2);
    expect(rovingIndex(5, 1, 'a')).toBeNull();
    expect(rovingIndex(0, 0, 'ArrowDown')).toBeNull();
  });
});

describe('shortcutSections', () => {
  const all = shortcutSections(false);
  const rows = all.flatMap((s) => s.rows);
  it('lists every action in the catalog that has a shortcut', () => {
    for (const spec of ACTIONS.filter((a) => 'shortcut' in a && a.shortcut)) {
      expect(rows.map((r) => r.what)).toContain(spec.label.replace(/…$/, ''));
    }
  });
  it('lists one key per card kind, the outline keys and the mouse gestures', () => {
    const kinds = all.find((s) => s.title.startsWith('Adding a card of a kind'))!;
    expect(kinds.rows).toHaveLength(CARD_KINDS.length);
    expect(kinds.rows.map((r) => r.keys[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', 'N']);
    expect(all.map((s) => s.title)).toEqual(
      expect.arrayContaining(['In the outline', 'With a mouse or touchpad']),
    );
  });
  it('writes keys for people: Ctrl on Windows and Linux, symbols on a Mac', () => {
    expect(rows.find((r) => r.what === 'Undo')!.keys).toEqual(['Ctrl+Z']);
    expect(
      shortcutSections(true)
        .flatMap((s) => s.rows)
        .find((r) => r.what === 'Undo')!.keys,
    ).toEqual(['⌘Z']);
    expect(rows.find((r) => r.what === 'Redo')!.keys).toEqual(['Ctrl+Shift+Z', 'Ctrl+Y']);
  });
});

describe('participantId', () => {
  const memory = (): KeyValueStore & { data: Map<string, string> } => {
    const data = new Map<string, string>();
    return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
  };
  it('makes an anonymous id once and keeps it', () => {
    const store = memory();
    const first = participantId(store);
    expect(first).toMatch(/^[0-9A-Za-z]{16}$/);
    expect(participantId(store)).toBe(first);
  });
  it('replaces a stored value that is not an id (someone edited storage)', () => {
    const store = memory();
    store.setItem('dreamboard.participantId', '<script>');
    expect(participantId(store)).toMatch(/^[0-9A-Za-z]{16}$/);
  });
  it('still works when storage is missing or throws', () => {
    expect(participantId(null)).toMatch(/^[0-9A-Za-z]{16}$/);
    const broken: KeyValueStore = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(participantId(broken)).toMatch(/^[0-9A-Za-z]{16}$/);
  });
});

describe('describeProblems', () => {
  it('groups records by what and why, in plain words, without their content', () => {
    const lines = describeProblems([
      { collection: 'cards', id: 'a', reason: 'kind: Invalid option' },
      { collection: 'cards', id: 'b', reason: 'x: Too big' },
      { collection: 'frames', id: 'c', reason: 'title: Expected string' },
      { collection: 'connectors', id: 'd', reason: 'links to a card that is not there' },
    ]);
    expect(lines).toEqual([
      '2 cards: have information Dreamboard cannot read',
      '1 frame: has information Dreamboard cannot read',
      '1 connection: links to something that is missing',
    ]);
  });
});
