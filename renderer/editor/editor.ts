import type { DocSnapshot } from '../../shared/doc';
import { cardsInZOrder } from '../../shared/doc';
import type { Card, CardId, Connector, ConnectorId, Frame, FrameId } from '../../shared/model';
import type { DocSession } from '../session/session';
import { centerOn, fitBox, stepZoom, visibleWorld, zoomAt, type Camera, type Viewport } from './camera';
import { boxCenter, unionBoxes, type Box, type Point } from './geometry';
import { initialEditorState, type EditingTarget, type EditorState } from './state';
import { Store } from './store';

export type SelectMode = 'replace' | 'add' | 'toggle';

/**
 * The editor engine: local view state plus the commands people run. It has no UI: the canvas, the
 * outline and the action registry all drive the same methods, so the keyboard and screen-reader
 * paths do exactly what the mouse does.
 */
export class Editor {
  readonly store = new Store<EditorState>(initialEditorState);

  constructor(readonly session: DocSession) {
    // Keep the selection honest when records disappear (a peer deleted them, or undo did).
    session.own(
      session.index.subscribe((snap) => {
        const { selection, editing } = this.store.get();
        const kept = [...selection].filter((id) => this.exists(snap, id));
        if (kept.length !== selection.size) this.store.set({ selection: new Set(kept) });
        if (editing && !this.exists(snap, editing.id)) this.store.set({ editing: null });
      }),
    );
  }

  get state(): EditorState {
    return this.store.get();
  }

  get snapshot(): DocSnapshot {
    return this.session.snapshot();
  }

  get readOnly(): boolean {
    return this.snapshot.readOnly;
  }

  announce(message: string): void {
    // Re-setting the same text would not be re-read by screen readers; a trailing zero-width space toggles.
    const prev = this.state.announcement;
    this.store.set({ announcement: prev === message ? `${message}\u200b` : message });
  }

  // ----- lookup -----------------------------------------------------------------------------

  exists(snap: DocSnapshot, id: string): boolean {
    return (
      snap.cards.has(id as CardId) || snap.frames.has(id as FrameId) || snap.connectors.has(id as ConnectorId)
    );
  }

  card(id: string): Card | undefined {
    return this.snapshot.cards.get(id as CardId);
  }
  frame(id: string): Frame | undefined {
    return this.snapshot.frames.get(id as FrameId);
  }
  connector(id: string): Connector | undefined {
    return this.snapshot.connectors.get(id as ConnectorId);
  }

  /** Geometry as shown now: a gesture preview if one is running, else the stored box. */
  boxOf(id: string): Box | undefined {
    const preview = this.state.preview?.get(id);
    if (preview) return preview;
    return this.card(id) ?? this.frame(id);
  }

  selectedCards(): Card[] {
    const snap = this.snapshot;
    return [...this.state.selection].map((id) => snap.cards.get(id as CardId)).filter((c): c is Card => !!c);
  }
  selectedFrames(): Frame[] {
    const snap = this.snapshot;
    return [...this.state.selection]
      .map((id) => snap.frames.get(id as FrameId))
      .filter((f): f is Frame => !!f);
  }
  selectedConnectors(): Connector[] {
    const snap = this.snapshot;
    return [...this.state.selection]
      .map((id) => snap.connectors.get(id as ConnectorId))
      .filter((c): c is Connector => !!c);
  }

  // ----- selection --------------------------------------------------------------------------

  select(ids: Iterable<string>, mode: SelectMode = 'replace'): void {
    const snap = this.snapshot;
    const wanted = [...ids].filter((id) => this.exists(snap, id));
    let next: Set<string>;
    if (mode === 'replace') next = new Set(wanted);
    else {
      next = new Set(this.state.selection);
      for (const id of wanted) {
        if (mode === 'toggle' && next.has(id)) next.delete(id);
        else next.add(id);
      }
    }
    this.store.set({ selection: next, editing: null });
  }

  selectAll(): void {
    const snap = this.snapshot;
    this.select([...snap.cards.keys(), ...snap.frames.keys()]);
    this.announce(`${this.state.selection.size} items selected`);
  }

  selectNone(): void {
    if (this.state.editing) this.store.set({ editing: null });
    else this.store.set({ selection: new Set(), pendingConnector: null });
  }

  isSelected(id: string): boolean {
    return this.state.selection.has(id);
  }

  // ----- in-place editing -------------------------------------------------------------------

  startEditing(target: EditingTarget): void {
    if (this.readOnly) return;
    const frame = target.type === 'frame' ? this.frame(target.id) : undefined;
    if (frame?.locked) return;
    this.store.set({ editing: target, selection: new Set([target.id]) });
  }

  stopEditing(): void {
    this.store.set({ editing: null });
  }

  // ----- history ----------------------------------------------------------------------------

  undo(): void {
    this.store.set({ editing: null, preview: null });
    if (this.session.undoManager.canUndo()) {
      this.session.undoManager.undo();
      this.announce('Undone');
    } else this.announce('Nothing to undo');
  }

  redo(): void {
    this.store.set({ editing: null, preview: null });
    if (this.session.undoManager.canRedo()) {
      this.session.undoManager.redo();
      this.announce('Redone');
    } else this.announce('Nothing to redo');
  }

  // ----- camera -----------------------------------------------------------------------------

  setCamera(camera: Camera): void {
    this.store.set({ camera });
  }

  setViewport(viewport: Viewport): void {
    const prev = this.state.viewport;
    if (prev.w === viewport.w && prev.h === viewport.h) return;
    this.store.set({ viewport });
  }

  panBy(dx: number, dy: number): void {
    const c = this.state.camera;
    this.setCamera({ ...c, x: c.x + dx, y: c.y + dy });
  }

  zoomBy(direction: 1 | -1, around?: Point): void {
    const { camera, viewport } = this.state;
    const at = around ?? { x: viewport.w / 2, y: viewport.h / 2 };
    this.setCamera(zoomAt(camera, at, stepZoom(camera.zoom, direction)));
  }

  zoomTo(zoom: number, around?: Point): void {
    const { camera, viewport } = this.state;
    this.setCamera(zoomAt(camera, around ?? { x: viewport.w / 2, y: viewport.h / 2 }, zoom));
  }

  /** Everything, frames and cards, in view. */
  contentBounds(): Box | null {
    const snap = this.snapshot;
    return unionBoxes([...snap.frames.values(), ...snap.cards.values()]);
  }

  zoomToFit(): void {
    const bounds = this.contentBounds();
    if (!bounds)
      return this.setCamera({ x: this.state.viewport.w / 2, y: this.state.viewport.h / 2, zoom: 1 });
    this.setCamera(fitBox(bounds, this.state.viewport));
  }

  zoomToSelection(): void {
    const boxes = [...this.state.selection].map((id) => this.boxOf(id)).filter((b): b is Box => !!b);
    const bounds = unionBoxes(boxes);
    if (!bounds) return this.zoomToFit();
    this.setCamera(fitBox(bounds, this.state.viewport, 96, 2));
  }

  /** Brings an item into view without changing zoom unless it would not fit. */
  reveal(id: string): void {
    const box = this.boxOf(id);
    if (!box) return;
    const { camera, viewport } = this.state;
    const view = visibleWorld(camera, viewport);
    const inside =
      box.x >= view.x &&
      box.y >= view.y &&
      box.x + box.w <= view.x + view.w &&
      box.y + box.h <= view.y + view.h;
    if (inside) return;
    const fits = box.w * camera.zoom < viewport.w - 64 && box.h * camera.zoom < viewport.h - 64;
    this.setCamera(
      fits ? centerOn(boxCenter(box), viewport, camera.zoom) : fitBox(box, viewport, 64, camera.zoom),
    );
  }

  /** The world point at the centre of the screen: where keyboard-created things appear. */
  viewCenter(): Point {
    const v = visibleWorld(this.state.camera, this.state.viewport);
    return boxCenter(v);
  }

  /** Cards in z order (bottom first), for views that list them. */
  orderedCards(): readonly Card[] {
    return cardsInZOrder(this.snapshot);
  }
}
