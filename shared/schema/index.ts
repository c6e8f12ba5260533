export * from './validators';
export * from './restore';
export * from './version';
