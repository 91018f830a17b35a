import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { planDays } from './dayPlan';
import { startDemoPrometheus, waitForUrl } from './demoPrometheus';
import { LiveTraffic } from './liveTraffic';
import { TrafficLedger } from './TrafficLedger';
import { TRAFFIC_PROFILES, TrafficRuntime } from './trafficProfiles';
import { RUNAWAY_AGENT } from './runawayAgent';
import { startRunawayEpisode } from './runawayEpisode';
import { startVendorReplay } from './vendorReplay';
import { ScrapeTarget } from './writeHistory';

/** Where the simulator listens; each capability takes the next ports from its bases. */
export interface SimulatorPorts {
  /** The Prometheus of each runtime's capabilities. */
  prometheus: number;
  naftikoPrometheus: number;
  ledger: number;
  vendors: number;
  firstService: number;
  firstMetrics: number;
}

export const DEFAULT_SIMULATOR_PORTS: SimulatorPorts = {
  prometheus: 9095,
  naftikoPrometheus: 9096,
  ledger: 9300,
  vendors: 9301,
  firstService: 9310,
  firstMetrics: 9330,
};

/**
 * The demo's operational layer: backfills `historyDays` of every profiled capability's
 * planned traffic up to now into a fresh Prometheus TSDB per runtime (the
 * OpenTelemetry SDK's HTTP metrics, the Naftiko engine's) with promtool, starts each
 * Prometheus scraping its capabilities' instrumented processes, the vendor replay the
 * processes call, the processes, and the live traffic; serves the ledger at
 * `GET /ledger`, and the runaway agent's episode (which
 * begins once the backend answers) at `GET /runaway`.
 */
export async function startTrafficSimulator(options: {
  today: string;
  workDir: string;
  /** The demo backend, and a token allowed to report usage, for the runaway agent. */
  backendUrl?: string;
  backendToken: string;
  historyDays?: number;
  ports?: SimulatorPorts;
  log?: (message: string) => void;
}) {
  const ports = options.ports ?? DEFAULT_SIMULATOR_PORTS;
  const backendUrl = options.backendUrl ?? 'http://localhost:7007';
  const log = options.log ?? console.log;
  // The simulator's clock runs on the demo's day, at the time of day it is now.
  const offset =
    Date.parse(`${options.today}T00:00:00Z`) -
    Date.parse(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  const now = () => Date.now() + offset;
  const cutoff = now();
  const ledger = new TrafficLedger();
  const targets: ScrapeTarget[] = TRAFFIC_PROFILES.map((p, i) => ({
    capability: p.capability,
    runtime: p.runtime,
    job: p.capability,
    instance: `127.0.0.1:${ports.firstMetrics + i}`,
    outcomeMetric: p.outcome.metric,
  }));
  rmSync(options.workDir, { recursive: true, force: true });
  mkdirSync(options.workDir, { recursive: true });
  const plans = planDays({
    today: options.today,
    days: (options.historyDays ?? 90) + 1,
    profiles: TRAFFIC_PROFILES,
  });
  const children: ChildProcess[] = [];
  const prometheusPorts: Record<TrafficRuntime, number> = {
    otel: ports.prometheus,
    naftiko: ports.naftikoPrometheus,
  };
  // What started before a failure stops with it.
  const stopChildren = (error: Error): never => {
    for (const child of children) child.kill('SIGTERM');
    throw error;
  };
  for (const runtime of ['otel', 'naftiko'] as const) {
    children.push(
      await startDemoPrometheus({
        dir: join(options.workDir, runtime),
        port: prometheusPorts[runtime],
        targets: targets.filter(t => t.runtime === runtime),
        plans,
        cutoff,
        ledger,
      }).catch(stopChildren),
    );
  }
  const vendors = await startVendorReplay({ port: ports.vendors, ledger });
  const servicePorts = new Map<string, number>();
  const services = TRAFFIC_PROFILES.map((profile, i) => {
    const port = ports.firstService + i;
    servicePorts.set(profile.capability, port);
    return spawn(
      process.execPath,
      [
        '--require',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
        require.resolve('./serviceMain'),
      ],
      {
        stdio: ['ignore', 'inherit', 'inherit'],
        env: {
          ...process.env,
          CAPABILITY: profile.capability,
          PORT: String(port),
          METRICS_PORT: String(ports.firstMetrics + i),
          VENDOR_PORT: String(ports.vendors),
          TOLLGATE_BACKEND_URL: backendUrl,
          TOLLGATE_TOKEN: options.backendToken,
          OTEL_SEMCONV_STABILITY_OPT_IN: 'http',
        },
      },
    );
  });
  children.push(...services);
  for (const [i, profile] of TRAFFIC_PROFILES.entries()) {
    await waitForUrl(
      `http://127.0.0.1:${servicePorts.get(profile.capability)}/`,
      services[i],
      profile.capability,
    ).catch(error => {
      vendors.close();
      stopChildren(error);
    });
  }
  const live = new LiveTraffic({
    profiles: TRAFFIC_PROFILES,
    ports: servicePorts,
    ledger,
    cutoff,
    now,
  });
  live.start();
  const runaway = startRunawayEpisode({
    backendUrl,
    servicePort: servicePorts.get(RUNAWAY_AGENT.capability)!,
  });
  const ledgerServer = http.createServer((request, response) => {
    const answers: Record<string, unknown> = {
      '/ledger': ledger,
      '/runaway': runaway,
    };
    if (!(request.url! in answers)) {
      response.writeHead(404).end();
      return;
    }
    response
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify(answers[request.url!]));
  });
  await new Promise<void>(resolve =>
    ledgerServer.listen(ports.ledger, '127.0.0.1', resolve),
  );
  log(
    `Traffic simulator: ${TRAFFIC_PROFILES.length} capabilities, Prometheus on http://127.0.0.1:${ports.prometheus} (Naftiko runtime: ${ports.naftikoPrometheus}), ledger on http://127.0.0.1:${ports.ledger}/ledger`,
  );
  return {
    stop() {
      live.stop();
      vendors.close();
      ledgerServer.close();
      for (const child of children) child.kill('SIGTERM');
    },
  };
}
