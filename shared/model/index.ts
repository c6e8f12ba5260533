export * from './kinds';
export * from './fields';
export * from './records';
