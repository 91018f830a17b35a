/**
 * One example capability as a process of its own, instrumented with the OpenTelemetry
 * SDK: started by the traffic simulator, which waits for PORT to answer, with
 * CAPABILITY, PORT, METRICS_PORT and VENDOR_PORT in its environment, and
 * TOLLGATE_BACKEND_URL and TOLLGATE_TOKEN where its runaway agent reserves.
 */
import { startCapabilityTelemetry } from './capabilityTelemetry';
import { TRAFFIC_PROFILES } from './trafficProfiles';

function numberFromEnv(name: string): number {
  const value = Number(process.env[name]);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(
      `${name} must be a port number, not "${process.env[name]}"`,
    );
  }
  return value;
}

const capability = process.env.CAPABILITY ?? '';
const profile = TRAFFIC_PROFILES.find(p => p.capability === capability);
if (!profile) {
  throw new Error(
    `CAPABILITY must name a capability with a traffic profile, not "${capability}"`,
  );
}
const telemetry = startCapabilityTelemetry({
  capability,
  runtime: profile.runtime,
  metricsPort: numberFromEnv('METRICS_PORT'),
});
// Loaded only now, so that the instrumentation sees node:http being loaded.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startCapabilityServer } = require('./capabilityServer');

startCapabilityServer({
  capability,
  port: numberFromEnv('PORT'),
  vendorPort: numberFromEnv('VENDOR_PORT'),
  ...(process.env.TOLLGATE_BACKEND_URL && process.env.TOLLGATE_TOKEN
    ? {
        backend: {
          url: process.env.TOLLGATE_BACKEND_URL,
          token: process.env.TOLLGATE_TOKEN,
        },
      }
    : {}),
}).catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
process.on('SIGTERM', () => {
  telemetry.shutdown().finally(() => process.exit(0));
});
