import { boxFromPoints } from '../../geometry';
import { itemsInBox } from '../../hit-test';
import { isAdditive, ToolState, type PointerInfo, type Tool } from '../tool';

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean =>
  a.size === b.size && [...a].every((id) => b.has(id));

/**
 * Marquee selection. The selection follows the rectangle live; with Shift/Ctrl/Cmd it adds to
 * what was selected before. Escape puts the old selection back.
 */
export class Brushing extends ToolState {
  readonly name = 'brushing';
  private initial: ReadonlySet<string> = new Set();

  constructor(
    tool: Tool,
    private readonly origin: PointerInfo,
    private readonly first: PointerInfo,
  ) {
    super(tool);
  }

  override onEnter(): void {
    this.initial = this.editor.state.selection;
    this.update(this.first);
  }

  override onPointerMove(e: PointerInfo): void {
    this.update(e);
  }

  override onPointerUp(e: PointerInfo): void {
    this.update(e);
    this.editor.store.set({ marquee: null });
    this.tool.toIdle();
  }

  override onCancel(): void {
    this.editor.store.set({ marquee: null, selection: this.initial });
    this.tool.toIdle();
  }

  private update(e: PointerInfo): void {
    const marquee = boxFromPoints(this.origin.world, e.world);
    const next = new Set(isAdditive(this.origin) ? this.initial : []);
    for (const id of itemsInBox(this.editor.snapshot, marquee)) next.add(id);
    // Keep the same Set when nothing changed, so panels that watch the selection do not re-render.
    const selection = sameSet(next, this.editor.state.selection) ? this.editor.state.selection : next;
    this.editor.store.set({ marquee, selection, editing: null });
  }
}
