import { z } from 'zod';
import { planSchema } from './plan-schema';

/**
 * The published JSON Schema of the plan, generated from the zod schema so the two cannot drift.
 * resources/schema/plan.schema.json is this value; a unit test fails when the committed file is
 * stale (run it with UPDATE_PLAN_SCHEMA=1 to rewrite the file).
 */
export function planJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(planSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
}
