import { DURATION_BOUNDS, Snapshot } from './historySnapshots';

type Labels = Record<string, string>;

const HTTP_SCOPE = {
  otel_scope_name: '@opentelemetry/instrumentation-http',
  otel_scope_version: '0.223.0',
};
const TRAFFIC_SCOPE = { otel_scope_name: 'tollgate-demo-traffic' };

function labelText(labels: Labels): string {
  return Object.entries(labels)
    .map(([key, value]) => `${key}="${value.replace(/["\\]/g, '\\$&')}"`)
    .join(',');
}

function histogramPoint(
  name: string,
  labels: Labels,
  time: number,
  buckets: Array<[string, number]>,
  count: number,
  sum: number,
): string[] {
  return [
    ...buckets.map(
      ([le, value]) =>
        `${name}_bucket{${labelText({ ...labels, le })}} ${value} ${time}`,
    ),
    `${name}_count{${labelText(labels)}} ${count} ${time}`,
    `${name}_sum{${labelText(labels)}} ${sum} ${time}`,
  ];
}

/**
 * One capability's history as OpenMetrics text with explicit timestamps, under the
 * names and labels its process exports with the OpenTelemetry SDK's Prometheus
 * exporter (scraped as `job` and `instance`), for `promtool tsdb
 * create-blocks-from openmetrics`. Families come one after the other; each series'
 * points in time order.
 */
export function historyOpenMetrics(options: {
  target: { job: string; instance: string };
  outcomeMetric: string;
  snapshots: Snapshot[];
}): string[] {
  const { target, snapshots } = options;
  const lines: string[] = [];
  const last = snapshots[snapshots.length - 1];
  if (!last) return lines;

  lines.push('# TYPE http_server_request_duration histogram');
  for (const status of [...last.server.keys()].sort()) {
    const labels = {
      ...target,
      http_request_method: 'POST',
      url_scheme: 'http',
      network_protocol_version: '1.1',
      http_response_status_code: String(status),
      ...(status >= 500 ? { error_type: String(status) } : {}),
      ...HTTP_SCOPE,
    };
    for (const s of snapshots) {
      const server = s.server.get(status);
      const buckets =
        server?.buckets ?? new Array(DURATION_BOUNDS.length + 1).fill(0);
      lines.push(
        ...histogramPoint(
          'http_server_request_duration',
          labels,
          s.time,
          [
            ...DURATION_BOUNDS.map((b, i): [string, number] => [
              String(b),
              buckets[i],
            ]),
            ['+Inf', buckets[DURATION_BOUNDS.length]],
          ],
          buckets[DURATION_BOUNDS.length],
          round(server?.sum ?? 0),
        ),
      );
    }
  }

  lines.push('# TYPE http_client_request_duration histogram');
  for (const key of [...last.client.keys()].sort()) {
    const [host, outcome] = JSON.parse(key) as [string, string];
    const labels = {
      ...target,
      http_request_method: 'POST',
      server_address: host,
      network_protocol_version: '1.1',
      ...(/^\d+$/.test(outcome)
        ? {
            http_response_status_code: outcome,
            ...(Number(outcome) >= 400 ? { error_type: outcome } : {}),
          }
        : { error_type: outcome }),
      ...HTTP_SCOPE,
    };
    for (const s of snapshots) {
      const v = s.client.get(key) ?? { count: 0, sum: 0 };
      lines.push(
        ...histogramPoint(
          'http_client_request_duration',
          labels,
          s.time,
          [['+Inf', v.count]],
          v.count,
          round(v.sum),
        ),
      );
    }
  }

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

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
