import type * as Y from 'yjs';
import type { CardId, FrameId } from '../model';
import { restoreCard, restoreFrame, SCHEMA_VERSION } from '../schema';
import { createCards, createFrame, ORIGIN, transact, updateMeta, zKeysBetween, type NewCard } from '../doc';
import { randomId } from '../util/ids';
import blankTemplate from '../../resources/templates/blank.json';
import dreamServiceModelTemplate from '../../resources/templates/dream-service-model.json';
import { templateFileSchema, type TemplateFile } from './template-file';

export interface TemplateInfo {
  readonly id: string;
  /** Plain-language name for the start screen. */
  readonly name: string;
  /** One or two sentences saying what the template is for. */
  readonly description: string;
}

/** Order is the order the start screen shows them in. */
const TEMPLATE_SOURCES: readonly unknown[] = [dreamServiceModelTemplate, blankTemplate];

let parsed: readonly TemplateFile[] | null = null;

/**
 * Template files ship with the app, so a broken one is a build mistake: the error names the
 * template and the field so it is found at once (a unit test parses them all).
 */
function templates(): readonly TemplateFile[] {
  if (!parsed) {
    parsed = TEMPLATE_SOURCES.map((source, index) => {
      const result = templateFileSchema.safeParse(source);
      if (!result.success) {
        const issue = result.error.issues[0];
        const where = issue ? `${issue.path.map(String).join('.')}: ${issue.message}` : 'invalid';
        throw new Error(`Template file number ${index + 1} is broken (${where})`);
      }
      return result.data;
    });
  }
  return parsed;
}

export function listTemplates(): TemplateInfo[] {
  return templates().map(({ id, name, description }) => ({ id, name, description }));
}

export function isKnownTemplate(templateId: string): boolean {
  return templates().some((t) => t.id === templateId);
}

export interface ApplyTemplateOptions {
  /** Workshop title; defaults to the template's. */
  readonly title?: string;
  /** Creation time in ms since the epoch; defaults to now. */
  readonly now?: number;
}

export interface AppliedTemplate {
  readonly frames: readonly FrameId[];
  readonly cards: readonly CardId[];
}

const TEMPLATE_AUTHOR = { participantId: 'template', role: null } as const;

/**
 * Fills a new, empty document from a template: meta, frames and their prompt cards, in one
 * transaction with the load origin so that the user cannot "undo" the template away.
 * Throws for an unknown template id (a programming error: ids come from `listTemplates`).
 */
export function applyTemplate(
  doc: Y.Doc,
  templateId: string,
  options: ApplyTemplateOptions = {},
): AppliedTemplate {
  const template = templates().find((t) => t.id === templateId);
  if (!template) {
    throw new Error(
      `There is no template called "${templateId}". Known templates: ${listTemplates()
        .map((t) => t.id)
        .join(', ')}.`,
    );
  }
  const now = options.now ?? Date.now();
  const frameZ = zKeysBetween(null, null, Math.max(template.frames.length, 1));
  const promptCount = template.frames.reduce((n, f) => n + f.prompts.length, 0);
  const cardZ = zKeysBetween(null, null, Math.max(promptCount, 1));
  const frameIds: FrameId[] = [];
  const cards: NewCard[] = [];

  template.frames.forEach((frame, index) => {
    const id = randomId() as FrameId;
    const restored = restoreFrame({
      id,
      title: frame.title,
      x: frame.x,
      y: frame.y,
      w: frame.w,
      h: frame.h,
      z: frameZ[index],
      locked: frame.locked,
    });
    if (!restored.ok)
      throw new Error(`Template "${templateId}" frame "${frame.title}" is invalid (${restored.reason})`);
    frameIds.push(restored.value.id);
    for (const prompt of frame.prompts) {
      const card = restoreCard({
        id: randomId(),
        kind: prompt.kind,
        x: frame.x + prompt.dx,
        y: frame.y + prompt.dy,
        w: prompt.w,
        h: prompt.h,
        z: cardZ[cards.length],
        text: prompt.text,
        frame: id,
        createdBy: TEMPLATE_AUTHOR.participantId,
        createdAt: now,
      });
      if (!card.ok)
        throw new Error(`Template "${templateId}" prompt in "${frame.title}" is invalid (${card.reason})`);
      const { id: cardId, kind, x, y, w, h, z, text } = card.value;
      cards.push({ id: cardId, kind, x, y, w, h, z, text, frame: id });
    }
  });

  let cardIds: CardId[] = [];
  transact(
    doc,
    () => {
      updateMeta(
        doc,
        {
          schemaVersion: SCHEMA_VERSION,
          title: options.title ?? template.title,
          context: '',
          createdAt: now,
          template: template.id,
        },
        ORIGIN.load,
      );
      template.frames.forEach((frame, index) => {
        createFrame(
          doc,
          {
            id: frameIds[index],
            title: frame.title,
            x: frame.x,
            y: frame.y,
            w: frame.w,
            h: frame.h,
            z: frameZ[index],
            locked: frame.locked,
          },
          ORIGIN.load,
        );
      });
      cardIds = createCards(doc, cards, TEMPLATE_AUTHOR, ORIGIN.load);
    },
    ORIGIN.load,
  );
  return { frames: frameIds, cards: cardIds };
}
