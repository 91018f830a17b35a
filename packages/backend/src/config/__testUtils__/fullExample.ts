import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** The repository root, where `app-config.yaml` lives. */
export const ROOT = resolve(__dirname, '../../../../..');

/** The demo's configuration. */
export const DEMO_CONFIG = resolve(ROOT, 'app-config.yaml');

/** The example that sets every option of every Tollgate package. */
export const FULL_EXAMPLE = resolve(ROOT, 'examples/app-config.full.yaml');

/** Values of the environment variables the full example takes its secrets from. */
export const FULL_EXAMPLE_ENV = {
  TOLLGATE_ALERT_WEBHOOK_URL: 'https://hooks.example.com/services/tollgate',
  OPENCOST_TOKEN: 'opencost-token',
  PROMETHEUS_TOKEN: 'prometheus-token',
  FOCUS_EXPORT_URL: 'https://billing.example.com/focus.csv?sig=secret',
  OPENAI_ADMIN_KEY: 'sk-admin-example',
  ANTHROPIC_ADMIN_KEY: 'sk-ant-admin-example',
  LITELLM_MASTER_KEY: 'sk-litellm-example',
};

const CLI = require.resolve('@backstage/cli/bin/backstage-cli');

/** Runs the Backstage CLI in the repository root; resolves with its exit code and output. */
export function backstageCli(
  args: string[],
): Promise<{ code: number | null; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...FULL_EXAMPLE_ENV, FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', d => (output += d));
    child.stderr.on('data', d => (output += d));
    child.on('error', fail);
    child.on('close', code => done({ code, output }));
  });
}
