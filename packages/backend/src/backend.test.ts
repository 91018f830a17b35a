import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

jest.setTimeout(240_000);

const PORT = 7217;
const root = resolve(__dirname, '../../..');

/**
 * Starts the real backend package as a user would, without cost sources, and checks
 * it comes up with no error logged: a version mix between Backstage packages or a
 * plugin that cannot start fails here.
 */
describe('backend', () => {
  let child: ChildProcess | undefined;
  let output = '';

  afterAll(() => {
    if (child?.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
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
        // no cost sources: this test is about start-up, not the demo's data
        APP_CONFIG_tollgate_sources_focus: '[]',
        APP_CONFIG_tollgate_sources_opencost: '[]',
        APP_CONFIG_tollgate_sources_prometheus: '[]',
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
