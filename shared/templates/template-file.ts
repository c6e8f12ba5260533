import { z } from 'zod';
import { CARD_KINDS, COORD_LIMIT, SIZE_LIMIT, TEXT_LIMIT, TITLE_LIMIT } from '../model';

/**
 * The shape of a template file in resources/templates/. Templates are data, so they are
 * validated like anything else that enters the app; their records then go through the same
 * restore step as files and peers (see apply-template.ts).
 */

const coord = z.number().finite().min(-COORD_LIMIT).max(COORD_LIMIT);
const size = z.number().finite().min(1).max(SIZE_LIMIT);

/** A prompt card placed relative to its frame's top-left corner. */
const promptSchema = z.object({
  kind: z.enum(CARD_KINDS),
  dx: coord,
  dy: coord,
  w: size,
  h: size,
  text: z.string().max(TEXT_LIMIT),
});

const templateFrameSchema = z.object({
  title: z.string().max(TITLE_LIMIT),
  x: coord,
  y: coord,
  w: size,
  h: size,
  locked: z.boolean(),
  prompts: z.array(promptSchema).max(50).default([]),
});

export const templateFileSchema = z.object({
  /** Bumped if the template file shape changes incompatibly. */
  formatVersion: z.literal(1),
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-z0-9-]+$/),
  name: z.string().min(1).max(TITLE_LIMIT),
  description: z.string().max(TEXT_LIMIT),
  /** Title a new workshop gets unless the facilitator gives one. */
  title: z.string().max(TITLE_LIMIT),
  frames: z.array(templateFrameSchema).max(200),
});

export type TemplateFile = z.infer<typeof templateFileSchema>;
