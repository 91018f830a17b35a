/*
 * OpenTelemetry metrics of the demo backend for Prometheus: Backstage's and Tollgate's
 * gauges on http://localhost:9464/metrics. TOLLGATE_METRICS_PORT moves the endpoint;
 * `off` leaves metrics out. Imported before the backend is created, since meters taken
 * before a meter provider is set stay no-ops.
 */
import { metrics } from '@opentelemetry/api';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { MeterProvider } from '@opentelemetry/sdk-metrics';

const port = process.env.TOLLGATE_METRICS_PORT ?? '9464';

if (port !== 'off') {
  const exporter = new PrometheusExporter({ port: Number(port) });
  metrics.setGlobalMeterProvider(new MeterProvider({ readers: [exporter] }));
}
