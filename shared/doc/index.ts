export * from './layout';
export * from './snapshot';
export * from './reader';
export * from './writer';
