/**
 * Time as the sync layer sees it. Injected so that timeouts and anti-entropy are driven by a test's
 * manual clock (no timing in tests) and by `Date.now`/`performance.now` in the app.
 */
export interface Clock {
  /** Milliseconds, monotonic enough for timeouts (never decreasing within one session). */
  now(): number;
}

/** A clock tests and simulations advance by hand. */
export class ManualClock implements Clock {
  constructor(private t = 0) {}
  now(): number {
    return this.t;
  }
  advance(ms: number): void {
    this.t += ms;
  }
}
