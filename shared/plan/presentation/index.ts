export * from './sections';
export * from './present';
export * from './plain-words';
