/**
 * A WorkshopManager on temporary folders, with the Electron boundary (windows, dialogs) replaced
 * by recorders, and a renderer-side Y.Doc that sends its updates like the real renderer does.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { createCard } from '../../../../shared/doc';
import type {
  OpenOutcome,
  OpenedWorkshopInfo,
  RecentEntry,
  SaveStateEvent,
} from '../../../../shared/ipc/workshop-schemas';
import { WorkshopManager, type ManagerOptions } from '../../../../electron/storage/workshop-manager';
import { AUTHOR, ManualScheduler } from '../../shared/storage/helpers';

export class FakeWindows {
  private nextId = 1;
  readonly open: number[] = [];
  readonly focused: number[] = [];
  readonly notified: number[] = [];
  readonly saveStates: { windowId: number; event: SaveStateEvent }[] = [];
  readonly shown = new Map<number, { name: string; path: string } | null>();

  openWindow(): number {
    const id = this.nextId++;
    this.open.push(id);
    return id;
  }
  focus(id: number) {
    this.focused.push(id);
  }
  list() {
    return [...this.open];
  }
  notifyOpenRequested(id: number) {
    this.notified.push(id);
  }
  sendSaveState(windowId: number, event: SaveStateEvent) {
    this.saveStates.push({ windowId, event });
  }
  showWorkshop(id: number, shown: { name: string; path: string } | null) {
    this.shown.set(id, shown && { name: shown.name, path: shown.path });
  }
}

export interface Harness {
  readonly dir: string;
  readonly workshopsFolder: string;
  readonly dataFolder: string;
  readonly manager: WorkshopManager;
  readonly windows: FakeWindows;
  readonly scheduler: ManualScheduler;
  /** What the next dialogs answer (null: the person cancels). */
  dialogAnswers: { open: string | null; saveAs: string | null };
  recentChanges: RecentEntry[][];
  clock: { now: number };
  makeManager(overrides?: Partial<ManagerOptions>): WorkshopManager;
  /** Save state kinds sent for one handle, in order. */
  saveStatesOf(handle: string): string[];
}

export async function withHarness(
  run: (h: Harness) => Promise<void>,
  overrides: Partial<ManagerOptions> = {},
): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'dreamboard-workshops-'));
  const windows = new FakeWindows();
  const scheduler = new ManualScheduler();
  const clock = { now: 1_750_000_000_000 };
  const harness = {
    dir,
    workshopsFolder: join(dir, 'Documents', 'Dreamboard'),
    dataFolder: join(dir, 'userData'),
    windows,
    scheduler,
    clock,
    dialogAnswers: { open: null as string | null, saveAs: null as string | null },
    recentChanges: [] as RecentEntry[][],
  } as Harness & { manager: WorkshopManager };
  const { mkdir } = await import('node:fs/promises');
  await mkdir(harness.dataFolder, { recursive: true });
  harness.makeManager = (more = {}) =>
    new WorkshopManager({
      windows,
      dialogs: {
        chooseWorkshopToOpen: () => Promise.resolve(harness.dialogAnswers.open),
        chooseSaveAsPath: () => Promise.resolve(harness.dialogAnswers.saveAs),
      },
      workshopsFolder: harness.workshopsFolder,
      dataFolder: harness.dataFolder,
      onRecentChanged: (entries) => harness.recentChanges.push(entries),
      scheduler,
      now: () => clock.now,
      pid: 4242,
      hostname: 'this-laptop',
      isProcessAlive: (pid) => pid === 4242,
      log: () => undefined,
      ...overrides,
      ...more,
    });
  harness.saveStatesOf = (handle) =>
    windows.saveStates.filter((s) => s.event.handle === handle).map((s) => s.event.state.kind);
  harness.manager = harness.makeManager();
  try {
    await run(harness);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function opened(outcome: OpenOutcome): OpenedWorkshopInfo {
  if (outcome.kind !== 'opened') throw new Error(`expected opened, got ${JSON.stringify(outcome)}`);
  return outcome.workshop;
}

/** The renderer's side: a Y.Doc loaded from the opened state whose every update goes to `send`. */
export function rendererDoc(workshop: OpenedWorkshopInfo, send: (update: Uint8Array) => void): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, workshop.state, 'load');
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'load') send(update);
  });
  return doc;
}

export function addNote(doc: Y.Doc, text: string): string {
  return createCard(doc, { kind: 'note', x: 0, y: 0, text }, AUTHOR);
}

export function cardTexts(state: Uint8Array): string[] {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const texts = [...doc.getMap<Y.Map<unknown>>('cards').values()].map((card) => String(card.get('text')));
  doc.destroy();
  return texts.sort();
}
