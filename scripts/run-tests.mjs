#!/usr/bin/env node
// The whole test suite: type check, API reports, lint, unit and integration tests
// (SQLite and PostgreSQL, a real Prometheus), then end-to-end browser tests against the
// started demo. Ends with one line "N passed, N failed" and exits non-zero on any failure.
//
//   node scripts/run-tests.mjs [--skip-e2e]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const env = {
  ...process.env,
  CI: 'true',
  BACKSTAGE_TEST_DISABLE_DOCKER: '1',
  BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:
    process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??
    'postgresql://postgres@127.0.0.1:5432',
};
const totals = { passed: 0, failed: 0, skipped: 0 };

function step(name, command, commandArgs) {
  console.log(`\n=== ${name}: ${command} ${commandArgs.join(' ')}`);
  const result = spawnSync(command, commandArgs, {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  return result.status === 0;
}

// The public API of each published package, read from the declarations that the type
// check has just written to dist-types, must equal its committed report*.api.md. The
// type check is the full one (tsc:full) because build:api-reports compiles the same
// way: an incremental or skipLibCheck compile can order union members differently.
function apiReportsMatch() {
  console.log('\n=== API reports: yarn build:api-reports:only --ci');
  const result = spawnSync('yarn', ['build:api-reports:only', '--ci'], {
    cwd: root,
    env,
    encoding: 'utf8',
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  // API Extractor prints the whole new report: show the difference instead.
  process.stdout.write(
    output.replace(/, with the following content:[\s\S]*?(?=\*{10})/g, '.\n'),
  );
  if (result.status === 0) return true;
  const packageDir = [...output.matchAll(/^## Processing (\S+)$/gm)].pop()?.[1];
  const fresh = /The conflicting file is (\S+),/.exec(output)?.[1];
  if (packageDir && fresh) {
    const committed = join(packageDir, fresh.split('/').pop());
    const cache = join('node_modules', '.cache', 'api-extractor', fresh);
    spawnSync('git', ['--no-pager', 'diff', '--no-index', committed, cache], {
      cwd: root,
      stdio: 'inherit',
    });
  }
  console.log(
    'The public API no longer matches the committed API reports: run `./tollgate yarn build:api-reports` and commit the report*.api.md files it changes.',
  );
  return false;
}

function count(name, ok) {
  if (ok) totals.passed += 1;
  else totals.failed += 1;
  console.log(`=== ${name}: ${ok ? 'passed' : 'FAILED'}`);
}

count('type check', step('type check', 'yarn', ['tsc:full']));
count('API reports', apiReportsMatch());
count('lint', step('lint', 'yarn', ['backstage-cli', 'repo', 'lint']));

const jestJson = join(root, 'node_modules', '.cache', 'tollgate-jest.json');
mkdirSync(join(root, 'node_modules', '.cache'), { recursive: true });
rmSync(jestJson, { force: true });
const unitOk = step('unit and integration tests', 'yarn', [
  'backstage-cli',
  'repo',
  'test',
  '--ci',
  '--forceExit',
  '--json',
  `--outputFile=${jestJson}`,
]);
if (existsSync(jestJson)) {
  const report = JSON.parse(readFileSync(jestJson, 'utf8'));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests + report.numRuntimeErrorTestSuites;
  totals.skipped += report.numPendingTests + report.numTodoTests;
  if (
    !unitOk &&
    report.numFailedTests + report.numRuntimeErrorTestSuites === 0
  ) {
    totals.failed += 1;
  }
} else {
  totals.failed += 1;
}

if (!args.includes('--skip-e2e')) {
  const e2e = spawnSync('node', ['e2e/run-e2e.mjs'], {
    cwd: root,
    env,
    stdio: ['inherit', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  process.stdout.write(e2e.stdout ?? '');
  const match = /^e2e: (\d+) passed, (\d+) failed/m.exec(e2e.stdout ?? '');
  if (match) {
    totals.passed += Number(match[1]);
    totals.failed += Number(match[2]);
  }
  if (!match || (e2e.status !== 0 && Number(match[2]) === 0))
    totals.failed += 1;
}

console.log(
  `\n${totals.passed} passed, ${totals.failed} failed${
    totals.skipped ? `, ${totals.skipped} skipped` : ''
  }`,
);
process.exit(totals.failed ? 1 : 0);
