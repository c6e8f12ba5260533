import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CHOICE,
  exportFileName,
  MAX_PNG_SIDE,
  pngSizeProblem,
  regionProblem,
  slugForFileName,
  type ExportChoice,
} from '../../../../renderer/export/formats';

const choice = (patch: Partial<ExportChoice>): ExportChoice => ({ ...DEFAULT_CHOICE, ...patch });

describe('export file names', () => {
  it.each([
    ['pdf', 'fewer-evictions.pdf'],
    ['json', 'fewer-evictions.plan.json'],
    ['canvas', 'fewer-evictions.canvas'],
    ['png', 'fewer-evictions.png'],
    ['svg', 'fewer-evictions.svg'],
  ] as const)('names a %s export like the command line does', (format, name) => {
    expect(exportFileName('Fewer evictions', choice({ format }))).toBe(name);
  });

  it('adds the frame or "selection" to a picture of part of the board', () => {
    expect(
      exportFileName('Plan', choice({ format: 'png', region: { kind: 'frame', frameId: 'f' } }), 'The dream'),
    ).toBe('plan-the-dream.png');
    expect(exportFileName('Plan', choice({ format: 'png', region: { kind: 'selection', ids: ['a'] } }))).toBe(
      'plan-selection.png',
    );
    expect(
      exportFileName('Plan', choice({ format: 'png', region: { kind: 'frame', frameId: 'f' } }), ''),
    ).toBe('plan-frame.png');
  });

  it.each([
    ['', 'workshop'],
    ['../../etc/passwd', 'etc-passwd'],
    ['.hidden', 'hidden'],
    ['Cymorth i bobl ifanc — Ceredigion', 'cymorth-i-bobl-ifanc-ceredigion'],
    ['Gŵyl y ffynnon', 'gŵyl-y-ffynnon'],
    ['CON: <bad> | "name"?', 'con-bad-name'],
  ])('makes a safe file name from the title %j', (title, expected) => {
    expect(exportFileName(title, choice({ format: 'pdf' }))).toBe(`${expected}.pdf`);
  });

  it('keeps names short', () => {
    expect(slugForFileName('word '.repeat(100)).length).toBeLessThanOrEqual(80);
    expect(slugForFileName('word '.repeat(100))).not.toMatch(/-$/);
  });
});

describe('PNG size limit', () => {
  it('allows pictures within the limits', () => {
    expect(pngSizeProblem(1000, 800)).toBeNull();
    expect(pngSizeProblem(MAX_PNG_SIDE, 1000)).toBeNull();
  });

  it.each([
    [MAX_PNG_SIDE + 1, 10],
    [10, MAX_PNG_SIDE + 1],
    [10_000, 10_000],
  ])('refuses %i × %i with what to do instead', (w, h) => {
    const problem = pngSizeProblem(w, h);
    expect(problem).toMatch(/too big to make here/);
    expect(problem).toMatch(/smaller size/);
  });
});

describe('picture region check', () => {
  const has = (frames: string[], anySelected: boolean) => ({
    frame: (id: string) => frames.includes(id),
    anySelected,
  });
  it('says when the chosen frame has gone or nothing is selected', () => {
    expect(regionProblem({ kind: 'board' }, has([], false))).toBeNull();
    expect(regionProblem({ kind: 'frame', frameId: 'f1' }, has(['f1'], false))).toBeNull();
    expect(regionProblem({ kind: 'frame', frameId: 'gone' }, has(['f1'], false))).toMatch(
      /no longer on the board/,
    );
    expect(regionProblem({ kind: 'selection', ids: [] }, has([], false))).toMatch(/Nothing is selected/);
  });
});
