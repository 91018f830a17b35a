import {
  DURATION_BOUNDS,
  Snapshot,
  clientSeries,
  durationBuckets,
} from './historySnapshots';
import { Labels, histogramPoint, roundSeconds } from './openMetricsText';

const HTTP_SCOPE = {
  otel_scope_name: '@opentelemetry/instrumentation-http',
  otel_scope_version: '0.223.0',
};

/** Client series by host, method and outcome: the HTTP instrumentation has no route. */
function clientByHost(snapshot: Snapshot) {
  const merged = new Map<string, { count: number; sum: number }>();
  for (const [key, value] of snapshot.client) {
    const { host, method, outcome } = clientSeries(key);
    const mergedKey = JSON.stringify([host, method, outcome]);
    const entry = merged.get(mergedKey) ?? { count: 0, sum: 0 };
    entry.count += value.count;
    entry.sum += value.sum;
    merged.set(mergedKey, entry);
  }
  return merged;
}

/**
 * The HTTP server and client duration histograms of the OpenTelemetry SDK's HTTP
 * instrumentation (stable semantic conventions), as its Prometheus exporter names
 * them: without the unit suffix.
 */
export function otelHttpFamilies(target: Labels, snapshots: Snapshot[]) {
  const lines: string[] = [];
  const last = snapshots[snapshots.length - 1];
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
          durationBuckets(buckets),
          buckets[DURATION_BOUNDS.length],
          roundSeconds(server?.sum ?? 0),
        ),
      );
    }
  }

  lines.push('# TYPE http_client_request_duration histogram');
  const clients = snapshots.map(clientByHost);
  for (const key of [...clients[clients.length - 1].keys()].sort()) {
    const [host, method, outcome] = JSON.parse(key) as string[];
    const labels = {
      ...target,
      http_request_method: method,
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
    snapshots.forEach((s, i) => {
      const v = clients[i].get(key) ?? { count: 0, sum: 0 };
      lines.push(
        ...histogramPoint(
          'http_client_request_duration',
          labels,
          s.time,
          [['+Inf', v.count]],
          v.count,
          roundSeconds(v.sum),
        ),
      );
    });
  }
  return lines;
}
