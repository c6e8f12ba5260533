import { useEffect, useState } from 'react';

/** Rows in the tree before it virtualises: small boards keep every row in the page (find in page, browse mode). */
export const VIRTUALISE_ABOVE = 300;
/** Rows mounted beyond each edge of the viewport, so scrolling and arrowing rarely meet a blank. */
const OVERSCAN = 12;
/** A virtualised row's height in rem; `outline.css` holds rows to it. */
export const ROW_HEIGHT_REM = 2.25;
/** Before the first measurement: tall enough for any panel, so the first paint is not blank. */
const GUESS_VIEWPORT_PX = 1200;

let rootFontPx: number | null = null;
function rowHeightPx(): number {
  rootFontPx ??= parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  return ROW_HEIGHT_REM * rootFontPx;
}

export interface RowWindow {
  /** First row index mounted (inclusive) and last (exclusive). */
  readonly start: number;
  readonly end: number;
  readonly rowHeight: number;
}

/**
 * Which rows of a scrolling list of `count` equal-height rows are in or near `el`'s viewport. Reads
 * the scroll offset on scroll and the viewport's size from a ResizeObserver, so it never forces a
 * layout. Returns null when the list is short enough to mount whole.
 */
export function useRowWindow(el: HTMLElement | null, count: number): RowWindow | null {
  const virtual = count > VIRTUALISE_ABOVE;
  const [view, setView] = useState({ top: 0, height: GUESS_VIEWPORT_PX });
  useEffect(() => {
    if (!el || !virtual) return;
    const onScroll = () => setView((v) => (v.top === el.scrollTop ? v : { ...v, top: el.scrollTop }));
    const observer = new ResizeObserver(([entry]) => {
      const height = entry?.contentRect.height ?? 0;
      if (height > 0) setView((v) => (v.height === height ? v : { ...v, height }));
    });
    observer.observe(el);
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      observer.disconnect();
      el.removeEventListener('scroll', onScroll);
    };
  }, [el, virtual]);
  if (!virtual) return null;
  const rowHeight = rowHeightPx();
  const start = Math.max(0, Math.min(count, Math.floor(view.top / rowHeight)) - OVERSCAN);
  const end = Math.min(count, Math.ceil((view.top + view.height) / rowHeight) + OVERSCAN);
  return { start, end, rowHeight };
}

/**
 * The row indexes to mount: the window plus any `pinned` rows outside it (the focused row and the
 * one being edited stay mounted, so focus never falls out of the tree), as runs of consecutive
 * indexes; the gaps between runs become spacers.
 */
export function mountedRuns(
  rowWindow: RowWindow,
  count: number,
  pinned: readonly number[],
): (readonly [number, number])[] {
  const extra = [...new Set(pinned)]
    .filter((i) => i >= 0 && i < count && (i < rowWindow.start || i >= rowWindow.end))
    .sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const i of extra.filter((i) => i < rowWindow.start)) runs.push([i, i + 1]);
  if (rowWindow.end > rowWindow.start) runs.push([rowWindow.start, rowWindow.end]);
  for (const i of extra.filter((i) => i >= rowWindow.end)) runs.push([i, i + 1]);
  return runs;
}
