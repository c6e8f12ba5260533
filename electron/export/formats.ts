/** Export formats the command line offers, and the file ending each gets by default. */
export const EXPORT_FORMATS = ['json', 'pdf', 'svg', 'png', 'canvas'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXTENSIONS: Readonly<Record<ExportFormat, string>> = {
  json: '.plan.json',
  pdf: '.pdf',
  svg: '.svg',
  png: '.png',
  canvas: '.canvas',
};
