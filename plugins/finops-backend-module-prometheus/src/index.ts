/**
 * Prometheus cost source for Tollgate: request, latency, error and upstream metrics,
 * business outcomes, and OpenTelemetry GenAI token usage per component.
 *
 * @packageDocumentation
 */
export { finopsModulePrometheus as default } from './module';
