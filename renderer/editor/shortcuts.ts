/**
 * Matching Electron accelerator strings ("CmdOrCtrl+Shift+Z") against keyboard events, so the
 * native menus and the in-page handler share one set of shortcuts.
 */
export interface KeyLike {
  readonly key: string;
  readonly code?: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

interface Parsed {
  readonly mod: boolean;
  readonly shift: boolean;
  readonly alt: boolean;
  readonly key: string;
}

const KEY_NAMES: Record<string, string> = {
  up: 'arrowup',
  down: 'arrowdown',
  left: 'arrowleft',
  right: 'arrowright',
  esc: 'escape',
  escape: 'escape',
  enter: 'enter',
  return: 'enter',
  delete: 'delete',
  backspace: 'backspace',
  plus: '+',
  space: ' ',
  tab: 'tab',
};

export function parseAccelerator(accel: string): Parsed {
  // "CmdOrCtrl++" and "+" end in the key "+": split on "+" only before that last character.
  const parts = accel.endsWith('+')
    ? [...accel.slice(0, -1).split('+').filter(Boolean), '+']
    : accel.split('+');
  const key = parts.pop()!.toLowerCase();
  const mods = new Set(parts.map((p) => p.toLowerCase()));
  return {
    mod:
      mods.has('cmdorctrl') ||
      mods.has('commandorcontrol') ||
      mods.has('ctrl') ||
      mods.has('cmd') ||
      mods.has('command'),
    shift: mods.has('shift'),
    alt: mods.has('alt') || mods.has('option'),
    key: KEY_NAMES[key] ?? key,
  };
}

/** True when the accelerator has no Ctrl/Cmd/Alt: such keys are for the board, not for text fields. */
export function isBareKey(accel: string): boolean {
  const p = parseAccelerator(accel);
  return !p.mod && !p.alt;
}

export function matchesAccelerator(accel: string, e: KeyLike, isMac = false): boolean {
  const p = parseAccelerator(accel);
  const mod = isMac ? e.metaKey : e.ctrlKey;
  const otherMod = isMac ? e.ctrlKey : e.metaKey;
  if (p.mod !== mod || otherMod || p.alt !== e.altKey) return false;
  const key = e.key.toLowerCase();
  // Digits with Shift produce "!" etc. on the key; compare the physical digit instead.
  if (/^[0-9]$/.test(p.key)) {
    return (
      p.shift === e.shiftKey && (e.code === `Digit${p.key}` || e.code === `Numpad${p.key}` || key === p.key)
    );
  }
  // Punctuation such as "?" or "+" already implies Shift on most layouts: do not require it to match.
  if (/^[^a-z0-9]$/.test(p.key) && p.key !== ' ') {
    if (key === p.key) return !p.shift || e.shiftKey;
    // Alt changes the character on macOS; compare the physical key for bracket shortcuts.
    if (p.key === ']' && e.code === 'BracketRight') return p.shift === e.shiftKey;
    if (p.key === '[' && e.code === 'BracketLeft') return p.shift === e.shiftKey;
    return false;
  }
  if (p.shift !== e.shiftKey) return false;
  if (/^[a-z]$/.test(p.key) && e.code) return e.code === `Key${p.key.toUpperCase()}` || key === p.key;
  return key === p.key;
}

/** Human-readable form of an accelerator for the shortcut sheet and tooltips. */
export function describeAccelerator(accel: string, isMac = false): string {
  const p = parseAccelerator(accel);
  const names: Record<string, string> = {
    arrowup: '↑',
    arrowdown: '↓',
    arrowleft: '←',
    arrowright: '→',
    escape: 'Esc',
    enter: 'Enter',
    delete: 'Delete',
    backspace: 'Backspace',
    ' ': 'Space',
  };
  const key = names[p.key] ?? p.key.toUpperCase();
  const parts = [
    p.mod ? (isMac ? '⌘' : 'Ctrl') : '',
    p.alt ? (isMac ? '⌥' : 'Alt') : '',
    p.shift ? (isMac ? '⇧' : 'Shift') : '',
    key,
  ];
  return parts.filter(Boolean).join(isMac ? '' : '+');
}
