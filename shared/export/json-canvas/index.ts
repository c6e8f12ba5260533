export * from './canvas-schema';
export * from './export-canvas';
export * from './import-canvas';
export { parseUntrustedJson, MAX_JSON_CHARS, MAX_JSON_DEPTH } from './untrusted-json';
