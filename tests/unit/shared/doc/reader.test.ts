import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  DocumentIndex,
  ROOT,
  createCard,
  createConnector,
  createFrame,
  deleteItems,
  updateCard,
} from '../../../../shared/doc';
import type { CardId } from '../../../../shared/model';
import { SCHEMA_VERSION } from '../../../../shared/schema';

const author = { participantId: 'p1', role: null };

function rawCard(doc: Y.Doc, id: string, fields: Record<string, unknown>): void {
  const m = new Y.Map<unknown>();
  for (const [k, v] of Object.entries({
    id,
    kind: 'need',
    x: 0,
    y: 0,
    w: 200,
    h: 120,
    z: 'a0',
    text: 'x',
    frame: null,
    ...fields,
  }))
    m.set(k, v);
  doc.getMap(ROOT.cards).set(id, m);
}

describe('DocumentIndex', () => {
  it('reads valid cards, frames and connectors into a snapshot', () => {
    const doc = new Y.Doc();
    const index = new DocumentIndex(doc);
    const f = createFrame(doc, { title: 'Today', x: 0, y: 0, w: 500, h: 400 });
    const a = createCard(doc, { kind: 'need', x: 10, y: 60, frame: f, text: 'Somewhere safe' }, author);
    const b = createCard(doc, { kind: 'outcome', x: 300, y: 60 }, author);
    createConnector(doc, { from: a, to: b, kind: 'contributes-to' });
    const snap = index.getSnapshot();
    expect(snap.cards.size).toBe(2);
    expect(snap.frames.get(f)?.title).toBe('Today');
    expect(snap.cards.get(a)?.frame).toBe(f);
    expect(snap.connectors.size).toBe(1);
    expect(snap.quarantine).toEqual([]);
  });

  it.each([
    ['an unknown kind', { kind: 'spaceship' }],
    ['a NaN coordinate', { x: Number.NaN }],
    ['a huge coordinate', { y: 1e12 }],
    ['an infinite size', { w: Number.POSITIVE_INFINITY }],
    ['text of the wrong type', { text: 42 }],
    ['a 1 MB string', { text: 'x'.repeat(1_000_000) }],
    ['fields of the wrong type', { fields: 'not an object' }],
    ['a z key with odd characters', { z: 'a 0;' }],
  ])('quarantines a card with %s, keeps it in the document and shows the rest', (_label, bad) => {
    const doc = new Y.Doc();
    const good = createCard(doc, { kind: 'note', x: 0, y: 0, text: 'fine' }, author);
    rawCard(doc, 'bad1', bad);
    const index = new DocumentIndex(doc);
    const snap = index.getSnapshot();
    expect([...snap.cards.keys()]).toEqual([good]);
    expect(snap.quarantine).toHaveLength(1);
    expect(snap.quarantine[0]).toMatchObject({ collection: 'cards', id: 'bad1' });
    expect(doc.getMap(ROOT.cards).has('bad1')).toBe(true);
  });

  it('hides a connector to a missing card and reports it, without deleting it', () => {
    const doc = new Y.Doc();
    const a = createCard(doc, { kind: 'need', x: 0, y: 0 }, author);
    createConnector(doc, { from: a, to: 'gone' as CardId, kind: 'depends-on' });
    const snap = new DocumentIndex(doc).getSnapshot();
    expect(snap.connectors.size).toBe(0);
    expect(snap.quarantine.map((q) => q.reason)).toEqual(['links to a card that is not there']);
    expect(doc.getMap(ROOT.connectors).size).toBe(1);
  });

  it('survives records that are not maps at all, and non-object roots entries', () => {
    const doc = new Y.Doc();
    doc.getMap(ROOT.cards).set('weird', 'just a string' as never);
    doc.getMap(ROOT.frames).set('weird2', new Y.Array() as never);
    const snap = new DocumentIndex(doc).getSnapshot();
    expect(snap.cards.size + snap.frames.size).toBe(0);
    expect(snap.quarantine).toHaveLength(2);
  });

  it('logs each quarantined record once', () => {
    const doc = new Y.Doc();
    const logs: string[] = [];
    const index = new DocumentIndex(doc, (m) => logs.push(m));
    rawCard(doc, 'bad', { x: 'left' });
    updateCard(doc, 'bad' as CardId, { text: 'still bad' });
    expect(index.getSnapshot().quarantine).toHaveLength(1);
    expect(logs).toHaveLength(1);
  });

  it('keeps unchanged records identical between snapshots and publishes one snapshot per transaction', () => {
    const doc = new Y.Doc();
    const index = new DocumentIndex(doc);
    const a = createCard(doc, { kind: 'need', x: 0, y: 0 }, author);
    const b = createCard(doc, { kind: 'need', x: 300, y: 0 }, author);
    const before = index.getSnapshot();
    let published = 0;
    index.subscribe(() => published++);
    doc.transact(() => {
      updateCard(doc, a, { x: 10 });
      updateCard(doc, a, { text: 'moved' });
    });
    const after = index.getSnapshot();
    expect(published).toBe(1);
    expect(after.cards.get(b)).toBe(before.cards.get(b));
    expect(after.cards.get(a)).not.toBe(before.cards.get(a));
    expect(before.cards.get(a)?.x).toBe(0);
    expect(after.cards.get(a)).toMatchObject({ x: 10, text: 'moved' });
  });

  it('restores a repaired record from quarantine', () => {
    const doc = new Y.Doc();
    const index = new DocumentIndex(doc);
    rawCard(doc, 'c1', { x: Number.NaN });
    expect(index.getSnapshot().quarantine).toHaveLength(1);
    updateCard(doc, 'c1' as CardId, { x: 5 });
    expect(index.getSnapshot().quarantine).toHaveLength(0);
    expect(index.getSnapshot().cards.get('c1' as CardId)?.x).toBe(5);
  });

  it('marks a document from a newer schema version read-only', () => {
    const doc = new Y.Doc();
    doc.getMap(ROOT.meta).set('schemaVersion', SCHEMA_VERSION + 1);
    expect(new DocumentIndex(doc).getSnapshot().readOnly).toBe(true);
  });

  it('falls back to defaults for broken meta fields instead of failing the workshop', () => {
    const doc = new Y.Doc();
    doc.getMap(ROOT.meta).set('title', 12345);
    doc.getMap(ROOT.meta).set('context', 'Homelessness prevention');
    const meta = new DocumentIndex(doc).getSnapshot().meta;
    expect(meta.title).toBe('Untitled workshop');
    expect(meta.context).toBe('Homelessness prevention');
  });

  it('follows deletes, including cascades from a deleted frame', () => {
    const doc = new Y.Doc();
    const index = new DocumentIndex(doc);
    const f = createFrame(doc, { title: 'F', x: 0, y: 0, w: 500, h: 500 });
    const a = createCard(doc, { kind: 'need', x: 10, y: 60, frame: f }, author);
    const b = createCard(doc, { kind: 'need', x: 900, y: 60 }, author);
    createConnector(doc, { from: a, to: b, kind: 'refers-to' });
    deleteItems(doc, [f]);
    const snap = index.getSnapshot();
    expect(snap.frames.size).toBe(0);
    expect([...snap.cards.keys()]).toEqual([b]);
    expect(doc.getMap(ROOT.connectors).size).toBe(0);
    expect(snap.quarantine).toEqual([]);
  });
});
