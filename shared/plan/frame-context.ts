import type { Frame } from '../model';

/**
 * Frames give cards the context their kind alone does not: a service in "Today" is how things
 * are now, a service in "The dream" is what should be. The rule (docs/plan-format.md):
 * a frame's title is lower-cased, accents removed, and searched for whole words below; vision
 * words are tried first, so "From today to the dream" is a vision frame. Welsh words are
 * included because Welsh councils run workshops in Welsh.
 */
export type FrameContext = 'vision' | 'today';

const VISION_WORDS = [
  'dream',
  'dreams',
  'vision',
  'future',
  'ideal',
  'what good looks like',
  'breuddwyd',
  'gweledigaeth',
  'dyfodol',
];
const TODAY_WORDS = [
  'today',
  'now',
  'current',
  'currently',
  'as is',
  'as-is',
  'at present',
  'heddiw',
  'presennol',
];

function normalise(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

function hasWord(title: string, word: string): boolean {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^a-z0-9])${escaped}($|[^a-z0-9])`).test(title);
}

export function frameContext(frame: Pick<Frame, 'title'> | undefined | null): FrameContext | null {
  if (!frame) return null;
  const title = normalise(frame.title);
  if (VISION_WORDS.some((w) => hasWord(title, w))) return 'vision';
  if (TODAY_WORDS.some((w) => hasWord(title, w))) return 'today';
  return null;
}
