export * from './svg';
export * from './board-region';
export * from './text-layout';
export * from './pdf/plan-pdf';
export type { ExportFonts } from './pdf/fonts';
export * from './json-canvas';
export * from './formats';
export * from './makers';
