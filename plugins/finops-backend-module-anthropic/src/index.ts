/**
 * Anthropic Admin API usage and cost report source for the Tollgate finops backend.
 *
 * @packageDocumentation
 */
export { finopsModuleAnthropic as default } from './module';
