export * from './plan-schema';
export * from './derive-plan';
export * from './json-schema';
export * from './consent';
export * from './content-hash';
export * from './frame-context';
export * from './reading-order';
export { TEMPLATE_AUTHOR_ID, type Ballot, type NamedParticipant } from './participation';
export * from './presentation';
