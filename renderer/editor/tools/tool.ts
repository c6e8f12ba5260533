import type { Editor } from '../editor';
import type { Point } from '../geometry';
import type { HitTarget } from '../hit-test';
import type { ToolId } from '../state';

export interface Modifiers {
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
}

/** A pointer event as tools see it: normalised by the InputController, with its hit target. */
export interface PointerInfo extends Modifiers {
  /** Relative to the board's top-left corner, in CSS pixels. */
  readonly screen: Point;
  /** The same point in world units under the camera at the time of the event. */
  readonly world: Point;
  /** Which button changed (0 primary, 1 middle, 2 secondary), as in DOM PointerEvent.button. */
  readonly button: number;
  /** Which buttons are held, as in DOM PointerEvent.buttons. */
  readonly buttons: number;
  /** What is under the pointer (resolved lazily: only states that read it pay for it). */
  readonly target: HitTarget;
}

/** Screen pixels the pointer must travel before a press becomes a drag. */
export const DRAG_THRESHOLD_PX = 4;

export const isDrag = (from: PointerInfo, to: PointerInfo): boolean =>
  Math.hypot(to.screen.x - from.screen.x, to.screen.y - from.screen.y) >= DRAG_THRESHOLD_PX;

export const isAdditive = (m: Modifiers): boolean => m.shiftKey || m.ctrlKey || m.metaKey;

/**
 * One state of a tool. Each state handles only its own events and moves on with
 * `this.tool.transition(new NextState(...))`; gesture data lives in the state object, so a new
 * gesture never sees leftovers of the previous one.
 */
export abstract class ToolState {
  abstract readonly name: string;

  constructor(protected readonly tool: Tool) {}

  protected get editor(): Editor {
    return this.tool.editor;
  }

  /** True while a gesture is under way (anything but idle): Escape cancels it. */
  get isGesture(): boolean {
    return true;
  }

  onEnter?(): void;
  onExit?(): void;
  onPointerDown?(e: PointerInfo): void;
  onPointerMove?(e: PointerInfo): void;
  onPointerUp?(e: PointerInfo): void;
  onDoubleClick?(e: PointerInfo): void;
  /** Escape, a lost pointer or a tool switch: drop previews, restore, and return to idle. */
  onCancel?(): void;
}

/** A tool: a small state machine whose current state gets the events. */
export class Tool {
  private state: ToolState;

  constructor(
    readonly id: ToolId,
    readonly editor: Editor,
    private readonly makeIdle: (tool: Tool) => ToolState,
  ) {
    this.state = makeIdle(this);
  }

  get current(): ToolState {
    return this.state;
  }

  /** "select.translating" and so on; mirrored into editor.state.toolPath. */
  get path(): string {
    return `${this.id}.${this.state.name}`;
  }

  /** Makes this tool the active one, starting from idle. */
  enter(): void {
    this.state = this.makeIdle(this);
    this.editor.store.set({ toolPath: this.path });
    this.state.onEnter?.();
  }

  transition(next: ToolState): void {
    this.state.onExit?.();
    this.state = next;
    this.editor.store.set({ toolPath: this.path });
    next.onEnter?.();
  }

  toIdle(): void {
    this.transition(this.makeIdle(this));
  }

  /** Abandons whatever gesture is running. */
  cancel(): void {
    if (!this.state.isGesture) return;
    if (this.state.onCancel) this.state.onCancel();
    else this.toIdle();
  }
}

/** Base for idle states: not a gesture, so Escape falls through to the board's shortcuts. */
export abstract class IdleState extends ToolState {
  readonly name = 'idle';
  override get isGesture(): boolean {
    return false;
  }
}
