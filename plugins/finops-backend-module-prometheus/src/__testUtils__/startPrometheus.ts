import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** The Prometheus binaries found on this machine. */
export interface InstalledPrometheus {
  prometheus: string;
  promtool: string;
  /** Such as `2.42.0+ds`. */
  version: string;
  major: number;
  minor: number;
  /** Whether quoted UTF-8 metric names are ingested and queried (Prometheus 3). */
  supportsUtf8Names: boolean;
}

/** A Prometheus server started over backfilled data. */
export interface RunningPrometheus {
  baseUrl: string;
  installed: InstalledPrometheus;
  stop(): Promise<void>;
}

/** Why the tests cannot run without the binaries, and how to fix it. */
export const PROMETHEUS_MISSING_MESSAGE =
  'The tests of the Prometheus source run a real Prometheus server, but the prometheus and promtool binaries were not found. ' +
  'Install them with `apt-get install prometheus` (Debian/Ubuntu), or point PROMETHEUS_BIN and PROMTOOL_BIN at them.';

function findBinary(
  name: string,
  override: string | undefined,
): string | undefined {
  if (override) {
    return existsSync(override) ? override : undefined;
  }
  const dirs = [
    ...(process.env.PATH ?? '').split(delimiter),
    '/usr/bin',
    '/usr/local/bin',
  ];
  return dirs.map(dir => join(dir, name)).find(path => existsSync(path));
}

/** Finds the prometheus and promtool binaries and their version; undefined if absent. */
export function findPrometheus(): InstalledPrometheus | undefined {
  const prometheus = findBinary('prometheus', process.env.PROMETHEUS_BIN);
  const promtool = findBinary('promtool', process.env.PROMTOOL_BIN);
  if (!prometheus || !promtool) {
    return undefined;
  }
  const result = spawnSync(prometheus, ['--version'], { encoding: 'utf8' });
  const match = /version (\d+)\.(\d+)\.(\S+)/.exec(
    `${result.stdout}${result.stderr}`,
  );
  if (result.error || !match) {
    return undefined;
  }
  const major = Number(match[1]);
  const minor = Number(match[2]);
  return {
    prometheus,
    promtool,
    version: `${match[1]}.${match[2]}.${match[3]}`,
    major,
    minor,
    supportsUtf8Names: major >= 3,
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForReady(
  baseUrl: string,
  child: ChildProcess,
  log: () => string,
): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(
        `Prometheus exited with code ${
          child.exitCode
        } before it was ready:\n${log()}`,
      );
    }
    try {
      const response = await fetch(`${baseUrl}/-/ready`);
      if (response.ok) {
        return;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  throw new Error(`Prometheus was not ready within 60 seconds:\n${log()}`);
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const exited = new Promise(resolve => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/**
 * Backfills OpenMetrics text (with explicit timestamps) into a fresh TSDB with
 * `promtool tsdb create-blocks-from openmetrics`, starts Prometheus on it on a free
 * local port with a retention long enough to keep the data, and waits for
 * `/-/ready`. Fails with {@link PROMETHEUS_MISSING_MESSAGE} when the binaries are
 * missing.
 */
export async function startPrometheus(
  openMetrics: string,
): Promise<RunningPrometheus> {
  const installed = findPrometheus();
  if (!installed) {
    throw new Error(PROMETHEUS_MISSING_MESSAGE);
  }
  const dir = await mkdtemp(join(tmpdir(), 'tollgate-prometheus-'));
  try {
    const input = join(dir, 'data.om.txt');
    const dataDir = join(dir, 'data');
    const configFile = join(dir, 'prometheus.yml');
    await writeFile(input, openMetrics);
    await writeFile(
      configFile,
      'global:\n  scrape_interval: 1m\nscrape_configs: []\n',
    );
    const backfill = spawnSync(
      installed.promtool,
      ['tsdb', 'create-blocks-from', 'openmetrics', input, dataDir],
      { encoding: 'utf8' },
    );
    if (backfill.status !== 0) {
      throw new Error(
        `promtool could not backfill the test data:\n${backfill.stderr}${backfill.stdout}`,
      );
    }
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const child = spawn(
      installed.prometheus,
      [
        `--config.file=${configFile}`,
        `--storage.tsdb.path=${dataDir}`,
        '--storage.tsdb.retention.time=100y',
        `--web.listen-address=127.0.0.1:${port}`,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8000);
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    try {
      await waitForReady(baseUrl, child, () => output);
    } catch (error) {
      await stopProcess(child);
      throw error;
    }
    return {
      baseUrl,
      installed,
      async stop() {
        await stopProcess(child);
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
