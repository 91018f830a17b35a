import { metrics } from '@opentelemetry/api';
import { ClientSeries, DURATION_BOUNDS } from './historySnapshots';
import { NAFTIKO_METER, naftikoClientLabels } from './naftikoFamilies';
import { TrafficRuntime } from './trafficProfiles';

/** What a capability's runtime records of the requests it serves and the calls it makes. */
export interface RuntimeMetrics {
  served(status: number, seconds: number): void;
  called(call: ClientSeries): void;
}

/** The OpenTelemetry runtime records nothing itself: its HTTP instrumentation does. */
const INSTRUMENTED_HTTP: RuntimeMetrics = {
  served() {},
  called() {},
};

/**
 * The Naftiko (Ikanos) engine's own metrics, on the global meter provider:
 * `naftiko_request_total{status}`, `naftiko_request_duration_seconds` and
 * `naftiko_http_client_total` with the HTTP semantic-convention attributes.
 */
function naftikoRuntimeMetrics(): RuntimeMetrics {
  const meter = metrics.getMeter(NAFTIKO_METER);
  const requests = meter.createCounter('naftiko_request', {
    description: 'Requests the capability handled',
  });
  const durations = meter.createHistogram('naftiko_request_duration_seconds', {
    description: 'Time to handle a request, in seconds',
    advice: { explicitBucketBoundaries: DURATION_BOUNDS },
  });
  const calls = meter.createCounter('naftiko_http_client', {
    description: 'Calls the capability made to the APIs it consumes',
  });
  return {
    served(status, seconds) {
      requests.add(1, { status: String(status) });
      durations.record(seconds);
    },
    called(call) {
      // As exported: the semantic-convention attributes with underscores.
      calls.add(1, naftikoClientLabels(call));
    },
  };
}

/** The metrics a capability of `runtime` records itself. */
export function createRuntimeMetrics(runtime: TrafficRuntime): RuntimeMetrics {
  return runtime === 'naftiko' ? naftikoRuntimeMetrics() : INSTRUMENTED_HTTP;
}
