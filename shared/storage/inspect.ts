import { DocumentIndex } from '../doc';
import { CARD_KINDS, type CardKind } from '../model';
import type { OpenedWorkshop } from './open';
import { describeRecovery } from './workshop-file';

/** What `dreamboard info` and the app's file details show. Plain data, ready for JSON. */
export interface WorkshopReport {
  readonly title: string;
  readonly schemaVersion: number;
  readonly formatVersion: number;
  readonly template: string;
  /** ISO 8601, or null when the workshop does not say. */
  readonly createdAt: string | null;
  /** When the file was last written (its modification time), ISO 8601. */
  readonly lastChangedAt: string | null;
  readonly bytes: number | null;
  readonly frames: number;
  readonly cards: { readonly total: number; readonly byKind: Readonly<Record<CardKind, number>> };
  readonly connectors: number;
  /** Records that fail validation: kept in the file, not shown. */
  readonly quarantined: number;
  readonly integrity: {
    readonly status: 'healthy' | 'recovered';
    /** Plain words; for a recovered file, what was recovered and what was left out. */
    readonly message: string;
    readonly droppedBytes: number;
    readonly readOnly: boolean;
    readonly readOnlyReason: string | null;
  };
}

const iso = (ms: number | undefined): string | null =>
  ms !== undefined && ms > 0 ? new Date(ms).toISOString() : null;

export function inspectWorkshop(opened: OpenedWorkshop): WorkshopReport {
  const index = new DocumentIndex(opened.doc);
  const snapshot = index.getSnapshot();
  index.destroy();
  const byKind = Object.fromEntries(CARD_KINDS.map((k) => [k, 0])) as Record<CardKind, number>;
  for (const card of snapshot.cards.values()) byKind[card.kind]++;
  return {
    title: snapshot.meta.title,
    schemaVersion: snapshot.meta.schemaVersion,
    formatVersion: opened.header.formatVersion,
    template: snapshot.meta.template,
    createdAt: iso(snapshot.meta.createdAt),
    lastChangedAt: iso(opened.entry?.modifiedAt),
    bytes: opened.entry?.size ?? null,
    frames: snapshot.frames.size,
    cards: { total: snapshot.cards.size, byKind },
    connectors: snapshot.connectors.size,
    quarantined: snapshot.quarantine.length,
    integrity: {
      status: opened.recovery ? 'recovered' : 'healthy',
      message: opened.recovery
        ? describeRecovery(opened.recovery)
        : 'Every saved change reads back correctly.',
      droppedBytes: opened.recovery?.droppedBytes ?? 0,
      readOnly: opened.readOnlyReason !== null,
      readOnlyReason: opened.readOnlyReason,
    },
  };
}
