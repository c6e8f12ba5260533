import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createCard } from '../../../../shared/doc';
import { CARD_KINDS, KIND_FIELDS, COMMON_FIELDS, type CardId } from '../../../../shared/model';
import {
  derivePlan,
  PLAN_SECTION_IDS,
  PLAN_SECTION_OF_KIND,
  PLAN_SECTIONS,
  plainDate,
  plainTimestamp,
  presentPlan,
  unquoted,
  type PresentedSection,
} from '../../../../shared/plan';
import { FIXTURE_NOW, richWorkshop, snapshotOf } from './fixtures';

const cellsOf = (sections: readonly PresentedSection[]) =>
  sections.flatMap((s) => s.rows.flatMap((r) => r.cells.flatMap((c) => (c === null ? [] : c))));

describe('the plan’s presentation', () => {
  const { snapshot } = richWorkshop();
  const plan = derivePlan(snapshot, { appVersion: '0.1.0', now: FIXTURE_NOW });

  it('lists every kind of card in the section the kind maps to', () => {
    const doc = new Y.Doc();
    for (const kind of CARD_KINDS)
      createCard(
        doc,
        {
          id: `card_${kind}` as CardId,
          kind,
          x: 0,
          y: 0,
          frame: null,
          text: `A ${kind} card`,
          fields: kind === 'person' ? { consent: 'yes' } : {},
        },
        { participantId: 'p1', role: 'frontline' },
      );
    const sections = presentPlan(derivePlan(snapshotOf(doc), { appVersion: '0', now: 0 }), { dates: 'long' });
    for (const kind of CARD_KINDS) {
      const section = sections.find((s) => s.id === PLAN_SECTION_OF_KIND[kind])!;
      expect(
        section.rows.map((r) => r.cardId),
        `${kind} in ${section.id}`,
      ).toContain(`card_${kind}`);
    }
  });

  it('has a title and an empty sentence for every section, and no two sections share a title', () => {
    const titles = PLAN_SECTION_IDS.map((id) => PLAN_SECTIONS[id].title);
    expect(new Set(titles).size).toBe(titles.length);
    for (const section of presentPlan(plan, { dates: 'long' })) {
      expect(section.empty.length).toBeGreaterThan(5);
      for (const row of section.rows) expect(row.cells).toHaveLength(section.columns.length);
    }
  });

  it('shows option labels and UK dates, never stored values', () => {
    const shown = cellsOf(presentPlan(plan, { dates: 'short' }));
    expect(shown).toContain('A group or association');
    expect(shown).toContain('Test removing it');
    expect(shown).toContain('Medium term (1–3 years)');
    expect(shown).toContain('15 Jan 2026');
    expect(shown).toContain('1 Apr 2025');
    expect(cellsOf(presentPlan(plan, { dates: 'long' }))).toContain('15 January 2026');
    for (const cell of shown) expect(cell).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const storedOnly = [...Object.values(KIND_FIELDS).flat(), ...COMMON_FIELDS].flatMap((f) =>
      f.type === 'select' ? f.options.filter((o) => o.value !== o.label).map((o) => o.value) : [],
    );
    for (const value of storedOnly) expect(shown, value).not.toContain(value);
  });

  it('names a card’s fields as the inspector does', () => {
    const resources = presentPlan(plan, { dates: 'long' }).find((s) => s.id === 'resources')!;
    expect(resources.columns.map((c) => c.label)).toEqual([
      'Resource',
      'How much',
      'Where it comes from',
      'What it funds',
    ]);
  });

  it('adds a column for where words come from only when some card says', () => {
    const sections = presentPlan(plan, { dates: 'long' });
    expect(sections.find((s) => s.id === 'needs')!.columns.at(-1)!.label).toBe('Where this comes from');
    expect(sections.find((s) => s.id === 'partners')!.columns.map((c) => c.label)).not.toContain(
      'Where this comes from',
    );
  });

  it('never shows withheld words, and says how many cards were left out', () => {
    const sections = presentPlan(plan, { dates: 'long' });
    expect(JSON.stringify(sections)).not.toContain('SECRET-WORDS');
    expect(sections.find((s) => s.id === 'voices')!.notes.join(' ')).toMatch(/left out of this plan/);
  });
});

describe('plain words', () => {
  it.each([
    ['2027-06-30', 'short', '30 Jun 2027'],
    ['2027-06-30', 'long', '30 June 2027'],
    ['2027-09-01', 'short', '1 Sep 2027'],
    ['next spring', 'long', 'next spring'],
    ['2027-13-01', 'long', '2027-13-01'],
  ] as const)('%s (%s) reads %s', (value, style, expected) => {
    expect(plainDate(value, style)).toBe(expected);
  });

  it('reads a timestamp as its UTC day', () => {
    expect(plainTimestamp('2025-03-14T23:30:00.000Z')).toBe('14 March 2025');
    expect(plainTimestamp('not a date')).toBe('not a date');
  });

  it.each([
    ['"I waited."', 'I waited.'],
    ['“I waited.”', 'I waited.'],
    ['  ‘“nested”’ ', 'nested'],
    ['He said "no" twice', 'He said "no" twice'],
    ['"', '"'],
  ])('takes the typed quotation marks off %j', (text, expected) => {
    expect(unquoted(text)).toBe(expected);
  });
});
