export * from './apply-template';
