import { metrics } from '@opentelemetry/api';
import {
  ATTR_GEN_AI_OPERATION_NAME,
  ATTR_GEN_AI_PROVIDER_NAME,
  ATTR_GEN_AI_REQUEST_MODEL,
  ATTR_GEN_AI_RESPONSE_MODEL,
  ATTR_GEN_AI_TOKEN_TYPE,
  GEN_AI_OPERATION_NAME_VALUE_CHAT,
  METRIC_GEN_AI_CLIENT_OPERATION_DURATION,
  METRIC_GEN_AI_CLIENT_TOKEN_USAGE,
} from '@opentelemetry/semantic-conventions/incubating';
import { genAiProviderName, TrafficTokenType } from './dayPlan';

/** A chat call's GenAI metrics, by the OpenTelemetry GenAI semantic conventions. */
export interface GenAiMetrics {
  /** Records the tokens a provider reported for a call, and how long it took. */
  record(call: {
    provider: string;
    model: string;
    tokens: Record<TrafficTokenType, number>;
    seconds: number;
  }): void;
}

/**
 * `gen_ai.client.token.usage` (one point per token type the call used; cache reads
 * and writes as `cache_read` and `cache_creation`) and
 * `gen_ai.client.operation.duration`, on the global meter provider.
 */
export function createGenAiMetrics(): GenAiMetrics {
  const meter = metrics.getMeter('tollgate-demo-traffic');
  const tokenUsage = meter.createHistogram(METRIC_GEN_AI_CLIENT_TOKEN_USAGE, {
    unit: '{token}',
    description: 'Number of input and output tokens used.',
  });
  const duration = meter.createHistogram(
    METRIC_GEN_AI_CLIENT_OPERATION_DURATION,
    { unit: 's', description: 'GenAI operation duration.' },
  );
  return {
    record({ provider, model, tokens, seconds }) {
      const attributes = {
        [ATTR_GEN_AI_OPERATION_NAME]: GEN_AI_OPERATION_NAME_VALUE_CHAT,
        [ATTR_GEN_AI_PROVIDER_NAME]: genAiProviderName(provider),
        [ATTR_GEN_AI_REQUEST_MODEL]: model,
        [ATTR_GEN_AI_RESPONSE_MODEL]: model,
      };
      duration.record(seconds, attributes);
      for (const [tokenType, count] of Object.entries(tokens)) {
        if (count > 0) {
          tokenUsage.record(count, {
            ...attributes,
            [ATTR_GEN_AI_TOKEN_TYPE]: tokenType,
          });
        }
      }
    },
  };
}
