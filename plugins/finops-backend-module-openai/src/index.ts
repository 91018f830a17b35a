/**
 * OpenAI organization usage and costs source for the Tollgate finops backend.
 *
 * @packageDocumentation
 */
export { finopsModuleOpenai as default } from './module';
