import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  exportJsonCanvas,
  importJsonCanvas,
  serialiseJsonCanvas,
  writeCanvasImport,
} from '../../../../shared/export';
import { cardsInZOrder, type DocSnapshot } from '../../../../shared/doc';
import { derivePlan } from '../../../../shared/plan';
import { FIXTURE_NOW, richWorkshop, snapshotOf } from '../plan/fixtures';

const author = { participantId: 'importer', role: 'commissioner' as const };

function roundTrip(snapshot: DocSnapshot, into = new Y.Doc()) {
  const result = importJsonCanvas(serialiseJsonCanvas(exportJsonCanvas(snapshot)));
  if (!result.ok) throw new Error(result.problem);
  writeCanvasImport(into, result.records, author);
  return { doc: into, snapshot: snapshotOf(into), records: result.records };
}

/** What a board means, independent of ids: kinds, texts, fields, frames by title, links by text. */
function meaning(snapshot: DocSnapshot) {
  const frameTitle = (id: string | null) => (id ? (snapshot.frames.get(id as never)?.title ?? '?') : null);
  const cards = cardsInZOrder(snapshot).map((c) => ({
    kind: c.kind,
    text: c.text,
    x: c.x,
    y: c.y,
    w: c.w,
    h: c.h,
    frame: frameTitle(c.frame),
    fields: c.fields,
  }));
  const text = (id: string) => snapshot.cards.get(id as never)!.text;
  const links = [...snapshot.connectors.values()]
    .map((c) => `${text(c.from)} -${c.kind}/${c.label}-> ${text(c.to)}`)
    .sort();
  const frames = [...snapshot.frames.values()].map((f) => `${f.title}@${f.x},${f.y},${f.w}x${f.h}`).sort();
  return { cards, links, frames };
}

describe('JSON Canvas export', () => {
  const { snapshot } = richWorkshop();
  const canvas = exportJsonCanvas(snapshot);

  it('turns frames into groups first (beneath), cards into text nodes with the kind as a heading', () => {
    const groups = canvas.nodes.filter((n) => n.type === 'group');
    expect(groups.map((g) => g.type === 'group' && g.label)).toEqual([
      'Today: what happens now',
      'The dream',
      'Partners',
      'Parking lot',
    ]);
    expect(canvas.nodes.slice(0, 4).every((n) => n.type === 'group')).toBe(true);
    const welsh = canvas.nodes.find((n) => n.id === 'card_welshService');
    expect(welsh).toMatchObject({
      type: 'text',
      text: '## Service\n\nGwasanaeth cymorth ŵyr',
      color: '#0B5A84',
    });
  });

  it('turns connectors into labelled edges with an arrow at the target', () => {
    expect(canvas.edges).toHaveLength(7);
    expect(canvas.edges.find((e) => e.dreamboard?.kind === 'mitigates')).toMatchObject({
      label: 'Welsh-speaking staff',
      toEnd: 'arrow',
    });
    expect(canvas.edges.find((e) => e.dreamboard?.kind === 'funds')).toMatchObject({ label: 'funds' });
  });

  it('uses integer positions and sizes, as the spec asks', () => {
    for (const n of canvas.nodes)
      for (const v of [n.x, n.y, n.width, n.height]) expect(Number.isInteger(v)).toBe(true);
  });

  it('keeps withheld words out of the file', () => {
    const text = serialiseJsonCanvas(canvas);
    expect(text).not.toContain('SECRET-WORDS');
    expect(text).not.toContain('PRIVATE-NEED');
  });
});

describe('JSON Canvas round trip', () => {
  it('brings back the same cards, fields, frames and links', () => {
    const { snapshot } = richWorkshop();
    const back = roundTrip(snapshot).snapshot;
    const before = meaning(snapshot);
    const after = meaning(back);
    // Withheld words are replaced on export; everything else is the same.
    const withheld = new Set(['SECRET-WORDS my landlord shouted at me', 'PRIVATE-NEED do not share']);
    expect(after.cards.filter((c) => !c.text.startsWith('Words withheld'))).toEqual(
      before.cards.filter((c) => !withheld.has(c.text)),
    );
    expect(after.frames).toEqual(before.frames);
    expect(after.links).toEqual(before.links);
    expect(back.quarantine).toEqual([]);
  });

  it('gives the round-tripped board the same plan sections', () => {
    const { snapshot } = richWorkshop();
    const back = roundTrip(snapshot).snapshot;
    const plan = (s: DocSnapshot) => derivePlan(s, { appVersion: 'x', now: FIXTURE_NOW });
    const strip = (p: ReturnType<typeof plan>) =>
      p.outcomes.map((o) => [o.text, o.horizon, o.indicator, o.contributors.map((c) => c.text)]);
    expect(strip(plan(back))).toEqual(strip(plan(snapshot)));
    expect(plan(back).gaps.map((g) => g.check)).toEqual(plan(snapshot).gaps.map((g) => g.check));
  });

  it('imports into an existing board with fresh ids, as one undoable transaction', () => {
    const { snapshot } = richWorkshop();
    const target = richWorkshop().doc;
    const before = snapshotOf(target).cards.size;
    let transactions = 0;
    target.on('afterTransaction', () => transactions++);
    const { snapshot: after, records } = roundTrip(snapshot, target);
    expect(transactions).toBe(1);
    expect(after.cards.size).toBe(before + records.cards.length);
    expect(records.cards.every((c) => !snapshot.cards.has(c.id!))).toBe(true);
  });

  it('reads a plain canvas from another tool: headings name kinds, groups contain cards, labels name links', () => {
    const file = JSON.stringify({
      nodes: [
        { id: 'g', type: 'group', x: 0, y: 0, width: 1000, height: 600, label: 'The dream', color: '4' },
        {
          id: 'a',
          type: 'text',
          x: 20,
          y: 40,
          width: 250,
          height: 120,
          text: '# Outcome\nPeople feel heard',
        },
        { id: 'b', type: 'text', x: 400, y: 40, width: 250, height: 120, text: '## Partner\nClwb' },
        {
          id: 'c',
          type: 'text',
          x: 1200,
          y: 40,
          width: 250,
          height: 120,
          text: '## Not a kind\nkeep this heading',
        },
        {
          id: 'f',
          type: 'file',
          x: 20,
          y: 300,
          width: 200,
          height: 100,
          file: 'notes/brief.md',
          subpath: '#aims',
        },
        { id: 'l', type: 'link', x: 300, y: 300, width: 200, height: 100, url: 'https://example.org' },
      ],
      edges: [
        { id: 'e1', fromNode: 'b', toNode: 'a', label: 'contributes to' },
        { id: 'e2', fromNode: 'c', toNode: 'a', label: 'my own words' },
        { id: 'e3', fromNode: 'g', toNode: 'a' },
      ],
    });
    const result = importJsonCanvas(file);
    if (!result.ok) throw new Error(result.problem);
    const { cards, frames, connectors, notes } = result.records;
    expect(frames.map((f) => f.title)).toEqual(['The dream']);
    expect(cards.map((c) => [c.kind, c.text, c.frame === frames[0]!.id])).toEqual([
      ['outcome', 'People feel heard', true],
      ['partner', 'Clwb', true],
      ['note', '## Not a kind\nkeep this heading', false],
      ['note', 'File: notes/brief.md#aims', true],
      ['note', 'https://example.org', true],
    ]);
    expect(connectors.map((c) => [c.kind, c.label])).toEqual([
      ['contributes-to', ''],
      ['refers-to', 'my own words'],
    ]);
    expect(notes).toEqual(['1 edge to or from a group left out: Dreamboard connects cards, not frames.']);
  });

  it('shifts an import by an offset', () => {
    const file = JSON.stringify({
      nodes: [{ id: 'a', type: 'text', x: 10, y: 20, width: 100, height: 80, text: 'hi' }],
      edges: [],
    });
    const result = importJsonCanvas(file, { offset: { x: 1000, y: -50 } });
    expect(result.ok && result.records.cards[0]).toMatchObject({ x: 1010, y: -30 });
  });
});
