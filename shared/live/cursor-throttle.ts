/**
 * Limits how often one person's cursor is announced (default 20 a second) while keeping the last
 * position: a move that arrives too soon is held, replacing any held one, and sent when it is
 * due. Without the trailing send a cursor would stop a little short of where the pointer rested.
 *
 * Pure: no timers. The caller sends what `offer` returns; when `offer` holds a value it calls
 * `poll()` at `dueAt()` (a timer it owns) and sends what that returns. Time comes from an
 * injected monotonic clock (performance.now in the app, a counter in tests).
 *
 * Why it matters: y-webrtc sends every awareness change to every peer, so cursors are most of a
 * room's traffic (DESIGN.md §4).
 */

export interface CursorThrottleOptions {
  /** Milliseconds, monotonic. */
  readonly now: () => number;
  /** At most this many sends per second (default 20). */
  readonly perSecond?: number;
}

const NOTHING_SENT = Number.NEGATIVE_INFINITY;

export class CursorThrottle<T> {
  readonly #now: () => number;
  readonly #intervalMs: number;
  #lastSentAt = NOTHING_SENT;
  #held: { value: T } | null = null;

  constructor(options: CursorThrottleOptions) {
    const perSecond = options.perSecond ?? 20;
    if (!(Number.isFinite(perSecond) && perSecond > 0))
      throw new RangeError('CursorThrottle: perSecond must be above 0.');
    this.#now = options.now;
    this.#intervalMs = 1000 / perSecond;
  }

  /** A new position: returned as `{ value }` if it may be sent now, otherwise held (null). */
  offer(value: T): { readonly value: T } | null {
    this.#held = { value };
    return this.poll();
  }

  /** The held position if it is due now (then it is no longer held), else null. */
  poll(): { readonly value: T } | null {
    const held = this.#held;
    if (held === null) return null;
    const now = this.#now();
    if (!this.#isDue(now)) return null;
    this.#held = null;
    this.#lastSentAt = now;
    return held;
  }

  /** When the held position becomes due, or null when nothing is held. */
  dueAt(): number | null {
    return this.#held === null ? null : this.#lastSentAt + this.#intervalMs;
  }

  get isHolding(): boolean {
    return this.#held !== null;
  }

  /** Forget the held position (the session ended, or the cursor left and that was sent another way). */
  clear(): void {
    this.#held = null;
  }

  #isDue(now: number): boolean {
    const elapsed = now - this.#lastSentAt;
    // A clock that went backwards (or a NaN from a broken clock) must not freeze the cursor for
    // good: treat it as due. With a monotonic clock this never happens.
    return !(elapsed < this.#intervalMs) || elapsed < 0;
  }
}
