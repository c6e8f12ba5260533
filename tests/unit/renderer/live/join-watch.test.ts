import { describe, expect, it } from 'vitest';
import {
  JOIN_TIMING,
  JoinWatch,
  LIVE_MESSAGES,
  type WatchedLink,
} from '../../../../renderer/live/join-watch';
import type { ProviderSnapshot } from '../../../../renderer/live/live-provider';

/** A link whose snapshot the test sets, and timers the test fires. */
function harness(where: string | null = '192.168.1.20') {
  let snap: ProviderSnapshot = {
    signalingConnected: 0,
    signalingTotal: 1,
    signalingFailures: 0,
    peers: [],
    contacted: 0,
    syncedPeers: 0,
    synced: false,
  };
  const listeners = new Set<() => void>();
  const link: WatchedLink = {
    snapshot: () => snap,
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  let now = 0;
  const timers = new Map<number, { at: number; run: () => void }>();
  let nextId = 1;
  const outcome: { failed: string | null; arrived: boolean } = { failed: null, arrived: false };
  const watch = new JoinWatch({
    live: link,
    where,
    onFail: (m) => (outcome.failed = m),
    onArrived: () => (outcome.arrived = true),
    setTimer: (run, ms) => {
      const id = nextId++;
      timers.set(id, { at: now + ms, run });
      return id;
    },
    clearTimer: (id) => timers.delete(id as number),
  });
  return {
    watch,
    outcome,
    set(patch: Partial<ProviderSnapshot>) {
      snap = { ...snap, ...patch };
      for (const l of [...listeners]) l();
    },
    advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const due = [...timers.entries()]
          .filter(([, t]) => t.at <= until)
          .sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].run();
      }
      now = until;
    },
  };
}

describe('JoinWatch', () => {
  it('says the host cannot be reached when the signaling server never answers', () => {
    const h = harness();
    h.advance(JOIN_TIMING.reachServerMs - 1);
    expect(h.outcome.failed).toBeNull();
    h.advance(1);
    expect(h.outcome.failed).toBe(LIVE_MESSAGES.cannotReachHost('192.168.1.20'));
  });

  it('gives up early when the server refuses again and again (a closed port)', () => {
    const h = harness();
    h.set({ signalingFailures: JOIN_TIMING.refusalsBeforeGivingUp });
    h.advance(500);
    expect(h.outcome.failed).toBe(LIVE_MESSAGES.cannotReachHost('192.168.1.20'));
  });

  it('says nobody is running the session when the server answers but no peer does', () => {
    const h = harness(null);
    h.set({ signalingConnected: 1 });
    h.advance(JOIN_TIMING.hearFromSomeoneMs - 1);
    expect(h.outcome.failed).toBeNull();
    h.advance(1);
    expect(h.outcome.failed).toBe(LIVE_MESSAGES.noSession);
  });

  it('gives a connection more time once someone answered, then says it could not connect', () => {
    const h = harness();
    h.set({ signalingConnected: 1 });
    h.advance(1000);
    h.set({ contacted: 1 });
    h.advance(JOIN_TIMING.hearFromSomeoneMs);
    expect(h.outcome.failed).toBeNull();
    h.advance(JOIN_TIMING.connectMs);
    expect(h.outcome.failed).toBe(LIVE_MESSAGES.couldNotConnect);
  });

  it('reports arrival once the first full state is applied, and nothing after', () => {
    const h = harness();
    h.set({ signalingConnected: 1, contacted: 1, peers: ['p1'] });
    h.set({ synced: true, syncedPeers: 1 });
    expect(h.outcome.arrived).toBe(true);
    h.advance(10 * JOIN_TIMING.arriveMs);
    expect(h.outcome.failed).toBeNull();
  });

  it('says nothing once stopped (the person cancelled)', () => {
    const h = harness();
    h.watch.stop();
    h.advance(10 * JOIN_TIMING.arriveMs);
    expect(h.outcome).toEqual({ failed: null, arrived: false });
  });
});
