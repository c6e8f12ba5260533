import { basename } from 'node:path';
import { CARD_KIND_INFO, CARD_KINDS } from '../../../shared/model';
import {
  describeOpenProblem,
  formatBytes,
  inspectWorkshop,
  readWorkshopFile,
  type WorkshopReport,
} from '../../../shared/storage';
import { EXIT, oneFile, type Command } from '../command';

function formatReport(file: string, r: WorkshopReport): string {
  const rows: [string, string][] = [
    ['Title', r.title],
    ['File', `${file}${r.bytes === null ? '' : ` (${formatBytes(r.bytes)})`}`],
    ['Schema version', `${r.schemaVersion} (file format ${r.formatVersion})`],
    ['Template', r.template],
    ['Created', r.createdAt ?? 'not recorded'],
    ['Last change', r.lastChangedAt ?? 'unknown'],
    ['Frames', String(r.frames)],
    ['Cards', String(r.cards.total)],
    ...CARD_KINDS.filter((k) => r.cards.byKind[k] > 0).map((k): [string, string] => [
      `  ${CARD_KIND_INFO[k].label}`,
      String(r.cards.byKind[k]),
    ]),
    ['Connectors', String(r.connectors)],
  ];
  if (r.quarantined > 0)
    rows.push(['Skipped records', `${r.quarantined} (invalid; kept in the file, not shown)`]);
  rows.push([
    'Integrity',
    r.integrity.status === 'healthy' ? 'healthy' : `recovered: ${r.integrity.message}`,
  ]);
  if (r.integrity.readOnlyReason) rows.push(['Read-only', r.integrity.readOnlyReason]);
  const width = Math.max(...rows.map(([k]) => k.length)) + 1;
  return rows.map(([k, v]) => `${`${k}:`.padEnd(width)} ${v}`).join('\n') + '\n';
}

export const infoCommand: Command = {
  name: 'info',
  summary: 'Show a workshop’s title, counts of cards by kind, frames, connectors, last change and integrity.',
  usage: 'dreamboard info <file> [--json]',
  options: { json: { takesValue: false } },
  async run(args, { io, volume }) {
    const file = oneFile(args);
    const read = await readWorkshopFile(volume, file);
    if (!read.ok) {
      io.err(`${describeOpenProblem(read.problem, basename(file))}\n`);
      return EXIT.unreadable;
    }
    const report = inspectWorkshop(read);
    io.out(
      args.options.has('json')
        ? `${JSON.stringify({ file, ...report }, null, 2)}\n`
        : formatReport(file, report),
    );
    return EXIT.ok;
  },
};
