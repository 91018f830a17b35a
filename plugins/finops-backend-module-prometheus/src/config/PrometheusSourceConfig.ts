import { CostSourceSchedule } from '@tollgate/plugin-finops-node';
import { MetricNames } from './MetricNames';

/** Which names of the OpenTelemetry GenAI token usage metric a source reads. */
export type GenAiNaming = 'classic' | 'utf8' | 'both';

/** @internal */
export const GEN_AI_NAMINGS: readonly GenAiNaming[] = [
  'classic',
  'utf8',
  'both',
];

/** One entry of `tollgate.sources.prometheus`, read and checked. */
export interface PrometheusSourceConfig {
  id: string;
  baseUrl: string;
  /** Request headers, the bearer token included. */
  headers: Record<string, string>;
  /** How long one query may take, in milliseconds. */
  timeoutMs: number;
  /** Selector template for components without a selector annotation. */
  defaultSelector: string;
  naming: GenAiNaming;
  metrics: MetricNames;
  schedule: CostSourceSchedule;
}
