/**
 * Before a window's workshops are closed, every update its renderer has already sent must have
 * arrived. IPC from one renderer keeps its order, so main asks the renderer to answer a token
 * (workshops:flush-requested → workshops:flush-ack): when the answer comes, everything sent before
 * it has been recorded. A renderer that has crashed or hangs cannot answer; the wait then ends
 * after `timeoutMs` and what main already has is saved. Pure, no 'electron' import.
 */
import { randomBytes } from 'node:crypto';
import type { Scheduler } from '../../shared/storage';

export class FlushBarrier {
  private readonly waiting = new Map<string, { windowId: number; done: () => void }>();

  constructor(
    private readonly scheduler: Scheduler,
    private readonly timeoutMs = 3000,
  ) {}

  /** Resolves true when the window answered, false when the wait timed out. */
  wait(windowId: number, ask: (token: string) => void): Promise<boolean> {
    const token = randomBytes(8).toString('hex');
    return new Promise((resolve) => {
      const timer = this.scheduler.set(() => {
        this.waiting.delete(token);
        resolve(false);
      }, this.timeoutMs);
      this.waiting.set(token, {
        windowId,
        done: () => {
          this.scheduler.clear(timer);
          resolve(true);
        },
      });
      ask(token);
    });
  }

  /** A token is only accepted from the window it was sent to. */
  acknowledge(windowId: number, token: string): void {
    const entry = this.waiting.get(token);
    if (!entry || entry.windowId !== windowId) return;
    this.waiting.delete(token);
    entry.done();
  }
}
