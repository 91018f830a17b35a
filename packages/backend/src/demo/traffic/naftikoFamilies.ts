import {
  DURATION_BOUNDS,
  Snapshot,
  clientSeries,
  durationBuckets,
} from './historySnapshots';
import {
  Labels,
  histogramPoint,
  labelText,
  roundSeconds,
} from './openMetricsText';

/** The meter the demo's Naftiko runtime records its metrics with. */
export const NAFTIKO_METER = 'naftiko';
const NAFTIKO_SCOPE = { otel_scope_name: NAFTIKO_METER };

/** The error type the Naftiko runtime gives a call that got no answer. */
export const NAFTIKO_TRANSPORT_ERROR = 'transport';

/** Labels of an outbound call as the Naftiko runtime counts it. */
export function naftikoClientLabels(call: {
  host: string;
  method: string;
  route: string;
  outcome: string;
}): Labels {
  return {
    server_address: call.host,
    http_request_method: call.method,
    url_template: call.route,
    ...(/^\d+$/.test(call.outcome)
      ? { http_response_status_code: call.outcome }
      : { error_type: NAFTIKO_TRANSPORT_ERROR }),
  };
}

/** Server durations summed over statuses: the runtime's histogram has no status. */
function durations(snapshot: Snapshot) {
  const buckets = new Array(DURATION_BOUNDS.length + 1).fill(0);
  let sum = 0;
  for (const server of snapshot.server.values()) {
    server.buckets.forEach((value, i) => (buckets[i] += value));
    sum += server.sum;
  }
  return { buckets, sum };
}

/**
 * The metrics of the Naftiko (Ikanos) capability engine: handled requests by status
 * (`naftiko_request_total`), their durations (`naftiko_request_duration_seconds`),
 * and outbound calls (`naftiko_http_client_total`) with the HTTP semantic-convention
 * attributes, `error_type="transport"` for a call that got no answer.
 */
export function naftikoFamilies(target: Labels, snapshots: Snapshot[]) {
  const lines: string[] = [];
  const last = snapshots[snapshots.length - 1];
  lines.push('# TYPE naftiko_request counter');
  for (const status of [...last.server.keys()].sort()) {
    const labels = labelText({
      ...target,
      status: String(status),
      ...NAFTIKO_SCOPE,
    });
    for (const s of snapshots) {
      const buckets = s.server.get(status)?.buckets;
      const count = buckets?.[DURATION_BOUNDS.length] ?? 0;
      lines.push(`naftiko_request_total{${labels}} ${count} ${s.time}`);
    }
  }

  lines.push('# TYPE naftiko_request_duration_seconds histogram');
  for (const s of snapshots) {
    const { buckets, sum } = durations(s);
    lines.push(
      ...histogramPoint(
        'naftiko_request_duration_seconds',
        { ...target, ...NAFTIKO_SCOPE },
        s.time,
        durationBuckets(buckets),
        buckets[DURATION_BOUNDS.length],
        roundSeconds(sum),
      ),
    );
  }

  lines.push('# TYPE naftiko_http_client counter');
  for (const key of [...last.client.keys()].sort()) {
    const labels = labelText({
      ...target,
      ...naftikoClientLabels(clientSeries(key)),
      ...NAFTIKO_SCOPE,
    });
    for (const s of snapshots) {
      const count = s.client.get(key)?.count ?? 0;
      lines.push(`naftiko_http_client_total{${labels}} ${count} ${s.time}`);
    }
  }
  return lines;
}
