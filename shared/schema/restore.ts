import { CARD_SIZE, type Card, type Connector, type Frame, type Meta } from '../model';
import { cardSchema, connectorSchema, frameSchema, metaSchema } from './validators';
import { SCHEMA_VERSION } from './version';

/**
 * The one repair step for everything that enters the app (documents, files, templates, peers,
 * imports). It fills defaults for fields that are simply missing, then validates. It never
 * guesses at values that are present but wrong: those make the record invalid.
 */

export type Restored<T> = { ok: true; value: T } | { ok: false; reason: string };

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function withDefaults(raw: unknown, defaults: Record<string, unknown>): unknown {
  if (!isPlainObject(raw)) return raw;
  const out: Record<string, unknown> = { ...defaults };
  for (const [k, v] of Object.entries(raw)) if (v !== undefined) out[k] = v;
  return out;
}

function summarise(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const first = error.issues[0];
  if (!first) return 'invalid';
  const where = first.path.map(String).join('.') || 'record';
  return `${where}: ${first.message}`.slice(0, 200);
}

export function restoreCard(raw: unknown): Restored<Card> {
  const parsed = cardSchema.safeParse(
    withDefaults(raw, {
      w: CARD_SIZE.w,
      h: CARD_SIZE.h,
      text: '',
      frame: null,
      fields: {},
      createdBy: '',
      createdRole: null,
      createdAt: 0,
    }),
  );
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: summarise(parsed.error) };
}

export function restoreFrame(raw: unknown): Restored<Frame> {
  const parsed = frameSchema.safeParse(withDefaults(raw, { title: '', locked: false }));
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: summarise(parsed.error) };
}

export function restoreConnector(raw: unknown): Restored<Connector> {
  const parsed = connectorSchema.safeParse(withDefaults(raw, { kind: 'refers-to', label: '' }));
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: summarise(parsed.error) };
}

export const DEFAULT_META: Meta = {
  schemaVersion: SCHEMA_VERSION,
  title: 'Untitled workshop',
  context: '',
  createdAt: 0,
  template: 'blank',
};

/** Meta is never quarantined: a broken field falls back to its default so the workshop still opens. */
export function restoreMeta(raw: unknown): Meta {
  const source = isPlainObject(raw) ? raw : {};
  const out: Record<string, unknown> = { ...DEFAULT_META };
  for (const key of Object.keys(DEFAULT_META) as (keyof Meta)[]) {
    const candidate = { ...DEFAULT_META, [key]: source[key] };
    if (source[key] !== undefined && metaSchema.safeParse(candidate).success) out[key] = source[key];
  }
  return metaSchema.parse(out);
}
