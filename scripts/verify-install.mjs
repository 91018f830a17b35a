#!/usr/bin/env node
// ./tollgate verify-install: proves the README's "Installing into an existing
// Backstage" section. Builds and packs every public plugin package, creates a fresh
// app with the @backstage/create-app of the release in backstage.json, installs the
// tarballs by the README's steps alone, starts it on SQLite and checks the health
// route, a FOCUS source's ingestion, the example entity's cost and its Cost tab in
// headless Chromium. Prints each step's time; exits non-zero naming the failed step.
//
// TOLLGATE_KEEP_VERIFY=1 keeps the temporary folder (packs, app, logs) for debugging.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import {
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
  createWriteStream,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root, waitFor } from './demo.mjs';
import {
  BACKEND_PACKAGES,
  ENTITY,
  FOCUS_SOURCE_ID,
  FRONTEND_PACKAGE,
  addBackendPlugins,
  addFrontendFeature,
  writeExampleData,
  writeLocalPorts,
} from './verify-install-app.mjs';

const APP_PORT = 3100;
const BACKEND_PORT = 7107;
const APP_URL = `http://localhost:${APP_PORT}`;
const BACKEND_URL = `http://localhost:${BACKEND_PORT}`;
const keep = process.env.TOLLGATE_KEEP_VERIFY === '1';
const require = createRequire(import.meta.url);

const work = mkdtempSync(join(tmpdir(), 'tollgate-verify-install-'));
const packsDir = join(work, 'packs');
const appDir = join(work, 'app');
const log = message =>
  console.log(`\x1b[1;34m[verify-install]\x1b[0m ${message}`);

// The fresh app is not this repository: it resolves and writes its own lockfile
// (also where CI=true would make yarn refuse to), and uses the system Chromium.
const appEnv = {
  ...process.env,
  YARN_ENABLE_IMMUTABLE_INSTALLS: 'false',
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
  BROWSER: 'none',
};

/** Runs a command to its end, its output to the terminal; throws on a non-zero exit. */
function run(
  command,
  args,
  { cwd = root, env = process.env, capture = false } = {},
) {
  const result = spawnSync(command, args, {
    cwd,
    env,
    stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} exited with ${
        result.status ?? result.signal
      }`,
    );
  }
  return result.stdout;
}

const timings = [];
let failedStep;
async function step(name, fn) {
  log(`${name}…`);
  const start = Date.now();
  try {
    return await fn();
  } catch (error) {
    failedStep = name;
    throw error;
  } finally {
    const seconds = (Date.now() - start) / 1000;
    timings.push({ name, seconds, failed: failedStep === name });
    log(
      `${name}: ${failedStep === name ? 'FAILED' : 'done'} in ${seconds.toFixed(
        0,
      )} s`,
    );
  }
}

/** The public packages of plugins/: name, version, folder. */
function publicPackages() {
  return readdirSync(join(root, 'plugins'))
    .map(dir => ({
      dir: join(root, 'plugins', dir),
      json: JSON.parse(
        readFileSync(join(root, 'plugins', dir, 'package.json'), 'utf8'),
      ),
    }))
    .filter(({ json }) => !json.private)
    .map(({ dir, json }) => ({ dir, name: json.name, version: json.version }));
}

/** Builds each public package and packs it into a tarball of packsDir. */
function buildAndPack() {
  run('yarn', ['tsc']);
  run('yarn', ['backstage-cli', 'repo', 'build']);
  const tarballs = {};
  for (const pkg of publicPackages()) {
    const file = join(
      packsDir,
      `${pkg.name.replace('@', '').replace('/', '-')}-${pkg.version}.tgz`,
    );
    const manifest = join(pkg.dir, 'package.json');
    const before = readFileSync(manifest, 'utf8');
    // yarn pack runs the prepack (backstage-cli package prepack) and postpack scripts,
    // and writes real versions for workspace: ranges.
    run('yarn', ['workspace', pkg.name, 'pack', '--out', file], {
      capture: true,
    });
    if (readFileSync(manifest, 'utf8') !== before) {
      throw new Error(
        `${manifest} differs after packing: it changed while it was packed, and postpack restored the copy from before`,
      );
    }
    tarballs[pkg.name] = file;
  }
  return tarballs;
}

/**
 * The @backstage/create-app version whose template writes this Backstage release, and
 * the exact version of each @backstage package that its template names.
 */
function createAppFor(release) {
  const versions = JSON.parse(
    run('npm', ['view', '@backstage/create-app', 'versions', '--json'], {
      capture: true,
    }),
  )
    .filter(version => !version.includes('-'))
    .reverse();
  for (const version of versions.slice(0, 10)) {
    const dir = join(work, `create-app-${version}`);
    run('mkdir', ['-p', dir]);
    const file = run(
      'npm',
      [
        'pack',
        `@backstage/create-app@${version}`,
        '--pack-destination',
        dir,
        '--silent',
      ],
      { capture: true },
    ).trim();
    run('tar', ['-xzf', join(dir, file), '-C', dir]);
    const { packageVersions } = require(join(
      dir,
      'package/dist/lib/versions.cjs.js',
    ));
    log(
      `@backstage/create-app@${version} creates Backstage ${packageVersions.root}`,
    );
    if (packageVersions.root === release) {
      const { root: _, ...packages } = packageVersions;
      return { version, packages };
    }
  }
  throw new Error(
    `No recent @backstage/create-app creates Backstage ${release}`,
  );
}

/** The @backstage packages of this repository's yarn.lock, which is on the same release. */
function repositoryBackstageVersions() {
  const lock = readFileSync(join(root, 'yarn.lock'), 'utf8');
  const versions = {};
  for (const [, name, version] of lock.matchAll(
    /resolution: "(@backstage\/[^@"]+)@npm:([^"]+)"/g,
  )) {
    versions[name] =
      versions[name] && versions[name] !== version ? null : version;
  }
  return Object.fromEntries(
    Object.entries(versions).filter(([, version]) => version),
  );
}

function createApp() {
  const release = JSON.parse(
    readFileSync(join(root, 'backstage.json'), 'utf8'),
  ).version;
  const { version, packages } = createAppFor(release);
  // create-app checks `yarn -v`, which corepack answers inside this repository only.
  run(
    'npx',
    [
      '--yes',
      `@backstage/create-app@${version}`,
      '--path',
      appDir,
      '--skip-install',
    ],
    {
      env: { ...appEnv, BACKSTAGE_APP_NAME: 'tollgate-verify' },
    },
  );
  const written = JSON.parse(
    readFileSync(join(appDir, 'backstage.json'), 'utf8'),
  ).version;
  if (written !== release)
    throw new Error(`The created app is Backstage ${written}, not ${release}`);
  // create-app seeds yarn.lock from GitHub, which this machine cannot reach; without it
  // the template's ^ranges resolve to later releases' packages (a plugin of a later
  // release fails to start on this release's backend-defaults). Pin every @backstage
  // package to the release's version instead, as `backstage-cli versions:bump
  // --release` would.
  const manifest = join(appDir, 'package.json');
  const json = JSON.parse(readFileSync(manifest, 'utf8'));
  json.resolutions = {
    ...json.resolutions,
    ...repositoryBackstageVersions(),
    ...packages,
  };
  writeFileSync(manifest, `${JSON.stringify(json, null, 2)}\n`);
}

/** The README's steps: resolutions, yarn add, backend.add lines, app feature, config. */
function installTollgate(tarballs) {
  const rootManifest = join(appDir, 'package.json');
  const json = JSON.parse(readFileSync(rootManifest, 'utf8'));
  json.resolutions = { ...json.resolutions };
  for (const [name, file] of Object.entries(tarballs))
    json.resolutions[name] = `file:${file}`;
  writeFileSync(rootManifest, `${JSON.stringify(json, null, 2)}\n`);
  run(
    'yarn',
    [
      '--cwd',
      'packages/backend',
      'add',
      ...BACKEND_PACKAGES.map(name => `${name}@file:${tarballs[name]}`),
    ],
    { cwd: appDir, env: appEnv },
  );
  run(
    'yarn',
    [
      '--cwd',
      'packages/app',
      'add',
      `${FRONTEND_PACKAGE}@file:${tarballs[FRONTEND_PACKAGE]}`,
    ],
    { cwd: appDir, env: appEnv },
  );
  addBackendPlugins(appDir);
  addFrontendFeature(appDir);
  return writeExampleData(appDir);
}

function checkPortFree(port) {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', error =>
      reject(new Error(`Port ${port} is in use (${error.code})`)),
    );
    server.listen(port, () => server.close(() => resolve()));
  });
}

let app;
let appLog;
async function startApp() {
  for (const port of [APP_PORT, BACKEND_PORT]) await checkPortFree(port);
  writeLocalPorts(appDir, { appPort: APP_PORT, backendPort: BACKEND_PORT });
  appLog = join(work, 'app.log');
  const out = createWriteStream(appLog);
  app = spawn('yarn', ['start'], {
    cwd: appDir,
    env: appEnv,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  app.stdout.pipe(out);
  app.stderr.pipe(out);
  const exited = new Promise((_, reject) =>
    app.once('exit', code =>
      reject(new Error(`yarn start exited with ${code}`)),
    ),
  );
  await Promise.race([
    waitFor(`${BACKEND_URL}/api/finops/health`, 600_000),
    exited,
  ]);
  await Promise.race([waitFor(APP_URL, 600_000), exited]);
}

async function stopApp() {
  if (!app || app.exitCode !== null || app.signalCode !== null) return;
  const exited = new Promise(resolve => app.once('exit', resolve));
  try {
    process.kill(-app.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-app.pid, 'SIGKILL');
    } catch {
      // gone
    }
  }, 15_000);
  await exited;
  clearTimeout(timer);
}

/** A guest's Backstage token, as the created app's guest sign-in gets it. */
async function guestToken() {
  const response = await fetch(`${BACKEND_URL}/api/auth/guest/refresh`);
  if (!response.ok)
    throw new Error(`Guest sign-in answered ${response.status}`);
  return (await response.json()).backstageIdentity.token;
}

async function getJson(path, token) {
  const response = await fetch(`${BACKEND_URL}${path}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!response.ok)
    throw new Error(
      `GET ${path} answered ${response.status}: ${await response.text()}`,
    );
  return response.json();
}

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/** Waits for the FOCUS source's first success; checks the entity's total against the CSV. */
async function checkIngestion(entityTotal) {
  const token = await guestToken();
  const id = `focus:${FOCUS_SOURCE_ID}`;
  const deadline = Date.now() + 300_000;
  let source;
  for (;;) {
    source = (await getJson('/api/finops/v1/sources', token)).items.find(
      s => s.id === id,
    );
    if (source?.lastSuccessAt) break;
    if (source?.lastError) throw new Error(`${id} failed: ${source.lastError}`);
    if (Date.now() > deadline)
      throw new Error(
        `${id} had no success within 300 s: ${JSON.stringify(source)}`,
      );
    await sleep(2000);
  }
  log(`${id} last succeeded at ${source.lastSuccessAt}`);
  const today = new Date().toISOString().slice(0, 10);
  const from = new Date(Date.now() - 10 * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const cost = await getJson(
    `/api/finops/v1/entities/${ENTITY.kind}/${ENTITY.namespace}/${ENTITY.name}/cost?from=${from}&to=${today}`,
    token,
  );
  log(
    `${ENTITY.kind}:${ENTITY.namespace}/${ENTITY.name} costs ${cost.total} ${cost.currency} (the CSV: ${entityTotal})`,
  );
  if (Number(cost.total) !== Number(entityTotal)) {
    throw new Error(
      `The cost route answered ${cost.total}, the CSV holds ${entityTotal} for the entity`,
    );
  }
}

/** Opens the entity's Cost tab in headless Chromium, signed in as guest. */
async function checkCostTab(entityTotal) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const page = await browser.newPage({
    viewport: { width: 1400, height: 1000 },
  });
  page.setDefaultTimeout(120_000);
  try {
    await page.goto(APP_URL);
    const enter = page.getByRole('button', { name: 'Enter' });
    await enter.click();
    await enter.waitFor({ state: 'detached' });
    await page.goto(
      `${APP_URL}/catalog/${ENTITY.namespace}/${ENTITY.kind}/${ENTITY.name}`,
    );
    await page.getByText('Cost', { exact: true }).first().click();
    await page.waitForURL(/\/cost$/);
    const total = page.getByTestId('finops-total');
    await total.waitFor();
    const text = await total.innerText();
    log(`The Cost tab shows ${text}`);
    if (
      !text.includes(
        Number(entityTotal).toLocaleString('en-US', {
          minimumFractionDigits: 2,
        }),
      )
    ) {
      throw new Error(`The Cost tab shows ${text}, not ${entityTotal}`);
    }
  } catch (error) {
    await page
      .screenshot({ path: join(work, 'cost-tab.png'), fullPage: true })
      .catch(() => {});
    throw error;
  } finally {
    await browser.close();
  }
}

const started = Date.now();
let exitCode = 0;
try {
  const tarballs = await step(
    'build and pack the plugin packages',
    buildAndPack,
  );
  await step('create a fresh app with @backstage/create-app', createApp);
  await step('install the fresh app (yarn install)', () =>
    run('yarn', ['install'], { cwd: appDir, env: appEnv }),
  );
  const { entityTotal } = await step('install Tollgate by the README', () =>
    installTollgate(tarballs),
  );
  await step('start the app on SQLite', startApp);
  await step('ingest the FOCUS source and check the entity cost', () =>
    checkIngestion(entityTotal),
  );
  await step('check the Cost tab in headless Chromium', () =>
    checkCostTab(entityTotal),
  );
} catch (error) {
  exitCode = 1;
  console.error(
    `\nverify-install: step "${failedStep}" failed: ${error.message}`,
  );
  if (!keep)
    console.error(
      'TOLLGATE_KEEP_VERIFY=1 keeps the app, the packs and the logs.',
    );
  if (appLog) {
    const lines = readFileSync(appLog, 'utf8').split('\n');
    console.error(
      `Last lines of the app's output (${appLog}):\n${lines
        .slice(-40)
        .join('\n')}`,
    );
  }
} finally {
  await step('stop and clean up', async () => {
    await stopApp();
    if (keep) log(`Kept ${work} (TOLLGATE_KEEP_VERIFY=1)`);
    else rmSync(work, { recursive: true, force: true });
  }).catch(error => {
    exitCode = 1;
    console.error(`verify-install: cleaning up failed: ${error.message}`);
  });
}
console.log('\nStep times:');
for (const { name, seconds, failed } of timings) {
  console.log(
    `  ${seconds.toFixed(0).padStart(5)} s  ${name}${
      failed ? '  (failed)' : ''
    }`,
  );
}
const total = ((Date.now() - started) / 1000).toFixed(0);
console.log(
  exitCode
    ? `verify-install: failed at "${failedStep}" after ${total} s`
    : `verify-install: passed in ${total} s`,
);
process.exit(exitCode);
