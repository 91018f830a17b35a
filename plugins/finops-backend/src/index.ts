/**
 * The Tollgate finops backend plugin.
 *
 * @packageDocumentation
 */
export { finopsPlugin as default } from './plugin';
