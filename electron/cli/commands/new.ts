import { basename } from 'node:path';
import { createDoc } from '../../../shared/doc/updates';
import { TITLE_LIMIT } from '../../../shared/model';
import { createWorkshopFile, describeStorageFailure, StorageError } from '../../../shared/storage';
import { applyTemplate, isKnownTemplate, listTemplates } from '../../../shared/templates';
import { EXIT, oneFile, UsageError, type Command } from '../command';

export const newCommand: Command = {
  name: 'new',
  summary: 'Create a workshop file from a template (never overwrites an existing file).',
  usage: `dreamboard new <file> [--template ${listTemplates()
    .map((t) => t.id)
    .join('|')}] [--title "..."]`,
  options: { template: { takesValue: true }, title: { takesValue: true } },
  async run(args, { io, volume, now }) {
    const file = oneFile(args);
    const templateOption = args.options.get('template');
    const template = typeof templateOption === 'string' ? templateOption : 'dream-service-model';
    if (!isKnownTemplate(template)) {
      throw new UsageError(
        `There is no template "${template}". Templates: ${listTemplates()
          .map((t) => t.id)
          .join(', ')}.`,
      );
    }
    const titleOption = args.options.get('title');
    if (typeof titleOption === 'string' && (titleOption.trim() === '' || titleOption.length > TITLE_LIMIT)) {
      throw new UsageError(`A title needs 1 to ${TITLE_LIMIT} characters.`);
    }
    const doc = createDoc();
    const time = now();
    applyTemplate(doc, template, {
      now: time,
      ...(typeof titleOption === 'string' ? { title: titleOption } : {}),
    });
    try {
      await createWorkshopFile(volume, file, doc, time);
    } catch (error) {
      if (!(error instanceof StorageError)) throw error;
      io.err(`${describeStorageFailure(error.code, basename(file), 'create')}\n`);
      return EXIT.failed;
    }
    io.out(`Created "${file}" from the ${template} template.\n`);
    return EXIT.ok;
  },
};
