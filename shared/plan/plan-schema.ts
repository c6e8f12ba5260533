import { z } from 'zod';
import {
  ASSET_CATEGORIES,
  BARRIER_PROPOSALS,
  CARD_KINDS,
  CONNECTOR_KINDS,
  EVIDENCE_SOURCES,
  HORIZONS,
  LEARNING_STATUSES,
  ROLE_CATEGORIES,
} from '../model';

/**
 * The structured plan: the one zod source for the `Plan` type, the published JSON Schema
 * (resources/schema/plan.schema.json, generated from this file) and the check every export
 * passes. Described section by section in docs/plan-format.md.
 *
 * Bump PLAN_SCHEMA_VERSION when a change would break a reader of the previous version (a field
 * removed, renamed or given a new meaning); adding an optional field does not need a bump.
 */
export const PLAN_SCHEMA_VERSION = 1;

const text = z.string();
const optionalText = z.string().nullable().describe('null when not given');
const cardId = z.string().describe('Id of the card in the workshop, so an app can select it');
const isoDate = z.string().describe('ISO 8601 date-time (UTC)');

const frameRef = z
  .object({ id: z.string(), title: text })
  .nullable()
  .describe('The frame the card sits in, or null for a loose card');

/** What every plan entry that comes from a card carries. */
const cardEntry = {
  cardId,
  text: text.describe('What the card says (empty when withheld for lack of consent)'),
  frame: frameRef,
  evidence: z.enum(EVIDENCE_SOURCES).nullable().describe('Where what the card says comes from'),
};

const cardMention = z.object({
  cardId,
  kind: z.enum(CARD_KINDS),
  text,
});

const contextEntry = z.object({ ...cardEntry, kind: z.enum(CARD_KINDS) });

export const planSchema = z
  .object({
    schemaVersion: z.literal(PLAN_SCHEMA_VERSION).describe('Version of this plan format'),
    format: z.literal('dreamboard-plan'),
    meta: z.object({
      title: text,
      context: text.describe('Commissioning context: what service, which council, why now'),
      template: text,
      createdAt: isoDate.nullable(),
      generatedAt: isoDate,
    }),
    vision: z
      .object({ entries: z.array(contextEntry) })
      .describe('Cards in frames about the dream or vision'),
    today: z.object({ entries: z.array(contextEntry) }).describe('Cards in frames about how things are now'),
    people: z.object({
      needs: z.array(z.object({ ...cardEntry, whose: z.enum(ROLE_CATEGORIES).nullable() })),
      voices: z
        .array(z.object({ ...cardEntry, role: z.enum(ROLE_CATEGORIES).nullable() }))
        .describe('Quotes from people, only those whose consent field is "yes"'),
      voicesWithheld: z
        .number()
        .int()
        .min(0)
        .describe(
          'Cards left out of every section because consent was not given (voices without a "yes", cards marked "no")',
        ),
    }),
    strengths: z.array(z.object({ ...cardEntry, assetCategory: z.enum(ASSET_CATEGORIES).nullable() })),
    partners: z.array(
      z.object({ ...cardEntry, role: optionalText, brings: optionalText, commits: optionalText }),
    ),
    services: z.array(
      z.object({
        ...cardEntry,
        purpose: optionalText,
        stage: z
          .enum(['today', 'vision', 'unplaced'])
          .describe('From the frame: how things are now, or the dream'),
      }),
    ),
    outcomes: z.array(
      z.object({
        ...cardEntry,
        horizon: z.enum(HORIZONS).nullable(),
        indicator: optionalText,
        contributors: z.array(cardMention).describe('Cards linked to this outcome by "contributes to"'),
      }),
    ),
    resources: z.array(
      z.object({
        ...cardEntry,
        amount: optionalText,
        source: optionalText,
        funds: z.array(cardMention).describe('Cards this resource is linked to by "funds"'),
      }),
    ),
    barriers: z.array(
      z.object({
        ...cardEntry,
        isThreshold: z.boolean(),
        proposal: z.enum(BARRIER_PROPOSALS).nullable(),
        mitigations: z.array(cardMention).describe('Cards linked to this barrier by "mitigates"'),
      }),
    ),
    thresholdsToTestRemoving: z
      .array(cardId)
      .describe('Barriers that are eligibility thresholds proposed for testing removal or removal'),
    learning: z.array(
      z.object({
        ...cardEntry,
        watch: optionalText,
        reviewDate: optionalText,
        owner: optionalText,
        status: z.enum(LEARNING_STATUSES).nullable(),
        tests: z.array(cardMention).describe('Cards this experiment is linked to by "tests"'),
      }),
    ),
    decisions: z.object({
      votingHeld: z.boolean(),
      results: z.array(
        z.object({
          cardId,
          kind: z.enum(CARD_KINDS),
          text,
          rank: z.number().int().min(1),
          votes: z.number().int().min(0),
          byRole: z.array(
            z.object({ role: z.enum(ROLE_CATEGORIES).nullable(), votes: z.number().int().min(1) }),
          ),
        }),
      ),
    }),
    nextSteps: z.array(z.object({ ...cardEntry, owner: optionalText, due: optionalText })),
    otherNotes: z.array(z.object(cardEntry)).describe('Notes outside the vision and today frames'),
    links: z.array(
      z.object({
        connectorId: z.string(),
        from: cardMention,
        to: cardMention,
        kind: z.enum(CONNECTOR_KINDS),
        label: text,
      }),
    ),
    participation: z.object({
      byRole: z.array(
        z.object({
          role: z.enum(ROLE_CATEGORIES).nullable().describe('null: cards with no role recorded'),
          cards: z.number().int().min(0),
          contributors: z.number().int().min(0),
        }),
      ),
      namesIncluded: z.boolean().describe('True only when the facilitator chose to include names'),
      names: z.array(z.object({ name: text, role: z.enum(ROLE_CATEGORIES).nullable() })),
    }),
    gaps: z.array(
      z.object({
        check: z.enum([
          'outcome-without-contribution',
          'barrier-without-mitigation',
          'learning-without-review-date',
          'action-without-owner',
        ]),
        cardId,
        message: text,
      }),
    ),
    omitted: z
      .array(
        z.object({ collection: z.enum(['cards', 'frames', 'connectors']), id: z.string(), reason: text }),
      )
      .describe('Records of the workshop that could not be read and are not in this plan'),
    provenance: z.object({
      generator: z.literal('Dreamboard'),
      appVersion: text,
      documentSchemaVersion: z.number().int().min(0),
      contentHash: z
        .string()
        .regex(/^sha256:[0-9a-f]{64}$/)
        .describe('SHA-256 of the canonical JSON of the workshop content the plan was derived from'),
    }),
  })
  .meta({
    $id: 'https://dreamboard.app/schema/plan.schema.json',
    title: 'Dreamboard plan',
    description: 'A structured service plan derived from a Dreamboard workshop (see docs/plan-format.md).',
  });

export type Plan = z.infer<typeof planSchema>;
export type PlanGap = Plan['gaps'][number];
export type GapCheck = PlanGap['check'];
export type CardMention = z.infer<typeof cardMention>;
export type PlanFrameRef = z.infer<typeof frameRef>;
