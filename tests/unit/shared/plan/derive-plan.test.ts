import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createCard, type DocSnapshot } from '../../../../shared/doc';
import type { CardId } from '../../../../shared/model';
import { contentHash, derivePlan, type Plan } from '../../../../shared/plan';
import { FIXTURE_NOW, richWorkshop, snapshotOf, templateWorkshop } from './fixtures';

const options = { appVersion: '0.1.0', now: FIXTURE_NOW };
const planOf = (snapshot: DocSnapshot, extra: Partial<Parameters<typeof derivePlan>[1]> = {}) =>
  derivePlan(snapshot, { ...options, ...extra });
const ids = (entries: readonly { cardId: string }[]) => entries.map((e) => e.cardId);

describe('derivePlan on the rich workshop', () => {
  const { snapshot } = richWorkshop();
  const plan = planOf(snapshot);

  it('carries the plan format version, meta and commissioning context', () => {
    expect(plan.schemaVersion).toBe(1);
    expect(plan.format).toBe('dreamboard-plan');
    expect(plan.meta).toEqual({
      title: 'Cymorth i bobl ifanc — Ceredigion',
      context: 'Re-commissioning youth homelessness support in Ceredigion from April 2026.',
      template: 'dream-service-model',
      createdAt: '2025-03-13T10:30:00.000Z',
      generatedAt: '2025-03-14T10:30:00.000Z',
    });
  });

  it('puts every card of a "dream" frame in the vision and of a "today" frame in today, in reading order', () => {
    expect(ids(plan.vision.entries)).toEqual([
      'card_welshService',
      'card_outcomeSafe',
      'card_outcomeOrphan',
      'card_dreamNote',
      'card_strength',
      'card_learningDated',
      'card_learningUndated',
    ]);
    expect(ids(plan.today.entries)).toContain('card_needToday');
    expect(ids(plan.today.entries)).not.toContain('card_voiceNo');
  });

  it('quotes a voice only when its consent is yes, and counts the withheld ones', () => {
    expect(plan.people.voices.map((v) => v.text)).toEqual([
      'I told my story five times before anyone helped.',
    ]);
    expect(plan.people.voicesWithheld).toBe(2);
    const everything = JSON.stringify(plan);
    expect(everything).not.toContain('SECRET-WORDS');
    expect(everything).not.toContain('PRIVATE-NEED');
  });

  it('gives needs their evidence source and whose need it is', () => {
    expect(plan.people.needs).toEqual([
      expect.objectContaining({
        cardId: 'card_needToday',
        evidence: 'lived-experience',
        whose: 'lived-experience',
      }),
    ]);
  });

  it('describes partners, strengths, resources and services with their fields and stage', () => {
    expect(plan.partners[0]).toMatchObject({
      text: 'Clwb Ieuenctid',
      role: 'Drop-in host',
      brings: 'Trusted youth workers',
      commits: 'Two evenings a week',
    });
    expect(plan.strengths[0]).toMatchObject({ assetCategory: 'association' });
    expect(plan.resources[0]).toMatchObject({
      amount: '£40,000 a year',
      source: 'Welsh Government',
      funds: [{ cardId: 'card_welshService' }],
    });
    expect(plan.services.map((s) => [s.cardId, s.stage])).toEqual([
      ['card_serviceToday', 'today'],
      ['card_welshService', 'vision'],
    ]);
  });

  it('lists what contributes to each outcome from "contributes to" connectors', () => {
    const safe = plan.outcomes.find((o) => o.cardId === 'card_outcomeSafe')!;
    expect(safe).toMatchObject({ horizon: 'medium', indicator: 'Fewer repeat presentations' });
    expect(safe.contributors).toEqual([
      { cardId: 'card_welshService', kind: 'service', text: 'Gwasanaeth cymorth ŵyr' },
    ]);
  });

  it('lists barriers with mitigations and the thresholds proposed for testing removal', () => {
    expect(plan.barriers.find((b) => b.cardId === 'card_barrierForms')!.mitigations).toEqual([
      { cardId: 'card_partnerClub', kind: 'partner', text: 'Clwb Ieuenctid' },
    ]);
    expect(plan.thresholdsToTestRemoving).toEqual(['card_barrierAge']);
  });

  it('describes the learning plan and next steps, dated steps first', () => {
    expect(plan.learning[0]).toMatchObject({
      watch: 'Repeat presentations',
      reviewDate: '2026-01-15',
      owner: 'Service manager',
      status: 'planned',
      tests: [{ cardId: 'card_barrierAge' }],
    });
    expect(plan.nextSteps.map((s) => [s.cardId, s.owner, s.due])).toEqual([
      ['card_actionOwned', 'Commissioner', '2025-04-01'],
      ['card_actionOrphan', null, null],
    ]);
  });

  it('keeps notes outside vision and today frames, and never the template prompts', () => {
    expect(ids(plan.otherNotes)).toEqual(['card_parkedNote', 'card_looseNote']);
    const dsm = planOf(templateWorkshop('dream-service-model').snapshot);
    expect(dsm.otherNotes).toEqual([]);
    expect(dsm.vision.entries).toEqual([]);
  });

  it('lists every shown connector as a typed link', () => {
    expect(plan.links).toHaveLength(7);
    expect(plan.links.map((l) => l.kind).sort()).toEqual([
      'blocks',
      'contributes-to',
      'depends-on',
      'funds',
      'mitigates',
      'refers-to',
      'tests',
    ]);
    expect(plan.links.find((l) => l.kind === 'mitigates')!.label).toBe('Welsh-speaking staff');
  });

  it('counts participation by role category and never includes participant ids or names', () => {
    expect(plan.participation.byRole).toEqual([
      { role: 'lived-experience', cards: 5, contributors: 1 },
      { role: 'frontline', cards: 10, contributors: 1 },
      { role: 'commissioner', cards: 6, contributors: 1 },
    ]);
    expect(plan.participation.namesIncluded).toBe(false);
    expect(JSON.stringify(plan)).not.toContain('p-resident-1');
  });

  it('lists records that could not be read, with the reason, and leaves them out', () => {
    expect(plan.omitted.map((o) => `${o.collection}/${o.id}`).sort()).toEqual([
      'cards/card_broken',
      'connectors/conn_dangling',
      'frames/frame_bad',
    ]);
    expect(plan.omitted.every((o) => o.reason.length > 0)).toBe(true);
  });

  it('records provenance: app version, document schema version and a content hash', () => {
    expect(plan.provenance).toEqual({
      generator: 'Dreamboard',
      appVersion: '0.1.0',
      documentSchemaVersion: 1,
      contentHash: contentHash(snapshot),
    });
    expect(plan.provenance.contentHash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});

describe('derivePlan is pure and deterministic', () => {
  it('gives the same plan for the same content built twice (different Yjs client ids)', () => {
    const a = planOf(richWorkshop().snapshot);
    const b = planOf(richWorkshop().snapshot);
    expect(b).toEqual(a);
  });

  it('changes the content hash when a card changes', () => {
    const { doc, snapshot } = richWorkshop();
    const before = contentHash(snapshot);
    createCard(
      doc,
      { kind: 'note', x: 0, y: 0, text: 'one more', id: 'extra' as CardId },
      { participantId: 'x', role: null },
    );
    expect(contentHash(snapshotOf(doc))).not.toBe(before);
  });

  it('does not mutate the snapshot', () => {
    const { snapshot } = richWorkshop();
    const frozen = JSON.stringify([...snapshot.cards.values()]);
    planOf(snapshot);
    expect(JSON.stringify([...snapshot.cards.values()])).toBe(frozen);
  });
});

describe('derivePlan options', () => {
  it('has an empty decisions section until votes exist, then ranks them with counts by role', () => {
    const { snapshot, cards } = richWorkshop();
    expect(planOf(snapshot).decisions).toEqual({ votingHeld: false, results: [] });
    const ballots = [
      { cardId: cards['welshService']!, role: 'lived-experience' as const },
      { cardId: cards['welshService']!, role: 'commissioner' as const },
      { cardId: cards['welshService']!, role: 'lived-experience' as const },
      { cardId: cards['outcomeSafe']!, role: null },
      { cardId: cards['actionOwned']!, role: 'frontline' as const },
      { cardId: 'card_gone' as CardId, role: 'frontline' as const },
    ];
    const { decisions } = planOf(snapshot, { ballots });
    expect(decisions.votingHeld).toBe(true);
    expect(decisions.results.map((r) => [r.cardId, r.votes, r.rank])).toEqual([
      ['card_welshService', 3, 1],
      ['card_actionOwned', 1, 2],
      ['card_outcomeSafe', 1, 2],
    ]);
    expect(decisions.results[0]!.byRole).toEqual([
      { role: 'lived-experience', votes: 2 },
      { role: 'commissioner', votes: 1 },
    ]);
  });

  it('includes participant names only when the facilitator chooses to', () => {
    const { snapshot } = richWorkshop();
    const people = [{ name: 'Siân Ŵyn', role: 'lived-experience' as const }];
    expect(planOf(snapshot, { participantNames: { include: false, people } }).participation.names).toEqual(
      [],
    );
    const named: Plan = planOf(snapshot, { participantNames: { include: true, people } });
    expect(named.participation).toMatchObject({ namesIncluded: true, names: people });
  });

  it('derives an empty but complete plan from an empty document', () => {
    const plan = planOf(snapshotOf(new Y.Doc()));
    expect(plan.meta.title).toBe('Untitled workshop');
    expect(plan.meta.createdAt).toBeNull();
    expect(plan.gaps).toEqual([]);
    expect(plan.links).toEqual([]);
  });
});
