/**
 * Closing windows and quitting without losing work. A window that shows a workshop is not closed
 * until its renderer's last updates have arrived (FlushBarrier) and the final save succeeded; if
 * it fails the person is told and the window stays, its changes still in memory and retried.
 * Quitting waits for every window the same way.
 */
import { app, BrowserWindow, dialog } from 'electron';
import type { FileProblem } from '../../shared/ipc/workshop-schemas';
import type { WorkshopManager } from '../storage/workshop-manager';
import type { FlushBarrier } from './flush-barrier';
import type { Ipc } from './ipc';

export class WorkshopWindowGuard {
  /** Windows whose workshops are saved and closed: their next 'close' goes through. */
  private readonly released = new Set<number>();
  private quitting: Promise<void> | null = null;
  private mayQuit = false;

  constructor(
    private readonly manager: WorkshopManager,
    private readonly barrier: FlushBarrier,
    private readonly ipc: Ipc,
  ) {}

  watch(window: BrowserWindow): void {
    const id = window.webContents.id;
    window.on('close', (event) => {
      if (this.released.has(id) || !this.manager.windowHasWorkshop(id)) return;
      event.preventDefault();
      void this.finish(window).then((saved) => {
        if (saved) window.close();
      });
    });
    // A crashed renderer sends nothing more: save what main has.
    window.webContents.on('render-process-gone', () => void this.manager.closeWindow(id));
    window.on('closed', () => {
      this.released.delete(id);
      void this.manager.closeWindow(id);
    });
  }

  /** For app 'before-quit'. */
  onBeforeQuit(event: { preventDefault(): void }): void {
    if (this.mayQuit) return;
    const busy = BrowserWindow.getAllWindows().filter(
      (w) => !w.isDestroyed() && this.manager.windowHasWorkshop(w.webContents.id),
    );
    if (busy.length === 0) return;
    event.preventDefault();
    this.quitting ??= Promise.all(busy.map((w) => this.finish(w).then((saved) => ({ w, saved })))).then(
      (results) => {
        this.quitting = null;
        for (const { w, saved } of results) if (saved && !w.isDestroyed()) w.close();
        if (results.every((r) => r.saved)) {
          this.mayQuit = true;
          app.quit();
        }
      },
    );
  }

  /** True once the window's workshops are saved and closed. */
  private async finish(window: BrowserWindow): Promise<boolean> {
    const id = window.webContents.id;
    if (!window.webContents.isDestroyed() && !window.webContents.isCrashed())
      await this.barrier.wait(id, (token) =>
        this.ipc.send(window.webContents, 'workshops:flush-requested', { token }),
      );
    const problems = await this.manager.closeWindow(id);
    if (problems.length === 0) {
      this.released.add(id);
      return true;
    }
    await this.tell(window, problems);
    return false;
  }

  private async tell(window: BrowserWindow, problems: readonly FileProblem[]): Promise<void> {
    await dialog.showMessageBox(window, {
      type: 'warning',
      message: 'Dreamboard could not save your latest changes.',
      detail: `${problems.map((p) => p.message).join('\n\n')}\n\nThis window stays open so nothing is lost, and Dreamboard keeps trying. You can also use File → Save as… to keep a copy somewhere else.`,
      buttons: ['OK'],
    });
  }
}
