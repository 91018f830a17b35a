import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { delimiter, join } from 'node:path';
import { planDays } from './dayPlan';
import { LiveTraffic } from './liveTraffic';
import { TrafficLedger } from './TrafficLedger';
import { TRAFFIC_PROFILES } from './trafficProfiles';
import { RUNAWAY_AGENT } from './runawayAgent';
import { startRunawayEpisode } from './runawayEpisode';
import { startVendorReplay } from './vendorReplay';
import { createBlocks, ScrapeTarget, writeHistoryFile } from './writeHistory';

/** Where the simulator listens; each capability takes the next ports from its bases. */
export interface SimulatorPorts {
  prometheus: number;
  ledger: number;
  vendors: number;
  firstService: number;
  firstMetrics: number;
}

export const DEFAULT_SIMULATOR_PORTS: SimulatorPorts = {
  prometheus: 9095,
  ledger: 9300,
  vendors: 9301,
  firstService: 9310,
  firstMetrics: 9330,
};

function findBinary(name: string, override?: string): string {
  const found = override
    ? [override]
    : [
        ...(process.env.PATH ?? '').split(delimiter),
        '/usr/bin',
        '/usr/local/bin',
      ]
        .map(dir => join(dir, name))
        .filter(existsSync);
  if (!found[0] || !existsSync(found[0])) {
    throw new Error(
      `The demo runs Prometheus, but ${name} was not found: install it with \`apt-get install prometheus\`, or set ${name.toUpperCase()}_BIN`,
    );
  }
  return found[0];
}

async function waitForUrl(url: string, child: ChildProcess, what: string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`${what} exited with code ${child.exitCode}`);
    }
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise(resolve => setTimeout(resolve, 200));
    }
  }
  throw new Error(`${what} did not answer at ${url} within 60 s`);
}

function prometheusConfig(targets: ScrapeTarget[]): string {
  const jobs = targets.map(
    t =>
      `  - job_name: ${t.job}\n    static_configs:\n      - targets: ['${t.instance}']\n`,
  );
  return `global:\n  scrape_interval: 15s\nscrape_configs:\n${jobs.join('')}`;
}

/**
 * The demo's operational layer: backfills `historyDays` of every profiled capability's
 * planned traffic up to now into a fresh Prometheus TSDB with promtool, starts
 * Prometheus scraping each capability's instrumented process, the vendor replay the
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
    job: p.capability,
    instance: `127.0.0.1:${ports.firstMetrics + i}`,
    outcomeMetric: p.outcome.metric,
  }));
  rmSync(options.workDir, { recursive: true, force: true });
  mkdirSync(options.workDir, { recursive: true });
  const historyFile = join(options.workDir, 'history.om.txt');
  const dataDir = join(options.workDir, 'data');
  const plans = planDays({
    today: options.today,
    days: (options.historyDays ?? 90) + 1,
    profiles: TRAFFIC_PROFILES,
  });
  await writeHistoryFile({ file: historyFile, plans, targets, cutoff, ledger });
  createBlocks(
    findBinary('promtool', process.env.PROMTOOL_BIN),
    historyFile,
    dataDir,
  );
  rmSync(historyFile);
  const configFile = join(options.workDir, 'prometheus.yml');
  writeFileSync(configFile, prometheusConfig(targets));
  const children: ChildProcess[] = [];
  const prometheus = spawn(
    findBinary('prometheus', process.env.PROMETHEUS_BIN),
    [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${dataDir}`,
      '--storage.tsdb.retention.time=400d',
      `--web.listen-address=127.0.0.1:${ports.prometheus}`,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  children.push(prometheus);
  const vendors = await startVendorReplay({ port: ports.vendors, ledger });
  const servicePorts = new Map<string, number>();
  TRAFFIC_PROFILES.forEach((profile, i) => {
    const port = ports.firstService + i;
    servicePorts.set(profile.capability, port);
    children.push(
      spawn(
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
      ),
    );
  });
  await waitForUrl(
    `http://127.0.0.1:${ports.prometheus}/-/ready`,
    prometheus,
    'Prometheus',
  );
  for (const [i, profile] of TRAFFIC_PROFILES.entries()) {
    await waitForUrl(
      `http://127.0.0.1:${servicePorts.get(profile.capability)}/`,
      children[i + 1],
      profile.capability,
    );
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
    `Traffic simulator: ${TRAFFIC_PROFILES.length} capabilities, Prometheus on http://127.0.0.1:${ports.prometheus}, ledger on http://127.0.0.1:${ports.ledger}/ledger`,
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
