import { useEffect, useId, useRef, useState } from 'react';
import type { ActionId } from '../../../shared/actions/catalog';
import { Icon, type IconName } from '../Icon';

export interface FileMenuProps {
  readonly run: (id: ActionId) => void;
  readonly where: 'desktop' | 'browser';
  /** The action's label with its shortcut, for the tooltip. */
  readonly describe: (id: ActionId) => string;
}

interface Item {
  readonly id: ActionId;
  readonly label: string;
  readonly icon: IconName;
}

/**
 * The file commands as a button in the top bar. The browser has no native menus, and Ctrl+N,
 * Ctrl+W belong to the browser itself, so without this there would be no way to them there.
 * A disclosure (a button that shows a list of buttons), which Tab and Enter already work with.
 */
export function FileMenu({ run, where, describe }: FileMenuProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const items: Item[] = [
    { id: 'file.new', label: 'New workshop', icon: 'plus' },
    { id: 'file.open', label: 'Open…', icon: 'file' },
    { id: 'file.saveAs', label: where === 'browser' ? 'Save a copy (download)' : 'Save as…', icon: 'file' },
    { id: 'file.rename', label: 'Rename workshop', icon: 'details' },
    { id: 'file.versionHistory', label: 'Version history…', icon: 'history' },
    { id: 'file.exportPlanPdf', label: 'Export…', icon: 'file' },
    { id: 'file.importCanvas', label: 'Import JSON Canvas…', icon: 'file' },
    { id: 'file.close', label: 'Close workshop', icon: 'close' },
  ];

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  return (
    <div
      className="file-menu"
      ref={root}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.preventDefault();
          e.stopPropagation();
          setOpen(false);
          toggle.current?.focus();
        }
      }}
      onBlur={(e) => {
        if (open && !e.currentTarget.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={toggle}
        type="button"
        className="text-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        <Icon name="file" /> File
      </button>
      <ul id={panelId} className="file-menu-panel" hidden={!open}>
        {items.map((item) => (
          <li key={item.id}>
            <button
              type="button"
              className="file-menu-item"
              title={describe(item.id)}
              onClick={() => {
                setOpen(false);
                // Focus returns to the File button first, so a dialog the action opens gives it back there.
                toggle.current?.focus();
                run(item.id);
              }}
            >
              <Icon name={item.icon} /> {item.label}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
