/**
 * The main process's workshop files: which window has which file open, under which handle; where
 * new workshops go; the recent list; what happens when the OS asks to open a file. Electron is
 * reached only through the small ports below (electron/main/workshop-channels.ts wires them), so
 * all of this runs and is tested under plain Node.
 *
 * Handles are random and belong to the window they were issued to. Every call names its window,
 * and a handle of another window is refused exactly like one that does not exist: a compromised
 * renderer can neither write into nor learn about another window's workshop.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createDoc, docFacts, type Doc } from '../../shared/doc/updates';
import { problemFromStorage } from '../../shared/ipc/file-problems';
import { docFromJoinedState, joinedFileBase } from '../../shared/ipc/joined-state';
import { fileBaseFromTitle, firstFreeName, WORKSHOP_EXTENSION } from '../../shared/ipc/workshop-names';
import type {
  CloseOutcome,
  FileProblem,
  HistoryEntry,
  HistoryLoadOutcome,
  NameOutcome,
  OpenOutcome,
  RecentEntry,
  SaveStateEvent,
  SaveStateView,
} from '../../shared/ipc/workshop-schemas';
import {
  createWorkshopFile,
  DEFAULT_HISTORY_POLICY,
  StorageError,
  type HistoryPolicy,
  type Scheduler,
} from '../../shared/storage';
import { applyTemplate, isKnownTemplate } from '../../shared/templates';
import { RequestRefusedError } from '../main/invoke-pipeline';
import { HistoryStore } from './history-store';
import { nodeScheduler, NodeVolume } from './node-volume';
import { OpenFile, type OpenFileDeps } from './open-file';
import { RecentList } from './recent-list';
import {
  alreadyOpen,
  canonical,
  checkWorkshopPath,
  pathExists,
  samePath,
  withExtension,
} from './workshop-paths';
import { isProcessAlive } from './workshop-lock';

/** The windows, as far as workshops are concerned. Ids are the windows' web contents ids. */
export interface WindowPort {
  /** A new window for a workshop opened from outside; its renderer collects it on load. */
  openWindow(): number;
  focus(windowId: number): void;
  /** Open windows, the focused one first. */
  list(): number[];
  notifyOpenRequested(windowId: number): void;
  sendSaveState(windowId: number, event: SaveStateEvent): void;
  /** Title, macOS proxy icon and edited dot; null when the window no longer shows a workshop. */
  showWorkshop(
    windowId: number,
    shown: { name: string; path: string; saveState: SaveStateView } | null,
  ): void;
}

export interface DialogPort {
  chooseWorkshopToOpen(windowId: number): Promise<string | null>;
  chooseSaveAsPath(windowId: number, suggestedPath: string): Promise<string | null>;
}

export interface ManagerOptions {
  readonly windows: WindowPort;
  readonly dialogs: DialogPort;
  /** Where New puts workshops (Documents/Dreamboard). */
  readonly workshopsFolder: string;
  /** The app's data folder: recent list and version history. */
  readonly dataFolder: string;
  /** The recent list changed: rebuild Open Recent, tell the OS. */
  readonly onRecentChanged?: (entries: RecentEntry[], openedPath: string | null) => void;
  readonly scheduler?: Scheduler;
  readonly now?: () => number;
  readonly historyPolicy?: HistoryPolicy;
  readonly pid?: number;
  readonly hostname?: string;
  readonly isProcessAlive?: (pid: number) => boolean;
  readonly log?: (message: string) => void;
}

/** Same words whether the handle is unknown or another window's (no probing). */
const NOT_YOURS = 'that workshop is not open in this window';

export class WorkshopManager {
  private readonly files = new Map<string, OpenFile>();
  private readonly pending = new Map<number, OpenOutcome[]>();
  private readonly recentList: RecentList;
  private readonly deps: OpenFileDeps;

  constructor(private readonly options: ManagerOptions) {
    const log = options.log ?? ((m: string) => console.warn(`[workshops] ${m}`));
    const scheduler = options.scheduler ?? nodeScheduler;
    const now = options.now ?? (() => Date.now());
    const historyPolicy = options.historyPolicy ?? DEFAULT_HISTORY_POLICY;
    this.recentList = new RecentList(options.dataFolder, log);
    this.deps = {
      volume: new NodeVolume(),
      scheduler,
      now,
      log,
      historyPolicy,
      history: new HistoryStore(join(options.dataFolder, 'history'), historyPolicy),
      lockEnv: {
        pid: options.pid ?? process.pid,
        hostname: options.hostname ?? hostname(),
        now,
        scheduler,
        isProcessAlive: options.isProcessAlive ?? isProcessAlive,
      },
    };
  }

  /** True while the window shows a workshop (main then owns its title). */
  windowHasWorkshop(windowId: number): boolean {
    return [...this.files.values()].some((f) => f.windowId === windowId);
  }

  async create(windowId: number, templateId: string, title?: string): Promise<OpenOutcome> {
    if (!isKnownTemplate(templateId)) throw new RequestRefusedError(`there is no template "${templateId}"`);
    const now = this.deps.now();
    const doc = createDoc();
    try {
      applyTemplate(doc, templateId, { now, ...(title === undefined ? {} : { title }) });
      return await this.createFile(windowId, doc, fileBaseFromTitle(title ?? docFacts(doc).title), now);
    } finally {
      doc.destroy();
    }
  }

  /**
   * A joined live session's workshop as a new file of this person's own, named after `title` like
   * New does. `state` came from peers: it is applied into a fresh document first (size-capped,
   * inside try/catch), and only that document is written, so bytes Yjs cannot read leave no file.
   */
  async createFromState(windowId: number, state: Uint8Array, title: string): Promise<OpenOutcome> {
    const read = docFromJoinedState(state);
    if (!read.ok) return { kind: 'problem', problem: read.problem };
    try {
      return await this.createFile(windowId, read.doc, joinedFileBase(title), this.deps.now());
    } finally {
      read.doc.destroy();
    }
  }

  /** Writes `doc` as a new file in the workshops folder ("Base", "Base 2"…) and opens it. */
  private async createFile(windowId: number, doc: Doc, base: string, now: number): Promise<OpenOutcome> {
    try {
      const folder = this.options.workshopsFolder;
      await fs.mkdir(folder, { recursive: true });
      // Exclusive create, so a name taken between the check and the write moves on to the next.
      for (let attempt = 0; attempt < 5; attempt++) {
        const fileName = await firstFreeName(base, (name) => pathExists(join(folder, name)));
        if (fileName === null) break;
        try {
          await createWorkshopFile(this.deps.volume, join(folder, fileName), doc, now);
          return await this.place(windowId, join(folder, fileName));
        } catch (error) {
          if (!(error instanceof StorageError)) throw error;
          if (error.code !== 'exists')
            return { kind: 'problem', problem: problemFromStorage(error.code, fileName, 'create') };
        }
      }
      return {
        kind: 'problem',
        problem: {
          code: 'exists',
          message: 'There are too many workshops with that name. Choose another title.',
        },
      };
    } catch (error) {
      if (error instanceof StorageError)
        return {
          kind: 'problem',
          problem: problemFromStorage(error.code, 'The Dreamboard folder', 'create'),
        };
      throw error;
    }
  }

  async openDialog(windowId: number): Promise<OpenOutcome> {
    const path = await this.options.dialogs.chooseWorkshopToOpen(windowId);
    return path === null ? { kind: 'cancelled' } : this.place(windowId, path);
  }

  /**
   * A path from outside the app's own dialogs (a file dropped on the window, via the preload).
   * Threat: a compromised preload or renderer using this to read arbitrary files. Only absolute
   * paths to regular files named *.dreamboard are opened, and only Dreamboard files decode.
   */
  async openPath(windowId: number, path: string): Promise<OpenOutcome> {
    const problem = await checkWorkshopPath(path);
    if (problem !== null) return { kind: 'problem', problem };
    return this.place(windowId, path);
  }

  async openRecent(windowId: number, id: string): Promise<OpenOutcome> {
    const path = await this.recentList.pathOf(id);
    if (path === null)
      return {
        kind: 'problem',
        problem: { code: 'not-found', message: 'That workshop is no longer in the recent list.' },
      };
    return this.place(windowId, path);
  }

  /**
   * The OS asked (double-click, second launch, macOS open-file, Open Recent in the menu): focus the
   * window that has it, else give it to a window showing no workshop, else to a new window.
   */
  async openFromOutside(path: string, preferredWindow: number | null = null): Promise<void> {
    const windows = this.options.windows.list();
    const ordered =
      preferredWindow === null ? windows : [preferredWindow, ...windows.filter((w) => w !== preferredWindow)];
    const idle = ordered.find((w) => !this.windowHasWorkshop(w) && !this.pending.get(w)?.length);
    // A busy window passes a successful open on to a new window (place); a problem is told there.
    const target = idle ?? ordered[0] ?? this.options.windows.openWindow();
    const problem = await checkWorkshopPath(path);
    const outcome =
      problem !== null ? ({ kind: 'problem', problem } as const) : await this.place(target, path);
    if (outcome.kind === 'elsewhere') return; // Focused where it already was, or a new window shows it.
    this.enqueue(target, outcome);
    this.options.windows.focus(target);
  }

  /** File → Open Recent in the native menu: like the OS asking, with the menu's window preferred. */
  async openRecentFromMenu(id: string, windowId: number | null): Promise<void> {
    const path = await this.recentList.pathOf(id);
    if (path !== null) await this.openFromOutside(path, windowId);
  }

  takeOpenRequests(windowId: number): OpenOutcome[] {
    const taken = this.pending.get(windowId) ?? [];
    this.pending.delete(windowId);
    return taken;
  }

  recent(): Promise<RecentEntry[]> {
    return this.recentList.listWithDetails();
  }

  async forgetRecent(id: string): Promise<void> {
    await this.recentList.forget(id);
    this.options.onRecentChanged?.(await this.recentList.list(), null);
  }

  record(windowId: number, handle: string, update: Uint8Array): void {
    const file = this.own(windowId, handle);
    try {
      file.record(update);
    } catch (error) {
      // Read-only workshop, or bytes Yjs cannot apply: refused, and nothing was recorded.
      throw new RequestRefusedError(error instanceof Error ? error.message : String(error));
    }
  }

  async saveAs(windowId: number, handle: string): Promise<NameOutcome> {
    const file = this.own(windowId, handle);
    const chosen = await this.options.dialogs.chooseSaveAsPath(windowId, file.path);
    if (chosen === null) return { kind: 'cancelled' };
    const target = withExtension(resolve(chosen));
    if (samePath(target, file.path)) return { kind: 'done', name: file.name };
    if (this.fileAt(target)) return { kind: 'problem', problem: alreadyOpen(target) };
    const from = file.path;
    const problem = await file.saveAs(target);
    if (problem) return { kind: 'problem', problem };
    await this.remember(target, from);
    this.showIn(file);
    return { kind: 'done', name: file.name };
  }

  async rename(windowId: number, handle: string, name: string): Promise<NameOutcome> {
    const file = this.own(windowId, handle);
    const target = join(dirname(file.path), `${name}${WORKSHOP_EXTENSION}`);
    if (target !== file.path && this.fileAt(target)) return { kind: 'problem', problem: alreadyOpen(target) };
    const from = file.path;
    const problem = await file.rename(target);
    this.showIn(file);
    if (problem) return { kind: 'problem', problem };
    if (from !== file.path) await this.remember(file.path, from);
    return { kind: 'done', name: file.name };
  }

  async close(windowId: number, handle: string): Promise<CloseOutcome> {
    const file = this.own(windowId, handle);
    const problem = await file.close();
    if (problem) return { kind: 'problem', problem };
    this.files.delete(handle);
    if (!this.windowHasWorkshop(windowId)) this.options.windows.showWorkshop(windowId, null);
    return { kind: 'closed' };
  }

  async history(windowId: number, handle: string): Promise<HistoryEntry[]> {
    return this.own(windowId, handle).history();
  }

  async loadHistory(windowId: number, handle: string, id: string): Promise<HistoryLoadOutcome> {
    const loaded = await this.own(windowId, handle).loadHistory(id);
    return loaded.ok ? { kind: 'loaded', state: loaded.state } : { kind: 'problem', problem: loaded.problem };
  }

  /**
   * Final save of every workshop of a closing window. Files that saved are closed; those that did
   * not stay open (with their data in memory, still retrying) and are returned, so the window
   * can stay and say so.
   */
  async closeWindow(windowId: number): Promise<FileProblem[]> {
    this.pending.delete(windowId);
    const problems: FileProblem[] = [];
    for (const file of [...this.files.values()].filter((f) => f.windowId === windowId)) {
      const problem = await file.close();
      if (problem) problems.push(problem);
      else this.files.delete(file.handle);
    }
    return problems;
  }

  /** Before quitting: every window's final save. Windows whose save failed are listed. */
  async closeAll(): Promise<{ windowId: number; problems: FileProblem[] }[]> {
    const windows = [...new Set([...this.files.values()].map((f) => f.windowId))];
    const results = await Promise.all(
      windows.map(async (windowId) => ({ windowId, problems: await this.closeWindow(windowId) })),
    );
    return results.filter((r) => r.problems.length > 0);
  }

  private own(windowId: number, handle: string): OpenFile {
    const file = this.files.get(handle);
    if (!file || file.windowId !== windowId) throw new RequestRefusedError(NOT_YOURS);
    return file;
  }

  private fileAt(path: string): OpenFile | undefined {
    return [...this.files.values()].find((f) => samePath(f.path, path));
  }

  /**
   * Opens `path` for `windowId`, or shows it where it already is. A window already showing a
   * workshop gets the new one in a new window (`elsewhere`), made only once the file has opened.
   */
  private async place(windowId: number, rawPath: string): Promise<OpenOutcome> {
    const path = await canonical(rawPath);
    const existing = this.fileAt(path);
    if (existing) {
      this.options.windows.focus(existing.windowId);
      return { kind: 'elsewhere' };
    }
    const handle = randomBytes(16).toString('hex');
    const opened = await OpenFile.open(path, handle, windowId, this.deps, (file, state) =>
      this.onSaveState(file, state),
    );
    if (!opened.ok) return { kind: 'problem', problem: opened.problem };
    // Two opens of one file can race through the awaits above: the second one yields.
    const raced = this.fileAt(path);
    if (raced) {
      await opened.file.close();
      this.options.windows.focus(raced.windowId);
      return { kind: 'elsewhere' };
    }
    const { file, facts } = opened;
    const outcome: OpenOutcome = {
      kind: 'opened',
      workshop: {
        handle,
        name: file.name,
        state: file.encodeState(),
        saveState: file.saveState,
        readOnlyReason: file.readOnlyReason,
        recoveryMessage: facts.recoveryMessage,
        removedTemporaries: facts.removedTemporaries,
      },
    };
    let owner = windowId;
    if (this.windowHasWorkshop(windowId)) owner = this.options.windows.openWindow();
    file.windowId = owner;
    this.files.set(handle, file);
    this.showIn(file);
    await this.remember(path, null);
    if (owner === windowId) return outcome;
    this.enqueue(owner, outcome);
    return { kind: 'elsewhere' };
  }

  private enqueue(windowId: number, outcome: OpenOutcome): void {
    this.pending.set(windowId, [...(this.pending.get(windowId) ?? []), outcome]);
    this.options.windows.notifyOpenRequested(windowId);
  }

  private onSaveState(file: OpenFile, state: SaveStateView): void {
    if (!this.files.has(file.handle)) return;
    this.options.windows.sendSaveState(file.windowId, { handle: file.handle, state });
    this.showIn(file);
  }

  private showIn(file: OpenFile): void {
    if (this.files.has(file.handle))
      this.options.windows.showWorkshop(file.windowId, {
        name: file.name,
        path: file.path,
        saveState: file.saveState,
      });
  }

  private async remember(path: string, replacing: string | null): Promise<void> {
    if (replacing === null) await this.recentList.touch(path, this.deps.now());
    else await this.recentList.replacePath(replacing, path, this.deps.now());
    this.options.onRecentChanged?.(await this.recentList.list(), path);
  }
}
