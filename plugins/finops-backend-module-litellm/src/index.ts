/**
 * LiteLLM proxy spend logs source for the Tollgate finops backend.
 *
 * @packageDocumentation
 */
export { finopsModuleLitellm as default } from './module';
