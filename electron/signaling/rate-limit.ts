/** What happened to one message offered to a `MessageRateLimiter`. */
export type RateDecision = 'accept' | 'drop' | 'close';

export interface RateLimiterOptions {
  readonly burst: number;
  readonly perSecond: number;
  readonly floodDrops: number;
  readonly floodWindowMs: number;
}

/**
 * Per-connection token bucket with a flood verdict. Pure: the caller passes the clock, so tests
 * drive it with a fake one.
 *
 * Threat: one connection sending messages as fast as it can, each of which the server parses and
 * fans out to every subscriber of a topic (amplification). Short bursts above the rate are
 * normal while peers connect, so they are only dropped; a connection that keeps flooding (many
 * drops within a window) is told to go away.
 */
export class MessageRateLimiter {
  private tokens: number;
  private last: number;
  private windowStart: number;
  private dropsInWindow = 0;

  constructor(
    private readonly options: RateLimiterOptions,
    now: number,
  ) {
    this.tokens = options.burst;
    this.last = now;
    this.windowStart = now;
  }

  take(now: number): RateDecision {
    // A clock that goes backwards (NTP step) must not mint or destroy tokens.
    const elapsedMs = Math.max(0, now - this.last);
    this.last = Math.max(this.last, now);
    this.tokens = Math.min(this.options.burst, this.tokens + (elapsedMs * this.options.perSecond) / 1000);
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 'accept';
    }
    if (now - this.windowStart >= this.options.floodWindowMs || now < this.windowStart) {
      this.windowStart = now;
      this.dropsInWindow = 0;
    }
    this.dropsInWindow += 1;
    return this.dropsInWindow >= this.options.floodDrops ? 'close' : 'drop';
  }
}
