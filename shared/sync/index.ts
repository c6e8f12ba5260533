export * from './clock';
export * from './messages';
export * from './chunking';
export * from './untrusted-update';
export * from './strikes';
export * from './relay';
export * from './peer-protocol';
export * from './room';
