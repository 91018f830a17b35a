/**
 * Test utilities for cost source modules: a local replay server standing in for a
 * vendor's API, a source started against it, and a fetch of one window collecting
 * what a source yields and throws.
 *
 * @packageDocumentation
 */
export * from './collectCostSourceItems';
export * from './startReplayServer';
export * from './startReplayCostSource';
