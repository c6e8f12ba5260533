import type { DocSnapshot } from '../doc';
import {
  ASSET_CATEGORIES,
  BARRIER_PROPOSALS,
  EVIDENCE_SOURCES,
  HORIZONS,
  LEARNING_STATUSES,
  ROLE_CATEGORIES,
  type Card,
  type Frame,
  type FrameId,
} from '../model';
import { booleanField, choiceField, textField } from './card-fields';
import { isWithheld } from './consent';
import { contentHash } from './content-hash';
import { frameContext, type FrameContext } from './frame-context';
import { findGaps } from './gaps';
import { LinkIndex } from './link-index';
import {
  countParticipation,
  tallyVotes,
  TEMPLATE_AUTHOR_ID,
  type Ballot,
  type NamedParticipant,
} from './participation';
import { PLAN_SCHEMA_VERSION, type Plan } from './plan-schema';
import { cardsInReadingOrder } from './reading-order';

/** What a plan is derived from: a validated snapshot (records that failed validation are in `quarantine`). */
export type PlanSource = Pick<DocSnapshot, 'meta' | 'cards' | 'frames' | 'connectors' | 'quarantine'>;

export interface DerivePlanOptions {
  /** Version of the Dreamboard that writes the plan (package.json version). */
  readonly appVersion: string;
  /** When the plan is made, ms since the epoch. Passed in so the function stays pure. */
  readonly now: number;
  /** Anonymous votes, once voting exists; none means the decisions section is empty. */
  readonly ballots?: readonly Ballot[];
  /** Participants' names appear only when the facilitator chooses; default: never. */
  readonly participantNames?: { readonly include: boolean; readonly people: readonly NamedParticipant[] };
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The structured plan of a workshop (docs/plan-format.md). Pure: the same snapshot and options
 * always give the same plan. Kinds decide sections; frames add context (vision, today) and
 * decide where free notes go. Prompt notes placed by a template are left out.
 */
export function derivePlan(source: PlanSource, options: DerivePlanOptions): Plan {
  const links = new LinkIndex(source.connectors.values(), source.cards);
  const contextOf = frameContextLookup(source.frames);
  const cards = cardsInReadingOrder(source.cards.values(), source.frames).filter(
    (c) => !(c.kind === 'note' && c.createdBy === TEMPLATE_AUTHOR_ID),
  );
  const quotable = cards.filter((c) => !isWithheld(c));
  const ofKind = (kind: Card['kind']) => quotable.filter((c) => c.kind === kind);
  const entry = (card: Card) => ({
    cardId: card.id as string,
    text: card.text,
    frame:
      card.frame !== null && source.frames.has(card.frame) ? frameRef(source.frames.get(card.frame)!) : null,
    evidence: choiceField(card, 'evidence', EVIDENCE_SOURCES),
  });
  const contextEntries = (context: FrameContext) =>
    quotable.filter((c) => contextOf(c.frame) === context).map((c) => ({ ...entry(c), kind: c.kind }));

  const outcomes = ofKind('outcome').map((c) => ({
    ...entry(c),
    horizon: choiceField(c, 'horizon', HORIZONS),
    indicator: textField(c, 'indicator'),
    contributors: links.sourcesOf(c.id, 'contributes-to'),
  }));
  const barriers = ofKind('barrier').map((c) => ({
    ...entry(c),
    isThreshold: booleanField(c, 'isThreshold'),
    proposal: choiceField(c, 'proposal', BARRIER_PROPOSALS),
    mitigations: links.sourcesOf(c.id, 'mitigates'),
  }));
  const learning = ofKind('learning').map((c) => ({
    ...entry(c),
    watch: textField(c, 'watch'),
    reviewDate: textField(c, 'reviewDate'),
    owner: textField(c, 'owner'),
    status: choiceField(c, 'status', LEARNING_STATUSES),
    tests: links.targetsOf(c.id, 'tests'),
  }));
  const nextSteps = ofKind('action')
    .map((c) => ({ ...entry(c), owner: textField(c, 'owner'), due: textField(c, 'due') }))
    // Dated steps first, soonest first; undated keep reading order (sort is stable).
    .sort((a, b) =>
      a.due === b.due ? 0 : a.due === null ? 1 : b.due === null ? -1 : a.due < b.due ? -1 : 1,
    );

  return {
    schemaVersion: PLAN_SCHEMA_VERSION,
    format: 'dreamboard-plan',
    meta: {
      title: source.meta.title,
      context: source.meta.context,
      template: source.meta.template,
      createdAt: source.meta.createdAt > 0 ? iso(source.meta.createdAt) : null,
      generatedAt: iso(options.now),
    },
    vision: { entries: contextEntries('vision') },
    today: { entries: contextEntries('today') },
    people: {
      needs: ofKind('need').map((c) => ({ ...entry(c), whose: choiceField(c, 'whose', ROLE_CATEGORIES) })),
      voices: ofKind('person').map((c) => ({ ...entry(c), role: choiceField(c, 'role', ROLE_CATEGORIES) })),
      voicesWithheld: cards.filter(isWithheld).length,
    },
    strengths: ofKind('strength').map((c) => ({
      ...entry(c),
      assetCategory: choiceField(c, 'assetCategory', ASSET_CATEGORIES),
    })),
    partners: ofKind('partner').map((c) => ({
      ...entry(c),
      role: textField(c, 'role'),
      brings: textField(c, 'brings'),
      commits: textField(c, 'commits'),
    })),
    services: ofKind('service').map((c) => ({
      ...entry(c),
      purpose: textField(c, 'purpose'),
      stage: contextOf(c.frame) ?? 'unplaced',
    })),
    outcomes,
    resources: ofKind('resource').map((c) => ({
      ...entry(c),
      amount: textField(c, 'amount'),
      source: textField(c, 'source'),
      funds: links.targetsOf(c.id, 'funds'),
    })),
    barriers,
    thresholdsToTestRemoving: barriers
      .filter((b) => b.isThreshold && (b.proposal === 'test-removing' || b.proposal === 'remove'))
      .map((b) => b.cardId),
    learning,
    decisions: tallyVotes(options.ballots ?? [], source.cards),
    nextSteps,
    otherNotes: ofKind('note')
      .filter((c) => contextOf(c.frame) === null)
      .map(entry),
    links: linksInReadingOrder(source, links),
    participation: countParticipation(
      source.cards.values(),
      options.participantNames ?? { include: false, people: [] },
    ),
    gaps: findGaps({ outcomes, barriers, learning, nextSteps }),
    omitted: source.quarantine.map((q) => ({ collection: q.collection, id: q.id, reason: q.reason })),
    provenance: {
      generator: 'Dreamboard',
      appVersion: options.appVersion,
      documentSchemaVersion: source.meta.schemaVersion,
      contentHash: contentHash(source),
    },
  };
}

function frameRef(frame: Frame) {
  return { id: frame.id as string, title: frame.title };
}

function frameContextLookup(frames: ReadonlyMap<FrameId, Frame>) {
  const cache = new Map<FrameId, FrameContext | null>();
  return (id: FrameId | null): FrameContext | null => {
    if (id === null) return null;
    let context = cache.get(id);
    if (context === undefined) {
      context = frameContext(frames.get(id));
      cache.set(id, context);
    }
    return context;
  };
}

function linksInReadingOrder(source: PlanSource, links: LinkIndex): Plan['links'] {
  const order = new Map<string, number>();
  cardsInReadingOrder(source.cards.values(), source.frames).forEach((c, i) => order.set(c.id, i));
  return [...source.connectors.values()]
    .sort((a, b) => (order.get(a.from) ?? 0) - (order.get(b.from) ?? 0) || (a.id < b.id ? -1 : 1))
    .flatMap((c) => {
      const from = links.mention(c.from);
      const to = links.mention(c.to);
      return from && to ? [{ connectorId: c.id as string, from, to, kind: c.kind, label: c.label }] : [];
    });
}
