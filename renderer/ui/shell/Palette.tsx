import { useRef, useState } from 'react';
import { CARD_KINDS, CARD_KIND_INFO, type CardKind } from '../../../shared/model';
import { addCard } from '../../editor/edit-commands';
import type { ToolId } from '../../editor/state';
import { useEditor, useEditorState, useSnapshot } from '../../app/hooks';
import { Icon, type IconName } from '../Icon';
import { KindSwatch } from '../KindIcon';
import { rovingIndex } from '../roving';

/** The drag type the board accepts; its value is a card kind. */
export const KIND_DRAG_TYPE = 'application/x-dreamboard-kind';

const TOOLS: readonly { id: ToolId; label: string; icon: IconName; hint: string }[] = [
  { id: 'select', label: 'Select', icon: 'select', hint: 'Select and move things' },
  { id: 'hand', label: 'Move the view', icon: 'hand', hint: 'Drag to move around the board' },
  { id: 'connect', label: 'Connect', icon: 'connect', hint: 'Drag from one card to another to connect them' },
  { id: 'frame', label: 'Frame', icon: 'frame', hint: 'Drag on the board to draw a new area' },
];

/**
 * The left toolbar: tools, then one button per card kind. One tab stop; arrow keys, Home and End
 * move between buttons (WAI-ARIA toolbar). A kind button adds a card at a free spot when pressed,
 * or where it is dropped when dragged onto the board.
 */
export function Palette() {
  const editor = useEditor();
  const tool = useEditorState((s) => s.tool);
  const readOnly = useSnapshot().readOnly;
  const [active, setActive] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const count = TOOLS.length + CARD_KINDS.length;

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const next = rovingIndex(count, active, e.key, 'vertical');
    if (next === null) return;
    e.preventDefault();
    // The document-level handler must not also treat the arrow as "move the selection".
    e.stopPropagation();
    setActive(next);
    buttons.current[next]?.focus();
  };

  const setTool = (id: ToolId) => editor.store.set({ tool: id, toolPath: `${id}.idle` });
  const add = (kind: CardKind) => addCard(editor, kind, { edit: true });

  const refAt = (i: number) => (el: HTMLButtonElement | null) => {
    buttons.current[i] = el;
  };

  return (
    <nav className="palette" aria-label="Tools and cards">
      <div role="toolbar" aria-orientation="vertical" aria-label="Tools and cards" onKeyDown={onKeyDown}>
        <div role="group" aria-labelledby="palette-tools">
          <h2 className="palette-heading" id="palette-tools">
            Tools
          </h2>
          {TOOLS.map((t, i) => (
            <button
              key={t.id}
              ref={refAt(i)}
              type="button"
              className="palette-button tool"
              tabIndex={i === active ? 0 : -1}
              aria-pressed={tool === t.id}
              title={t.hint}
              onFocus={() => setActive(i)}
              onClick={() => setTool(t.id)}
            >
              <Icon name={t.icon} />
              <span className="palette-label">{t.label}</span>
            </button>
          ))}
        </div>
        <div role="group" aria-labelledby="palette-cards">
          <h2 className="palette-heading" id="palette-cards">
            Add a card
          </h2>
          {CARD_KINDS.map((kind, k) => {
            const i = TOOLS.length + k;
            const info = CARD_KIND_INFO[kind];
            return (
              <button
                key={kind}
                ref={refAt(i)}
                type="button"
                className="palette-button kind"
                tabIndex={i === active ? 0 : -1}
                draggable={!readOnly}
                aria-disabled={readOnly || undefined}
                aria-label={`Add a ${info.label.toLowerCase()} card`}
                aria-keyshortcuts={info.key.toUpperCase()}
                title={`${info.hint}. Press to add one, or drag it onto the board. Key: ${info.key.toUpperCase()}`}
                onFocus={() => setActive(i)}
                onClick={() => add(kind)}
                onDragStart={(e) => {
                  e.dataTransfer.setData(KIND_DRAG_TYPE, kind);
                  e.dataTransfer.setData('text/plain', info.label);
                  e.dataTransfer.effectAllowed = 'copy';
                }}
              >
                <KindSwatch kind={kind} />
                <span className="palette-label">{info.label}</span>
                <kbd className="key-hint" aria-hidden="true">
                  {info.key.toUpperCase()}
                </kbd>
              </button>
            );
          })}
        </div>
      </div>
    </nav>
  );
}
