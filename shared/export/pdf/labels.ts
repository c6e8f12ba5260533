import {
  CARD_KIND_INFO,
  COMMON_FIELDS,
  KIND_FIELDS,
  ROLE_LABELS,
  type CardKind,
  type RoleCategory,
} from '../../model';

/** People-facing words for stored values, taken from the same tables the inspector shows. */
export function optionLabel(kind: CardKind, key: string, value: string | null): string {
  if (value === null) return '—';
  const spec = [...KIND_FIELDS[kind], ...COMMON_FIELDS].find((f) => f.key === key);
  if (spec?.type === 'select') return spec.options.find((o) => o.value === value)?.label ?? value;
  return value;
}

export function roleLabel(role: RoleCategory | null): string {
  return role === null ? 'Not recorded' : ROLE_LABELS[role];
}

export function kindLabel(kind: CardKind): string {
  return CARD_KIND_INFO[kind].label;
}

export const orDash = (value: string | null): string => (value === null || value === '' ? '—' : value);
