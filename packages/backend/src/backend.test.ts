import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

jest.setTimeout(240_000);

const PORT = 7217;
/** Not the demo's 9464: a demo started next must find its metrics port free. */
const METRICS_PORT = 7218;
const root = resolve(__dirname, '../../..');

/** Whether neither the backend nor its metrics answer any more, within a time. */
async function portsClosed(timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const answers = await Promise.all(
      [PORT, METRICS_PORT].map(port =>
        fetch(`http://localhost:${port}/`).then(
          () => true,
          () => false,
        ),
      ),
    );
    if (!answers.includes(true)) return true;
    await new Promise(r => setTimeout(r, 500));
  }
  return false;
}

/**
 * Starts the real backend package as a user would, without cost sources, and checks
 * it comes up with no error logged: a version mix between Backstage packages or a
 * plugin that cannot start fails here.
 */
describe('backend', () => {
  let child: ChildProcess | undefined;
  let output = '';

  afterAll(async () => {
    if (!child?.pid) return;
    const signal = (name: NodeJS.Signals) => {
      try {
        process.kill(-child!.pid!, name);
      } catch {
        // already gone
      }
    };
    // The backend is yarn's grandchild: wait until its ports no longer answer, so
    // that nothing it holds outlives the test.
    signal('SIGTERM');
    if (!(await portsClosed(20_000))) {
      signal('SIGKILL');
      await portsClosed(10_000);
    }
  });

  it('starts with every plugin and no errors', async () => {
    child = spawn('yarn', ['workspace', 'backend', 'start'], {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        NODE_ENV: 'development',
        APP_CONFIG_backend_listen_port: String(PORT),
        APP_CONFIG_backend_baseUrl: `http://localhost:${PORT}`,
        TOLLGATE_METRICS_PORT: String(METRICS_PORT),
        // no cost sources: this test is about start-up, not the demo's data
        APP_CONFIG_tollgate_sources_focus: '[]',
        APP_CONFIG_tollgate_sources_opencost: '[]',
        APP_CONFIG_tollgate_sources_prometheus: '[]',
        APP_CONFIG_tollgate_sources_openai: '[]',
        APP_CONFIG_tollgate_sources_anthropic: '[]',
        APP_CONFIG_tollgate_sources_litellm: '[]',
        FORCE_COLOR: '0',
      },
    });
    child.stdout!.on('data', d => (output += d));
    child.stderr!.on('data', d => (output += d));

    const deadline = Date.now() + 200_000;
    let healthy = false;
    while (!healthy && Date.now() < deadline) {
      try {
        healthy = (await fetch(`http://localhost:${PORT}/api/finops/health`))
          .ok;
      } catch {
        await new Promise(r => setTimeout(r, 1000));
      }
    }
    expect(healthy).toBe(true);
    // let the plugins finish their start-up work, then look for errors
    await new Promise(r => setTimeout(r, 5000));
    const catalog = await fetch(
      `http://localhost:${PORT}/api/catalog/entities`,
    );
    expect(catalog.status).toBe(401);
    const metrics = await fetch(`http://localhost:${METRICS_PORT}/metrics`);
    expect(metrics.status).toBe(200);
    const errors = output
      .split('\n')
      .filter(line =>
        /\berror\b|unhandled rejection|uncaught exception/i.test(line),
      );
    expect(errors).toEqual([]);
    expect(output).toContain(
      'Tollgate finops backend ready with 0 cost source(s)',
    );
  });
});
