import type { Clock } from './clock';

/**
 * What to do about a peer that sends garbage. Pure policy: it counts, the caller disconnects.
 * Threat: a buggy or hostile participant flooding us with messages we spend work rejecting.
 * Strikes expire after `windowMs`, so an honest peer that once sent one odd message (a newer
 * version, a glitch) is not dropped hours later for a second one.
 */

export type Offence =
  /** Bytes that do not parse as a message of a known type. */
  | 'malformed'
  /** A chunk that breaks the chunk rules (bad header, too large, inconsistent). */
  | 'chunk-violation'
  /** An update over the size or struct limits. */
  | 'oversized'
  /** An update the gate or Yjs refused. */
  | 'update-rejected'
  /** A message type that is never valid on a data channel (bcPeerId, a chunk inside a chunk). */
  | 'protocol-violation';

export interface StrikeLimits {
  /** Strikes within the window that get a peer dropped. */
  readonly dropAt: number;
  readonly windowMs: number;
}

export const DEFAULT_STRIKE_LIMITS: StrikeLimits = { dropAt: 5, windowMs: 60_000 };

const WEIGHT: Record<Offence, number> = {
  malformed: 1,
  'chunk-violation': 1,
  'protocol-violation': 1,
  // An oversized or refused update cost us the most work (a decode), and no honest client sends one.
  oversized: 2,
  'update-rejected': 2,
};

export interface StrikeVerdict {
  readonly strikes: number;
  readonly drop: boolean;
}

export class StrikePolicy {
  private readonly log = new Map<string, { at: number; weight: number }[]>();

  constructor(
    private readonly clock: Clock,
    private readonly limits: StrikeLimits = DEFAULT_STRIKE_LIMITS,
  ) {}

  strike(peerId: string, offence: Offence): StrikeVerdict {
    const now = this.clock.now();
    const recent = (this.log.get(peerId) ?? []).filter((s) => now - s.at < this.limits.windowMs);
    recent.push({ at: now, weight: WEIGHT[offence] });
    this.log.set(peerId, recent);
    const strikes = recent.reduce((sum, s) => sum + s.weight, 0);
    return { strikes, drop: strikes >= this.limits.dropAt };
  }

  strikes(peerId: string): number {
    const now = this.clock.now();
    return (this.log.get(peerId) ?? [])
      .filter((s) => now - s.at < this.limits.windowMs)
      .reduce((sum, s) => sum + s.weight, 0);
  }

  forget(peerId: string): void {
    this.log.delete(peerId);
  }
}
