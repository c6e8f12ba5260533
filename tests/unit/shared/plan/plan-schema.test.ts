import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { derivePlan, planJsonSchema, planSchema } from '../../../../shared/plan';
import { FIXTURE_NOW, richWorkshop, templateWorkshop } from './fixtures';
import { PLAN_SCHEMA_PATH, validatePlanJson } from './plan-test-support';

const generated = `${JSON.stringify(planJsonSchema(), null, 2)}\n`;

describe('published plan JSON Schema', () => {
  it('is the committed file, generated from the zod schema (UPDATE_PLAN_SCHEMA=1 rewrites it)', () => {
    if (process.env['UPDATE_PLAN_SCHEMA'] === '1') {
      mkdirSync(dirname(PLAN_SCHEMA_PATH), { recursive: true });
      writeFileSync(PLAN_SCHEMA_PATH, generated);
    }
    expect(existsSync(PLAN_SCHEMA_PATH), 'resources/schema/plan.schema.json is missing').toBe(true);
    expect(
      readFileSync(PLAN_SCHEMA_PATH, 'utf8'),
      'the schema file is stale: run UPDATE_PLAN_SCHEMA=1 npx vitest run tests/unit/plan',
    ).toBe(generated);
  });

  it.each([
    ['the rich workshop', () => richWorkshop().snapshot],
    ['the dream service model template', () => templateWorkshop('dream-service-model').snapshot],
    ['the blank template', () => templateWorkshop('blank').snapshot],
  ])('accepts the plan of %s (checked by ajv, independently of zod)', (_name, snapshot) => {
    const plan = JSON.parse(
      JSON.stringify(derivePlan(snapshot(), { appVersion: '0.1.0', now: FIXTURE_NOW })),
    );
    const result = validatePlanJson(plan);
    expect(result.errors).toBe('[]');
    expect(result.valid).toBe(true);
    expect(planSchema.safeParse(plan).success).toBe(true);
  });

  it('rejects a plan without schemaVersion or with a malformed content hash', () => {
    const plan = derivePlan(richWorkshop().snapshot, { appVersion: '0.1.0', now: FIXTURE_NOW });
    const { schemaVersion: _dropped, ...withoutVersion } = plan;
    expect(validatePlanJson(withoutVersion).valid).toBe(false);
    expect(
      validatePlanJson({ ...plan, provenance: { ...plan.provenance, contentHash: 'md5:abc' } }).valid,
    ).toBe(false);
  });
});
