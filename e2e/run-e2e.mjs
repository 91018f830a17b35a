#!/usr/bin/env node
// Starts the demo, waits for it, runs the browser journeys in e2e/*.test.mjs with
// Node's test runner and headless Chromium, stops the demo, and prints
// "e2e: N passed, N failed".
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { startDemo, waitFor, root } from '../scripts/demo.mjs';

let demo;
let passed = 0;
let failed = 0;
try {
  demo = await startDemo({ stdio: ['ignore', 'ignore', 'inherit'] });
  await waitFor('http://localhost:7007/api/finops/health', 300_000);
  await waitFor('http://localhost:3000', 300_000);
  const files = readdirSync(`${root}/e2e`)
    .filter(f => f.endsWith('.test.mjs'))
    .map(f => `e2e/${f}`);
  const result = spawnSync(
    'node',
    ['--test', '--test-concurrency=1', '--test-reporter=tap', ...files],
    {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  process.stdout.write(result.stdout);
  passed = Number(/^# pass (\d+)/m.exec(result.stdout)?.[1] ?? 0);
  failed = Number(/^# fail (\d+)/m.exec(result.stdout)?.[1] ?? 1);
  if (result.status !== 0 && failed === 0) failed = 1;
} catch (e) {
  console.error(`End-to-end tests could not run: ${e.message}`);
  failed += 1;
} finally {
  demo?.stop();
}
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
