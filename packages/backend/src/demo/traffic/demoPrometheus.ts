import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { DayPlan } from './dayPlan';
import { TrafficLedger } from './TrafficLedger';
import { createBlocks, ScrapeTarget, writeHistoryFile } from './writeHistory';

/** A binary on the PATH (or at its override), or an error that says how to get it. */
export function findBinary(name: string, override?: string): string {
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

/** Waits until `url` answers, failing when `child` exits first or a minute passes. */
export async function waitForUrl(
  url: string,
  child: ChildProcess,
  what: string,
) {
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
 * A Prometheus of the demo in `dir`: the planned history of `targets` up to `cutoff`
 * backfilled with promtool (each planned request counted in the ledger), then
 * Prometheus started on `port` scraping the targets. Resolves once it is ready.
 */
export async function startDemoPrometheus(options: {
  dir: string;
  port: number;
  targets: ScrapeTarget[];
  plans: Map<string, DayPlan[]>;
  cutoff: number;
  ledger: TrafficLedger;
}): Promise<ChildProcess> {
  const { dir, targets } = options;
  mkdirSync(dir, { recursive: true });
  const historyFile = join(dir, 'history.om.txt');
  const dataDir = join(dir, 'data');
  await writeHistoryFile({
    file: historyFile,
    plans: options.plans,
    targets,
    cutoff: options.cutoff,
    ledger: options.ledger,
  });
  createBlocks(
    findBinary('promtool', process.env.PROMTOOL_BIN),
    historyFile,
    dataDir,
  );
  rmSync(historyFile);
  const configFile = join(dir, 'prometheus.yml');
  writeFileSync(configFile, prometheusConfig(targets));
  const prometheus = spawn(
    findBinary('prometheus', process.env.PROMETHEUS_BIN),
    [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${dataDir}`,
      '--storage.tsdb.retention.time=400d',
      `--web.listen-address=127.0.0.1:${options.port}`,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  await waitForUrl(
    `http://127.0.0.1:${options.port}/-/ready`,
    prometheus,
    `Prometheus on port ${options.port}`,
  );
  return prometheus;
}
