import type { OutlineRow } from './outline-model';

/** What a navigation key does in the tree (WAI-ARIA tree view pattern). */
export type TreeMove =
  | { readonly type: 'focus'; readonly key: string }
  | { readonly type: 'expand'; readonly key: string }
  | { readonly type: 'collapse'; readonly key: string }
  | null;

export function treeMove(rows: readonly OutlineRow[], focusedKey: string | null, key: string): TreeMove {
  if (rows.length === 0) return null;
  const index = Math.max(
    0,
    rows.findIndex((r) => r.key === focusedKey),
  );
  const row = rows[index]!;
  switch (key) {
    case 'ArrowDown':
      return index + 1 < rows.length ? { type: 'focus', key: rows[index + 1]!.key } : null;
    case 'ArrowUp':
      return index > 0 ? { type: 'focus', key: rows[index - 1]!.key } : null;
    case 'Home':
      return { type: 'focus', key: rows[0]!.key };
    case 'End':
      return { type: 'focus', key: rows[rows.length - 1]!.key };
    case 'ArrowRight':
      if (row.expandable && !row.expanded) return { type: 'expand', key: row.key };
      if (row.expanded) return { type: 'focus', key: rows[index + 1]!.key };
      return null;
    case 'ArrowLeft':
      if (row.expanded) return { type: 'collapse', key: row.key };
      return row.parentKey !== null ? { type: 'focus', key: row.parentKey } : null;
    default:
      return null;
  }
}
