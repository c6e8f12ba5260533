import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';

export const PLAN_SCHEMA_PATH = fileURLToPath(
  new URL('../../../../resources/schema/plan.schema.json', import.meta.url),
);

let validator: ValidateFunction | null = null;

/** ajv over the committed JSON Schema file: an independent check of what zod generated and exports produce. */
export function validatePlanJson(value: unknown): { valid: boolean; errors: string } {
  if (!validator) {
    const schema = JSON.parse(readFileSync(PLAN_SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
    validator = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
  }
  const valid = validator(value) as boolean;
  return { valid, errors: JSON.stringify(validator.errors ?? []) };
}
