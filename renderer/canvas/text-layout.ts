/**
 * Word wrapping for text drawn on a canvas. Pure: the measuring function is passed in, so the
 * rules (explicit newlines, long words broken, an ellipsis when the text does not fit) are tested
 * in Node.
 */
export type Measure = (text: string) => number;

export interface WrappedText {
  readonly lines: readonly string[];
  /** True when some of the text did not fit and the last line ends with an ellipsis. */
  readonly truncated: boolean;
}

const ELLIPSIS = '…';

export function wrapText(text: string, maxWidth: number, maxLines: number, measure: Measure): WrappedText {
  if (maxLines <= 0 || maxWidth <= 0) return { lines: [], truncated: text.length > 0 };
  const lines: string[] = [];
  const paragraphs = text.replace(/\r\n?/g, '\n').split('\n');
  for (let p = 0; p < paragraphs.length; p++) {
    const words = paragraphs[p]!.split(/[ \t]+/).filter((w) => w.length > 0);
    let line = '';
    for (const word of words) {
      const candidate = line ? `${line} ${word}` : word;
      if (measure(candidate) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line) {
        lines.push(line);
        if (lines.length >= maxLines) return finish(lines, maxWidth, measure, true);
      }
      // A word wider than the line is broken wherever it has to be.
      let rest = word;
      while (measure(rest) > maxWidth) {
        const cut = fitPrefix(rest, maxWidth, measure);
        lines.push(rest.slice(0, cut));
        if (lines.length >= maxLines) return finish(lines, maxWidth, measure, true);
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
    if (lines.length >= maxLines) {
      const more = p < paragraphs.length - 1 && paragraphs.slice(p + 1).some((s) => s.trim().length > 0);
      return finish(lines, maxWidth, measure, more);
    }
  }
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return { lines, truncated: false };
}

/** The longest prefix (at least one character) of `s` that fits. */
function fitPrefix(s: string, maxWidth: number, measure: Measure): number {
  let lo = 1;
  let hi = s.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(s.slice(0, mid)) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(1, lo);
}

function finish(lines: string[], maxWidth: number, measure: Measure, truncated: boolean): WrappedText {
  if (!truncated) return { lines, truncated };
  const last = lines.length - 1;
  lines[last] = withEllipsis(lines[last]!, maxWidth, measure);
  return { lines, truncated };
}

/** `line` shortened until it fits with a trailing ellipsis. */
export function withEllipsis(line: string, maxWidth: number, measure: Measure): string {
  let s = line.trimEnd();
  while (s.length > 0 && measure(s + ELLIPSIS) > maxWidth) s = s.slice(0, -1).trimEnd();
  return s + ELLIPSIS;
}

/** One line, cut with an ellipsis when too wide (titles, labels, markers). */
export function fitLine(text: string, maxWidth: number, measure: Measure): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return measure(oneLine) <= maxWidth ? oneLine : withEllipsis(oneLine, maxWidth, measure);
}
