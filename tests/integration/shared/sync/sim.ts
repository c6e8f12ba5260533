import * as Y from 'yjs';
import {
  createCards,
  createConnector,
  createFrame,
  deleteItems,
  rootMaps,
  updateCard,
  updateConnector,
  updateFrame,
} from '../../../../shared/doc';
import {
  CARD_KINDS,
  CONNECTOR_KINDS,
  type CardId,
  type ConnectorId,
  type FrameId,
} from '../../../../shared/model';
import {
  ManualClock,
  SyncRoom,
  linkViewOf,
  topologyEdges,
  type SyncLimits,
  type Topology,
} from '../../../../shared/sync';
import { seededRandom } from '../../../../shared/util/seeded-random';

/**
 * An in-process network of SyncRooms for convergence and traffic tests: every message goes
 * through a queue that can drop, duplicate, reorder and partition, all from one seed.
 */

export interface Faults {
  readonly drop: number;
  readonly duplicate: number;
  /** Probability that a delivery takes a random queued message instead of the oldest. */
  readonly reorder: number;
}

export const NO_FAULTS: Faults = { drop: 0, duplicate: 0, reorder: 0 };

interface InFlight {
  readonly from: string;
  readonly to: string;
  readonly bytes: Uint8Array;
}

export class SimNetwork {
  readonly peers = new Map<string, { doc: Y.Doc; room: SyncRoom }>();
  readonly clock = new ManualClock(0);
  private queue: InFlight[] = [];
  private readonly cut = new Set<string>();
  faults: Faults = NO_FAULTS;
  delivered = 0;
  /** Largest message any peer put on the wire. */
  largest = 0;

  constructor(
    readonly rng: () => number,
    ids: readonly string[],
    topology: Topology,
    limits: Partial<SyncLimits> = {},
  ) {
    const edges = topologyEdges(ids, topology);
    ids.forEach((id, i) => {
      const doc = new Y.Doc();
      // Deterministic client ids make a failing seed replay exactly.
      doc.clientID = i + 1;
      const view = linkViewOf(id, edges);
      const room = new SyncRoom({ doc, clock: this.clock, random: rng, limits, linked: view.linked });
      this.peers.set(id, { doc, room });
    });
    for (const [a, b] of edges) {
      this.peers.get(a)!.room.addPeer(b, (bytes) => this.send(a, b, bytes));
      this.peers.get(b)!.room.addPeer(a, (bytes) => this.send(b, a, bytes));
    }
  }

  private send(from: string, to: string, bytes: Uint8Array): void {
    this.largest = Math.max(this.largest, bytes.byteLength);
    if (this.cut.has(`${from}|${to}`) || this.rng() < this.faults.drop) return;
    // Copy: a real channel does, and a sender must not be able to change bytes after sending.
    this.queue.push({ from, to, bytes: bytes.slice() });
    if (this.rng() < this.faults.duplicate) this.queue.push({ from, to, bytes: bytes.slice() });
  }

  /** Puts bytes on the wire as if `from` had sent them (a hostile peer). */
  inject(from: string, to: string, bytes: Uint8Array): void {
    this.queue.push({ from, to, bytes });
  }

  partition(a: string, b: string): void {
    this.cut.add(`${a}|${b}`).add(`${b}|${a}`);
  }

  heal(): void {
    this.cut.clear();
    this.faults = NO_FAULTS;
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Delivers up to `n` messages; returns how many. */
  deliver(n: number): number {
    let done = 0;
    while (done < n && this.queue.length > 0) {
      const at = this.rng() < this.faults.reorder ? Math.floor(this.rng() * this.queue.length) : 0;
      const [m] = this.queue.splice(at, 1);
      if (!m) break;
      this.delivered++;
      this.peers.get(m.to)?.room.receive(m.from, m.bytes);
      done++;
    }
    return done;
  }

  /** Delivers until nothing is in flight (replies included). */
  flush(maxMessages = 1_000_000): void {
    let total = 0;
    while (this.queue.length > 0 && total < maxMessages) total += this.deliver(this.queue.length);
  }

  docs(): Y.Doc[] {
    return [...this.peers.values()].map((p) => p.doc);
  }
}

/** The document's content as JSON with sorted keys: equal strings mean equal documents. */
export function canonical(doc: Y.Doc): string {
  const { meta, cards, frames, connectors } = rootMaps(doc);
  return stableStringify({
    meta: meta.toJSON(),
    cards: cards.toJSON(),
    frames: frames.toJSON(),
    connectors: connectors.toJSON(),
  });
}

function stableStringify(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${stableStringify(x)}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

const author = { participantId: 'sim', role: null };

const pick = <T>(rng: () => number, items: readonly T[]): T | undefined =>
  items[Math.floor(rng() * items.length)];

/** One random card, frame or connector edit through the writer, as the editor's commands make them. */
export function randomEdit(doc: Y.Doc, rng: () => number, tag: string): void {
  const { cards, frames, connectors } = rootMaps(doc);
  const cardIds = [...cards.keys()] as CardId[];
  const frameIds = [...frames.keys()] as FrameId[];
  const connectorIds = [...connectors.keys()] as ConnectorId[];
  const r = rng();
  const coord = () => Math.round(rng() * 2000);
  if (r < 0.3 || cardIds.length < 2) {
    const n = 1 + Math.floor(rng() * 3);
    createCards(
      doc,
      Array.from({ length: n }, (_, i) => ({
        id: `${tag}c${i}` as CardId,
        kind: pick(rng, CARD_KINDS)!,
        x: coord(),
        y: coord(),
        text: `card ${tag}`,
        frame: pick(rng, frameIds) ?? null,
      })),
      author,
    );
  } else if (r < 0.55) {
    updateCard(doc, pick(rng, cardIds)!, {
      x: coord(),
      text: `edited ${tag}`,
      fields: { note: tag, done: rng() < 0.5 },
    });
  } else if (r < 0.65) {
    deleteItems(doc, [pick(rng, cardIds)!]);
  } else if (r < 0.75) {
    createFrame(doc, {
      id: `${tag}f` as FrameId,
      title: `frame ${tag}`,
      x: coord(),
      y: coord(),
      w: 600,
      h: 400,
    });
  } else if (r < 0.8 && frameIds.length > 0) {
    if (rng() < 0.5) updateFrame(doc, pick(rng, frameIds)!, { title: `renamed ${tag}`, locked: rng() < 0.5 });
    else deleteItems(doc, [pick(rng, frameIds)!]);
  } else if (r < 0.92) {
    createConnector(doc, {
      id: `${tag}k` as ConnectorId,
      from: pick(rng, cardIds)!,
      to: pick(rng, cardIds)!,
      kind: pick(rng, CONNECTOR_KINDS)!,
    });
  } else if (connectorIds.length > 0) {
    updateConnector(doc, pick(rng, connectorIds)!, {
      label: `label ${tag}`,
      kind: pick(rng, CONNECTOR_KINDS)!,
    });
  }
}

export { seededRandom };
