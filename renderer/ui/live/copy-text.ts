import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Copies text for the "Copy code" and "Copy link" buttons. The async clipboard API is refused in
 * some hosts (Electron denies it to pages; a browser may ask); execCommand on a hidden field
 * needs no permission. Returns whether it worked, so the button can say so or say what to do.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const field = document.createElement('textarea');
    field.value = text;
    field.setAttribute('readonly', '');
    field.className = 'visually-hidden';
    const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // Inside an open modal <dialog> so the field is not inert, and focus comes back after.
    (document.querySelector('dialog[open]') ?? document.body).append(field);
    field.select();
    // Deprecated, but still the one way that needs no permission.
    const done = document.execCommand('copy');
    field.remove();
    active?.focus();
    return done;
  }
}

/** A message after copying ("Code copied"), cleared after a few seconds. */
export function useCopyMessage(): [string, (text: string, what: string) => void] {
  const [message, setMessage] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  const copy = useCallback((text: string, what: string) => {
    void copyText(text).then((ok) => {
      setMessage(
        ok ? `${what} copied` : `Could not copy. Select the ${what.toLowerCase()} and press Ctrl+C.`,
      );
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => setMessage(''), 5000);
    });
  }, []);
  return [message, copy];
}
