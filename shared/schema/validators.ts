import { z } from 'zod';
import {
  CARD_KINDS,
  CONNECTOR_KINDS,
  COORD_LIMIT,
  FIELD_TEXT_LIMIT,
  ROLE_CATEGORIES,
  SIZE_LIMIT,
  TEXT_LIMIT,
  TITLE_LIMIT,
  type Card,
  type CardId,
  type Connector,
  type ConnectorId,
  type Frame,
  type FrameId,
  type Meta,
} from '../model';

/**
 * Runtime validators for everything read from a document, a file, a template or a peer.
 * Each is typed against its model type (`satisfies z.ZodType<T>`), so the two cannot drift.
 */

const coord = z.number().finite().min(-COORD_LIMIT).max(COORD_LIMIT);
const size = z.number().finite().min(1).max(SIZE_LIMIT);
const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);
/** Fractional-index keys are short base-62 strings. */
const zIndex = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[0-9A-Za-z]+$/);

export const cardIdSchema = id.transform((s) => s as CardId);
export const frameIdSchema = id.transform((s) => s as FrameId);
export const connectorIdSchema = id.transform((s) => s as ConnectorId);

const fieldValues = z
  .record(z.string().max(64), z.union([z.string().max(FIELD_TEXT_LIMIT), z.boolean()]))
  .refine((r) => Object.keys(r).length <= 64, 'too many fields');

export const cardSchema = z.object({
  id: cardIdSchema,
  kind: z.enum(CARD_KINDS),
  x: coord,
  y: coord,
  w: size,
  h: size,
  z: zIndex,
  text: z.string().max(TEXT_LIMIT),
  frame: frameIdSchema.nullable(),
  fields: fieldValues,
  createdBy: z.string().max(64),
  createdRole: z.enum(ROLE_CATEGORIES).nullable(),
  createdAt: z.number().finite().min(0),
}) satisfies z.ZodType<Card, unknown>;

export const frameSchema = z.object({
  id: frameIdSchema,
  title: z.string().max(TITLE_LIMIT),
  x: coord,
  y: coord,
  w: size,
  h: size,
  z: zIndex,
  locked: z.boolean(),
}) satisfies z.ZodType<Frame, unknown>;

export const connectorSchema = z.object({
  id: connectorIdSchema,
  from: cardIdSchema,
  to: cardIdSchema,
  kind: z.enum(CONNECTOR_KINDS),
  label: z.string().max(TITLE_LIMIT),
}) satisfies z.ZodType<Connector, unknown>;

export const metaSchema = z.object({
  schemaVersion: z.number().int().min(0).max(1_000_000),
  title: z.string().max(TITLE_LIMIT),
  context: z.string().max(TEXT_LIMIT),
  createdAt: z.number().finite().min(0),
  template: z.string().max(64),
}) satisfies z.ZodType<Meta, unknown>;
