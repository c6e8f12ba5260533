import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  WATCHDOG_DEFAULTS,
  createWatchdogGate,
  decodeBudgetMs,
  type GateWorker,
  type GateWorkerReply,
  type GateWorkerRequest,
} from '../../../../renderer/live/watchdog-gate';
import { createCard } from '../../../../shared/doc';
import type { CardId } from '../../../../shared/model';
import {
  DEFAULT_UPDATE_LIMITS,
  ManualClock,
  SyncPeerProtocol,
  decodeGate,
  encodeSyncUpdate,
  type GateVerdict,
} from '../../../../shared/sync';
import { rootMaps } from '../../../../shared/doc';

/**
 * The queue and timeout logic of the watchdog with a fake Worker (the real one runs in Chromium:
 * tests/e2e/live-watchdog.spec.ts). The fake decodes with decodeGate, or hangs, or fails to load.
 */

/** 'answer' hangs on the update "HANG" only, as tests/e2e/fixtures/watchdog/hang.worker.ts does. */
type Behaviour = 'answer' | 'hang' | 'fail-to-load' | 'crash';
const isHangMarker = (bytes: Uint8Array) => new TextDecoder().decode(bytes) === 'HANG';

class FakeWorker implements GateWorker {
  onmessage: ((event: MessageEvent<GateWorkerReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  readonly received: GateWorkerRequest[] = [];
  terminated = false;

  constructor(readonly behaviour: Behaviour) {
    queueMicrotask(() => {
      if (behaviour === 'fail-to-load') this.onerror?.({ message: 'no such script' } as ErrorEvent);
      else this.reply({ kind: 'ready' });
    });
  }

  postMessage(message: GateWorkerRequest, transfer: Transferable[]): void {
    // As a real postMessage: the transferred buffer is detached on the sending side.
    const cloned = structuredClone(message, { transfer });
    this.received.push(cloned);
    if (this.behaviour === 'crash') queueMicrotask(() => this.onerror?.({ message: 'oom' } as ErrorEvent));
    if (this.behaviour !== 'answer' || isHangMarker(cloned.update)) return;
    queueMicrotask(() =>
      this.reply({ kind: 'verdict', id: cloned.id, verdict: decodeGate(cloned.update, cloned.limits) }),
    );
  }

  terminate(): void {
    this.terminated = true;
  }

  reply(data: GateWorkerReply): void {
    if (!this.terminated) this.onmessage?.({ data } as MessageEvent<GateWorkerReply>);
  }
}

function factory(...behaviours: Behaviour[]) {
  const workers: FakeWorker[] = [];
  const createWorker = () => {
    const worker = new FakeWorker(behaviours[Math.min(workers.length, behaviours.length - 1)]!);
    workers.push(worker);
    return worker;
  };
  return { workers, createWorker };
}

const author = { participantId: 'p', role: null };
function validUpdate(text = 'hello'): Uint8Array {
  const doc = new Y.Doc();
  createCard(doc, { id: 'c1' as CardId, kind: 'need', x: 0, y: 0, text }, author);
  return Y.encodeStateAsUpdate(doc);
}

const limits = DEFAULT_UPDATE_LIMITS;
const settle = () => vi.advanceTimersByTimeAsync(0);

describe('createWatchdogGate with a fake worker', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('passes a valid update and refuses garbage, as decodeGate does', async () => {
    const { createWorker } = factory('answer');
    const gate = createWatchdogGate({ createWorker });
    await expect(gate(validUpdate(), limits)).resolves.toEqual({ ok: true });
    const garbage = (await gate(new Uint8Array([1, 2, 3]), limits)) as GateVerdict;
    expect(garbage.ok).toBe(false);
    expect(gate.stats.decodedInWorker).toBe(2);
  });

  it('warm() starts the worker before the first update, and the update then uses it', async () => {
    const { workers, createWorker } = factory('answer');
    const gate = createWatchdogGate({ createWorker });
    gate.warm();
    gate.warm();
    expect(workers).toHaveLength(1);
    await settle();
    await expect(gate(validUpdate(), limits)).resolves.toEqual({ ok: true });
    expect(workers).toHaveLength(1);
    expect(gate.stats.workersStarted).toBe(1);
  });

  it('refuses an update that hangs after the budget, terminates the worker and uses a fresh one next', async () => {
    const { workers, createWorker } = factory('hang', 'answer');
    const gate = createWatchdogGate({ createWorker });
    const hung = Promise.resolve(gate(validUpdate(), limits));
    let verdict: GateVerdict | null = null;
    void hung.then((v) => (verdict = v));
    await vi.advanceTimersByTimeAsync(WATCHDOG_DEFAULTS.baseBudgetMs - 50);
    expect(verdict).toBeNull();
    await vi.advanceTimersByTimeAsync(100);
    expect(verdict).toEqual({ ok: false, reason: 'took too long' });
    expect(workers[0]!.terminated).toBe(true);

    await expect(gate(validUpdate(), limits)).resolves.toEqual({ ok: true });
    expect(workers).toHaveLength(2);
    expect(gate.stats.timedOut).toBe(1);
  });

  it('gives a large update more time, in proportion to its size', async () => {
    const { createWorker } = factory('hang');
    const gate = createWatchdogGate({ createWorker });
    const big = new Uint8Array(2 * 1024 * 1024);
    const budget = decodeBudgetMs(big.byteLength);
    expect(budget).toBe(WATCHDOG_DEFAULTS.baseBudgetMs + 2 * WATCHDOG_DEFAULTS.budgetMsPerMiB);
    let verdict: GateVerdict | null = null;
    void Promise.resolve(gate(big, limits)).then((v) => (verdict = v));
    await vi.advanceTimersByTimeAsync(budget - 10);
    expect(verdict).toBeNull();
    await vi.advanceTimersByTimeAsync(20);
    expect(verdict).toEqual({ ok: false, reason: 'took too long' });
  });

  it('caps the budget of a huge update', () => {
    expect(decodeBudgetMs(32 * 1024 * 1024)).toBe(WATCHDOG_DEFAULTS.maxBudgetMs);
    expect(decodeBudgetMs(0)).toBe(WATCHDOG_DEFAULTS.baseBudgetMs);
  });

  it('sends one update at a time and answers in arrival order', async () => {
    const { workers, createWorker } = factory('answer');
    const gate = createWatchdogGate({ createWorker });
    const order: number[] = [];
    const all = [0, 1, 2].map((i) =>
      Promise.resolve(gate(i === 1 ? new Uint8Array([9]) : validUpdate(`u${i}`), limits)).then((v) => {
        order.push(i);
        return v.ok;
      }),
    );
    await settle();
    expect(await Promise.all(all)).toEqual([true, false, true]);
    expect(order).toEqual([0, 1, 2]);
    expect(workers).toHaveLength(1);
    expect(workers[0]!.received.map((r) => r.id)).toEqual([1, 2, 3]);
  });

  it('transfers a copy: the caller keeps its bytes', async () => {
    const { workers, createWorker } = factory('answer');
    const gate = createWatchdogGate({ createWorker });
    const update = validUpdate();
    const before = [...update];
    await gate(update, limits);
    expect([...update]).toEqual(before);
    expect([...workers[0]!.received[0]!.update]).toEqual(before);
  });

  it('refuses an update whose decode crashes the worker, and carries on with a new one', async () => {
    const { workers, createWorker } = factory('crash', 'answer');
    const gate = createWatchdogGate({ createWorker });
    await expect(gate(validUpdate(), limits)).resolves.toEqual({ ok: false, reason: 'decoder crashed' });
    await expect(gate(validUpdate(), limits)).resolves.toEqual({ ok: true });
    expect(workers[0]!.terminated).toBe(true);
  });

  it('falls back to decoding inline when the worker cannot load', async () => {
    const { workers, createWorker } = factory('fail-to-load');
    const gate = createWatchdogGate({ createWorker });
    const first = gate(validUpdate(), limits);
    const second = gate(new Uint8Array([7]), limits);
    await settle();
    expect(await first).toEqual({ ok: true });
    expect(((await second) as GateVerdict).ok).toBe(false);
    expect(workers).toHaveLength(2);
    expect(gate.stats.inlineOnly).toBe(true);
    expect(gate(validUpdate(), limits)).toEqual({ ok: true });
  });

  it('falls back to inline when a worker never says it is ready', async () => {
    const gate = createWatchdogGate({ createWorker: () => new SilentWorker(), startupBudgetMs: 100 });
    const verdict = gate(validUpdate(), limits);
    await vi.advanceTimersByTimeAsync(250);
    expect(await verdict).toEqual({ ok: true });
    expect(gate.stats.inlineOnly).toBe(true);
  });

  it('decodes small updates inline when asked to', () => {
    const { workers, createWorker } = factory('answer');
    const gate = createWatchdogGate({ createWorker, inlineBelowBytes: 1024 });
    expect(gate(validUpdate(), limits)).toEqual({ ok: true });
    expect(workers).toHaveLength(0);
  });

  it('answers whatever is pending when disposed, and refuses afterwards', async () => {
    const { workers, createWorker } = factory('hang');
    const gate = createWatchdogGate({ createWorker });
    const pending = [gate(validUpdate(), limits), gate(validUpdate(), limits)];
    await settle();
    gate.dispose();
    const stopped = { ok: false, reason: 'update gate stopped' };
    expect(await Promise.all(pending)).toEqual([stopped, stopped]);
    expect(workers[0]!.terminated).toBe(true);
    expect(gate(validUpdate(), limits)).toEqual(stopped);
  });
});

describe('the watchdog plugged into SyncPeerProtocol', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('refuses a hanging update with a strike and applies the updates around it in order', async () => {
    const { createWorker } = factory('answer');
    const gate = createWatchdogGate({ createWorker });
    const doc = new Y.Doc();
    const offences: string[] = [];
    const peer = new SyncPeerProtocol({
      doc,
      peerId: 'remote',
      send: () => undefined,
      clock: new ManualClock(),
      random: () => 0.5,
      gate,
      onOffence: (offence, reason) => offences.push(`${offence}: ${reason}`),
    });
    const source = new Y.Doc();
    createCard(source, { id: 'a' as CardId, kind: 'need', x: 0, y: 0, text: 'first' }, author);
    const first = Y.encodeStateAsUpdate(source);
    const before = Y.encodeStateVector(source);
    createCard(source, { id: 'b' as CardId, kind: 'need', x: 0, y: 0, text: 'second' }, author);
    const second = Y.encodeStateAsUpdate(source, before);

    peer.receive(encodeSyncUpdate(first));
    peer.receive(encodeSyncUpdate(new TextEncoder().encode('HANG')));
    peer.receive(encodeSyncUpdate(second));
    await settle();
    expect([...rootMaps(doc).cards.keys()]).toEqual(['a']);
    await vi.advanceTimersByTimeAsync(WATCHDOG_DEFAULTS.baseBudgetMs + 10);
    expect(offences).toEqual(['update-rejected: took too long']);
    expect([...rootMaps(doc).cards.keys()].sort()).toEqual(['a', 'b']);
    expect(peer.stats.updatesApplied).toBe(2);
    gate.dispose();
  });
});

class SilentWorker implements GateWorker {
  onmessage = null;
  onerror = null;
  postMessage(): void {}
  terminate(): void {}
}

describe('createWatchdogGate without Worker', () => {
  it('is decodeGate (Node has no Worker global)', () => {
    expect(typeof Worker).toBe('undefined');
    const gate = createWatchdogGate();
    expect(gate(validUpdate(), limits)).toEqual({ ok: true });
    expect(gate.stats.inlineOnly).toBe(true);
  });
});
