import type { ProviderSnapshot } from './live-provider';
import { LIVE_MESSAGES } from './live-messages';

export { LIVE_MESSAGES };

/** The part of a LiveLink a join needs to watch. */
export interface WatchedLink {
  snapshot(): ProviderSnapshot;
  subscribe(listener: () => void): () => void;
}

export interface JoinWatchOptions {
  readonly live: WatchedLink;
  /** The facilitator's address from an in-room code, or null for an online code. */
  readonly where: string | null;
  readonly onFail: (message: string) => void;
  readonly onArrived: () => void;
  readonly timing?: Partial<JoinTiming>;
  readonly setTimer?: (run: () => void, ms: number) => unknown;
  readonly clearTimer?: (timer: unknown) => void;
}

/**
 * How long each step of a join may take before the joiner is told why it failed. A wrong or
 * expired code must say so "within a few seconds", never hang on "connecting":
 * - reach a signaling server: a LAN address answers in milliseconds; a dead one never does.
 * - hear from anyone after subscribing: an existing peer answers an announce with an offer within
 *   one round trip through the server, so silence for this long means nobody has this room.
 * - open a data channel once someone answered: ICE through a relay can take a few seconds.
 * - receive the workshop once connected: a 10,000-card workshop arrives in about a second on a LAN.
 */
export interface JoinTiming {
  readonly reachServerMs: number;
  /** Refused connections before "cannot reach" is said without waiting out reachServerMs (a closed port refuses at once). */
  readonly refusalsBeforeGivingUp: number;
  readonly hearFromSomeoneMs: number;
  readonly connectMs: number;
  readonly arriveMs: number;
}

export const JOIN_TIMING: JoinTiming = {
  reachServerMs: 6_000,
  refusalsBeforeGivingUp: 3,
  hearFromSomeoneMs: 5_000,
  connectMs: 20_000,
  arriveMs: 60_000,
};

type Step = 'reach' | 'hear' | 'connect' | 'arrive' | 'done';

/** Follows one join from "looking for the session" to "the workshop has arrived", or says what failed. */
export class JoinWatch {
  private step: Step = 'reach';
  private timer: unknown = undefined;
  private readonly timing: JoinTiming;
  private readonly unsubscribe: () => void;

  constructor(private readonly options: JoinWatchOptions) {
    this.timing = { ...JOIN_TIMING, ...options.timing };
    this.unsubscribe = options.live.subscribe(() => this.check());
    this.arm(this.timing.reachServerMs);
    this.check();
    this.pollWhileReaching();
  }

  /** Refused attempts change nothing the link reports, so while reaching the server, look twice a second. */
  private pollWhileReaching(): void {
    const set = this.options.setTimer ?? ((run: () => void, delay: number) => setTimeout(run, delay));
    set(() => {
      if (this.step !== 'reach') return;
      this.check();
      this.pollWhileReaching();
    }, 500);
  }

  stop(): void {
    if (this.step === 'done') return;
    this.step = 'done';
    this.disarm();
    this.unsubscribe();
  }

  private check(): void {
    const s = this.options.live.snapshot();
    if (this.step === 'done') return;
    if (s.synced) {
      this.stop();
      this.options.onArrived();
      return;
    }
    if (
      this.step === 'reach' &&
      s.signalingConnected === 0 &&
      s.signalingFailures >= this.timing.refusalsBeforeGivingUp * s.signalingTotal
    ) {
      this.expire();
      return;
    }
    const next: Step =
      s.peers.length > 0
        ? 'arrive'
        : s.contacted > 0
          ? 'connect'
          : s.signalingConnected > 0
            ? 'hear'
            : 'reach';
    if (next === this.step || order(next) < order(this.step)) return;
    this.step = next;
    this.arm(
      next === 'hear'
        ? this.timing.hearFromSomeoneMs
        : next === 'connect'
          ? this.timing.connectMs
          : this.timing.arriveMs,
    );
  }

  private expire(): void {
    const step = this.step;
    if (step === 'done') return;
    this.stop();
    const { where } = this.options;
    this.options.onFail(
      step === 'reach'
        ? where
          ? LIVE_MESSAGES.cannotReachHost(where)
          : LIVE_MESSAGES.cannotReachServer
        : step === 'hear'
          ? LIVE_MESSAGES.noSession
          : step === 'connect'
            ? LIVE_MESSAGES.couldNotConnect
            : LIVE_MESSAGES.notArrived,
    );
  }

  private arm(ms: number): void {
    this.disarm();
    const set = this.options.setTimer ?? ((run: () => void, delay: number) => setTimeout(run, delay));
    this.timer = set(() => this.expire(), ms);
  }

  private disarm(): void {
    if (this.timer === undefined) return;
    const clear =
      this.options.clearTimer ?? ((t: unknown) => clearTimeout(t as ReturnType<typeof setTimeout>));
    clear(this.timer);
    this.timer = undefined;
  }
}

const ORDER: Record<Step, number> = { reach: 0, hear: 1, connect: 2, arrive: 3, done: 4 };
const order = (step: Step) => ORDER[step];
