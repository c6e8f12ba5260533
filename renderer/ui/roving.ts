/**
 * Roving focus for composite widgets (toolbar, kind chooser): which index an arrow, Home or End
 * key moves to, or null when the key is not a navigation key. Wraps at the ends, as toolbars do.
 */
export function rovingIndex(
  count: number,
  current: number,
  key: string,
  orientation: 'vertical' | 'horizontal' | 'both' = 'both',
): number | null {
  if (count <= 0) return null;
  const prevKeys =
    orientation === 'vertical'
      ? ['ArrowUp']
      : orientation === 'horizontal'
        ? ['ArrowLeft']
        : ['ArrowUp', 'ArrowLeft'];
  const nextKeys =
    orientation === 'vertical'
      ? ['ArrowDown']
      : orientation === 'horizontal'
        ? ['ArrowRight']
        : ['ArrowDown', 'ArrowRight'];
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  if (prevKeys.includes(key)) return (current - 1 + count) % count;
  if (nextKeys.includes(key)) return (current + 1) % count;
  return null;
}
