/**
 * Common annotations, parsers, money arithmetic, permissions and types of Tollgate.
 *
 * @packageDocumentation
 */
export * from './annotations';
export * from './dates';
export * from './money';
export * from './permissions';
export * from './types';
export * from './costOutside';
export * from './costBasis';
export * from './billing';
export * from './governance';
export * from './kubernetes';
export * from './budgets';
export * from './scorecards';
export * from './entityKinds';
export * from './providerSlug';
export * from './metering';
export * from './changes';
export * from './reconciliation';
export * from './unallocated';
export * from './upstream';
