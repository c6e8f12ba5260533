import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DocumentIndex, ORIGIN } from '../../../../shared/doc';
import { SCHEMA_VERSION } from '../../../../shared/schema';
import { applyTemplate, isKnownTemplate, listTemplates } from '../../../../shared/templates';

describe('templates', () => {
  it('lists the dream service model first and blank, each with a name and description', () => {
    const list = listTemplates();
    expect(list.map((t) => t.id)).toEqual(['dream-service-model', 'blank']);
    for (const t of list) {
      expect(t.name.length).toBeGreaterThan(0);
      expect(t.description.length).toBeGreaterThan(0);
    }
    expect(isKnownTemplate('blank')).toBe(true);
    expect(isKnownTemplate('nope')).toBe(false);
  });

  it('fills a dream service model with nine non-overlapping frames, each holding one prompt note', () => {
    const doc = new Y.Doc();
    applyTemplate(doc, 'dream-service-model', { now: 1_700_000_000_000 });
    const snapshot = new DocumentIndex(doc).getSnapshot();
    expect(snapshot.quarantine).toEqual([]);
    expect(snapshot.meta).toMatchObject({
      schemaVersion: SCHEMA_VERSION,
      title: 'Dream service model',
      createdAt: 1_700_000_000_000,
      template: 'dream-service-model',
    });
    const frames = [...snapshot.frames.values()];
    expect(frames.map((f) => f.title)).toContain('The dream');
    expect(frames).toHaveLength(9);
    for (const a of frames) {
      for (const b of frames) {
        if (a === b) continue;
        const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
        expect(overlap, `${a.title} overlaps ${b.title}`).toBe(false);
      }
    }
    for (const frame of frames) {
      const inside = [...snapshot.cards.values()].filter((c) => c.frame === frame.id);
      expect(inside).toHaveLength(1);
      const note = inside[0]!;
      expect(note.kind).toBe('note');
      expect(
        note.x >= frame.x &&
          note.x + note.w <= frame.x + frame.w &&
          note.y >= frame.y &&
          note.y + note.h <= frame.y + frame.h,
      ).toBe(true);
    }
  });

  it('writes with the load origin so an undo manager tracking local changes cannot undo it', () => {
    const doc = new Y.Doc();
    const undo = new Y.UndoManager([doc.getMap('meta'), doc.getMap('cards'), doc.getMap('frames')], {
      trackedOrigins: new Set([ORIGIN.local]),
    });
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
    applyTemplate(doc, 'dream-service-model', { title: 'Homelessness in Northshire' });
    expect(origins).toEqual([ORIGIN.load]);
    expect(undo.canUndo()).toBe(false);
    expect(doc.getMap('meta').get('title')).toBe('Homelessness in Northshire');
  });

  it('gives a blank workshop meta and no records', () => {
    const doc = new Y.Doc();
    applyTemplate(doc, 'blank', { now: 5 });
    const snapshot = new DocumentIndex(doc).getSnapshot();
    expect(snapshot.frames.size + snapshot.cards.size).toBe(0);
    expect(snapshot.meta.template).toBe('blank');
    expect(snapshot.meta.createdAt).toBe(5);
  });

  it('names the known templates when asked for an unknown one', () => {
    expect(() => applyTemplate(new Y.Doc(), 'service-blueprint-2')).toThrow(
      /no template called "service-blueprint-2".*dream-service-model, blank/,
    );
  });
});
