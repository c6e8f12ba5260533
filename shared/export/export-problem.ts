/**
 * A problem the person exporting can fix (too big a picture, a frame name that matches none), in
 * plain words: shown as it is, where other errors are bugs. Its own module so the command line can
 * recognise it without loading the export code.
 */
export class ExportProblem extends Error {
  override readonly name = 'ExportProblem';
}
