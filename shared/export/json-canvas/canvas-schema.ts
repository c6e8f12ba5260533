import { z } from 'zod';
import {
  CARD_KINDS,
  CONNECTOR_KINDS,
  COORD_LIMIT,
  FIELD_TEXT_LIMIT,
  SIZE_LIMIT,
  TEXT_LIMIT,
  TITLE_LIMIT,
} from '../../model';

/**
 * JSON Canvas 1.0 (https://jsoncanvas.org/spec/1.0/) as Dreamboard reads it. The spec lets
 * tools add keys; Dreamboard adds one, `dreamboard`, holding what the open format has no place
 * for (card kind and fields, connector kind), so a file round-trips without loss. Other tools'
 * extra keys are ignored. Limits are Dreamboard's own record limits: a file that breaks one is
 * refused whole rather than cut down.
 */
export const MAX_CANVAS_NODES = 20_000;
export const MAX_CANVAS_EDGES = 50_000;

const coord = z.number().finite().min(-COORD_LIMIT).max(COORD_LIMIT);
const size = z.number().finite().min(1).max(SIZE_LIMIT);
const nodeId = z.string().min(1).max(256);
const color = z.string().max(32).optional();

const cardExtension = z.object({
  kind: z.enum(CARD_KINDS),
  fields: z
    .record(z.string().max(64), z.union([z.string().max(FIELD_TEXT_LIMIT), z.boolean()]))
    .refine((r) => Object.keys(r).length <= 64, 'too many fields')
    .optional(),
  frame: nodeId.nullable().optional(),
});

const base = { id: nodeId, x: coord, y: coord, width: size, height: size, color };

export const canvasNodeSchema = z.discriminatedUnion('type', [
  z.object({
    ...base,
    type: z.literal('text'),
    text: z.string().max(TEXT_LIMIT),
    dreamboard: cardExtension.optional(),
  }),
  z.object({
    ...base,
    type: z.literal('file'),
    file: z.string().max(2048),
    subpath: z.string().max(512).optional(),
  }),
  z.object({ ...base, type: z.literal('link'), url: z.string().max(2048) }),
  z.object({
    ...base,
    type: z.literal('group'),
    label: z.string().max(TITLE_LIMIT).optional(),
    background: z.string().max(2048).optional(),
    backgroundStyle: z.enum(['cover', 'ratio', 'repeat']).optional(),
  }),
]);

const side = z.enum(['top', 'right', 'bottom', 'left']).optional();
const end = z.enum(['none', 'arrow']).optional();

export const canvasEdgeSchema = z.object({
  id: nodeId,
  fromNode: nodeId,
  toNode: nodeId,
  fromSide: side,
  toSide: side,
  fromEnd: end,
  toEnd: end,
  color,
  label: z.string().max(TITLE_LIMIT).optional(),
  dreamboard: z.object({ kind: z.enum(CONNECTOR_KINDS) }).optional(),
});

export const jsonCanvasSchema = z.object({
  nodes: z.array(canvasNodeSchema).max(MAX_CANVAS_NODES).default([]),
  edges: z.array(canvasEdgeSchema).max(MAX_CANVAS_EDGES).default([]),
});

export type JsonCanvas = z.infer<typeof jsonCanvasSchema>;
export type JsonCanvasNode = z.infer<typeof canvasNodeSchema>;
export type JsonCanvasEdge = z.infer<typeof canvasEdgeSchema>;
