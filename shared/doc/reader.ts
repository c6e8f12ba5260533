import * as Y from 'yjs';
import type { Card, CardId, Connector, ConnectorId, Frame, FrameId } from '../model';
import {
  isFromNewerVersion,
  restoreCard,
  restoreConnector,
  restoreFrame,
  restoreMeta,
  type Restored,
} from '../schema';
import { rootMaps, type RecordMap } from './layout';
import { carryCardOrder, type Collection, type DocSnapshot, type QuarantinedRecord } from './snapshot';

/**
 * Reads are the trust boundary: peers' updates are applied by Yjs before we see them, so every
 * record is validated here. Invalid records are quarantined (counted, logged once, never thrown
 * and never deleted). The index is kept up to date incrementally: only records touched by a
 * transaction are read again, so a 10k-card document costs little per edit.
 */
export class DocumentIndex {
  private readonly maps;
  private cards = new Map<CardId, Card>();
  private frames = new Map<FrameId, Frame>();
  private allConnectors = new Map<ConnectorId, Connector>();
  private readonly bad = new Map<string, QuarantinedRecord>();
  private readonly logged = new Set<string>();
  private snapshot: DocSnapshot;
  private version = 0;
  private readonly listeners = new Set<(s: DocSnapshot) => void>();
  private readonly unobserve: (() => void)[] = [];

  constructor(
    private readonly doc: Y.Doc,
    private readonly log: (message: string) => void = () => {},
  ) {
    this.maps = rootMaps(doc);
    for (const [collection, map] of this.collections())
      for (const id of map.keys()) this.readRecord(collection, id);
    this.snapshot = this.compose();
    const onDeep = (collection: Collection) => (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      const touched = new Set<string>();
      for (const event of events) {
        if (event.target === this.maps[collection]) {
          for (const key of event.keys.keys()) touched.add(key);
        } else {
          const first = event.path[0];
          if (typeof first === 'string') touched.add(first);
        }
      }
      for (const id of touched) this.readRecord(collection, id);
    };
    for (const [collection, map] of this.collections()) {
      const handler = onDeep(collection);
      map.observeDeep(handler);
      this.unobserve.push(() => map.unobserveDeep(handler));
    }
    // One new snapshot per transaction, however many records it touched.
    const afterTransaction = (tr: Y.Transaction) => {
      if (tr.changed.size === 0 && tr.changedParentTypes.size === 0) return;
      this.snapshot = this.compose();
      for (const l of this.listeners) l(this.snapshot);
    };
    doc.on('afterTransaction', afterTransaction);
    this.unobserve.push(() => doc.off('afterTransaction', afterTransaction));
  }

  getSnapshot(): DocSnapshot {
    return this.snapshot;
  }

  /** Subscribe to new snapshots; returns the unsubscribe. */
  subscribe(listener: (s: DocSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    for (const off of this.unobserve.splice(0)) off();
    this.listeners.clear();
  }

  private collections(): [Collection, Y.Map<RecordMap>][] {
    return [
      ['cards', this.maps.cards],
      ['frames', this.maps.frames],
      ['connectors', this.maps.connectors],
    ];
  }

  /** Card ids read since the last snapshot, so the next one can carry the z order over. */
  private readonly changedCards = new Set<string>();

  private readRecord(collection: Collection, id: string): void {
    if (collection === 'cards') this.changedCards.add(id);
    const raw = this.maps[collection].get(id);
    const key = `${collection}/${id}`;
    if (raw === undefined) {
      if (this.targetMap(collection).has(id)) this.copyOnWrite(collection).delete(id as never);
      this.bad.delete(key);
      return;
    }
    const restored = this.restore(collection, raw, id);
    if (restored.ok) {
      // Copy-on-write: the snapshot handed out earlier must not change under its readers.
      this.copyOnWrite(collection).set(id as never, restored.value as never);
      this.bad.delete(key);
    } else {
      if (this.targetMap(collection).has(id)) this.copyOnWrite(collection).delete(id as never);
      this.quarantine({ collection, id, reason: restored.reason });
    }
  }

  private restore(collection: Collection, raw: unknown, id: string): Restored<Card | Frame | Connector> {
    const plain = raw instanceof Y.Map ? raw.toJSON() : raw;
    const result =
      collection === 'cards'
        ? restoreCard(plain)
        : collection === 'frames'
          ? restoreFrame(plain)
          : restoreConnector(plain);
    if (result.ok && result.value.id !== id) return { ok: false, reason: 'id does not match its key' };
    return result;
  }

  private quarantine(record: QuarantinedRecord): void {
    const key = `${record.collection}/${record.id}`;
    this.bad.set(key, record);
    if (!this.logged.has(key)) {
      this.logged.add(key);
      this.log(
        `Dreamboard: skipped ${record.collection} record ${record.id.slice(0, 64)} (${record.reason})`,
      );
    }
  }

  private targetMap(collection: Collection): Map<string, unknown> {
    return (
      collection === 'cards' ? this.cards : collection === 'frames' ? this.frames : this.allConnectors
    ) as Map<string, unknown>;
  }

  private dirty = new Set<Collection>();

  private copyOnWrite(collection: Collection): Map<string, unknown> {
    if (!this.dirty.has(collection)) {
      this.dirty.add(collection);
      if (collection === 'cards') this.cards = new Map(this.cards);
      else if (collection === 'frames') this.frames = new Map(this.frames);
      else this.allConnectors = new Map(this.allConnectors);
    }
    return this.targetMap(collection);
  }

  private previousConnectors: {
    source: ReadonlyMap<ConnectorId, Connector>;
    cards: ReadonlyMap<CardId, Card>;
    shown: ReadonlyMap<ConnectorId, Connector>;
    dangling: QuarantinedRecord[];
  } | null = null;

  private compose(): DocSnapshot {
    const previousCards = this.snapshot?.cards;
    if (previousCards && previousCards !== this.cards)
      carryCardOrder(previousCards, this.cards, this.changedCards);
    this.changedCards.clear();
    this.dirty.clear();
    const { shown, dangling } = this.visibleConnectors();
    const meta = restoreMeta(this.maps.meta.toJSON());
    this.version += 1;
    return {
      meta,
      cards: this.cards,
      frames: this.frames,
      connectors: shown,
      quarantine: [...this.bad.values(), ...dangling],
      readOnly: isFromNewerVersion(meta.schemaVersion),
      version: this.version,
    };
  }

  /** A connector whose end is missing is hidden and reported, not deleted: the card may come back. */
  private visibleConnectors() {
    const prev = this.previousConnectors;
    if (prev && prev.source === this.allConnectors && prev.cards === this.cards) return prev;
    const shown = new Map<ConnectorId, Connector>();
    const dangling: QuarantinedRecord[] = [];
    for (const c of this.allConnectors.values()) {
      if (this.cards.has(c.from) && this.cards.has(c.to)) shown.set(c.id, c);
      else dangling.push({ collection: 'connectors', id: c.id, reason: 'links to a card that is not there' });
    }
    this.previousConnectors = { source: this.allConnectors, cards: this.cards, shown, dangling };
    return this.previousConnectors;
  }
}
