import { Snapshot } from './historySnapshots';
import { naftikoFamilies } from './naftikoFamilies';
import { histogramPoint, labelText } from './openMetricsText';
import { otelHttpFamilies } from './otelHttpFamilies';
import { TrafficRuntime } from './trafficProfiles';

const TRAFFIC_SCOPE = { otel_scope_name: 'tollgate-demo-traffic' };

/**
 * One capability's history as OpenMetrics text with explicit timestamps, under the
 * names and labels its process exports with the OpenTelemetry SDK's Prometheus
 * exporter (scraped as `job` and `instance`): its runtime's request and outbound
 * call metrics, GenAI token usage and business outcomes, for `promtool tsdb
 * create-blocks-from openmetrics`. Families come one after the other; each series'
 * points in time order.
 */
export function historyOpenMetrics(options: {
  runtime: TrafficRuntime;
  target: { job: string; instance: string };
  outcomeMetric: string;
  snapshots: Snapshot[];
}): string[] {
  const { target, snapshots } = options;
  const last = snapshots[snapshots.length - 1];
  if (!last) return [];
  const lines =
    options.runtime === 'naftiko'
      ? naftikoFamilies(target, snapshots)
      : otelHttpFamilies(target, snapshots);

  lines.push('# TYPE gen_ai_client_token_usage histogram');
  for (const key of [...last.tokens.keys()].sort()) {
    const [provider, model, type] = JSON.parse(key) as [string, string, string];
    const labels = {
      ...target,
      gen_ai_operation_name: 'chat',
      gen_ai_provider_name: provider,
      gen_ai_request_model: model,
      gen_ai_response_model: model,
      gen_ai_token_type: type,
      ...TRAFFIC_SCOPE,
    };
    for (const s of snapshots) {
      const v = s.tokens.get(key) ?? { count: 0, sum: 0 };
      lines.push(
        ...histogramPoint(
          'gen_ai_client_token_usage',
          labels,
          s.time,
          [['+Inf', v.count]],
          v.count,
          v.sum,
        ),
      );
    }
  }

  const outcome = options.outcomeMetric.replace(/_total$/, '');
  lines.push(`# TYPE ${outcome} counter`);
  for (const s of snapshots) {
    lines.push(
      `${outcome}_total{${labelText({ ...target, ...TRAFFIC_SCOPE })}} ${
        s.outcomes
      } ${s.time}`,
    );
  }
  return lines;
}
