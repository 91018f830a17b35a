import { metrics } from '@opentelemetry/api';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { TrafficRuntime } from './trafficProfiles';

/**
 * The OpenTelemetry SDK of one capability's process: a meter provider exported for
 * Prometheus to scrape on `metricsPort`, and for the `otel` runtime the HTTP
 * instrumentation of Node's server and client (the stable HTTP semantic conventions
 * when OTEL_SEMCONV_STABILITY_OPT_IN=http); the `naftiko` runtime records its own.
 * Call before `node:http` is first loaded.
 */
export function startCapabilityTelemetry(options: {
  capability: string;
  runtime: TrafficRuntime;
  metricsPort: number;
}): { shutdown(): Promise<void> } {
  const exporter = new PrometheusExporter({
    host: '127.0.0.1',
    port: options.metricsPort,
  });
  const meterProvider = new MeterProvider({
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: options.capability,
    }),
    readers: [exporter],
  });
  metrics.setGlobalMeterProvider(meterProvider);
  if (options.runtime === 'otel') {
    registerInstrumentations({
      meterProvider,
      instrumentations: [new HttpInstrumentation()],
    });
  }
  return { shutdown: () => meterProvider.shutdown() };
}
