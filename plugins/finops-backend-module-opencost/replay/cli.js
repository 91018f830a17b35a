#!/usr/bin/env node
'use strict';

/**
 * Runs the OpenCost replay server with daily allocations for a list of workloads:
 *
 *   node replay/cli.js --port 9003 --ids summarizer,ticket-triage [--cluster demo]
 *     [--host 127.0.0.1] [--label-key backstage.io/kubernetes-id] [--token secret]
 *     [--namespace default] [--workload-labels labels.json] [--no-idle]
 *     [--no-unallocated]
 *
 * `--workload-labels` names a JSON file mapping each id to the Kubernetes labels its
 * workload carries, such as { "summarizer": { "tollgate.dev/team": "ml" } }.
 */

const fs = require('node:fs');
const { parseArgs } = require('node:util');
const { createDemoAllocations } = require('./allocations');
const { startOpenCostReplayServer } = require('./OpenCostReplayServer');

const USAGE =
  'Usage: node replay/cli.js --ids id1,id2 [--port 9003] [--host 127.0.0.1] ' +
  '[--cluster demo-cluster] [--label-key backstage.io/kubernetes-id] [--token T] ' +
  '[--namespace default] [--workload-labels labels.json] [--no-idle] [--no-unallocated]';

function fail(message) {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

async function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string', default: '9003' },
        host: { type: 'string', default: '127.0.0.1' },
        ids: { type: 'string' },
        cluster: { type: 'string', default: 'demo-cluster' },
        'label-key': { type: 'string', default: 'backstage.io/kubernetes-id' },
        token: { type: 'string' },
        namespace: { type: 'string', default: 'default' },
        'workload-labels': { type: 'string' },
        'no-idle': { type: 'boolean', default: false },
        'no-unallocated': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    fail(error.message);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    fail(
      `Invalid --port ${values.port}: expected a whole number from 0 to 65535`,
    );
  }
  const ids = (values.ids || '')
    .split(',')
    .map(id => id.trim())
    .filter(Boolean);
  if (ids.length === 0) {
    fail(
      'Missing --ids: give the kubernetes ids to serve, separated by commas',
    );
  }

  let workloadLabels = {};
  if (values['workload-labels']) {
    try {
      workloadLabels = JSON.parse(
        fs.readFileSync(values['workload-labels'], 'utf8'),
      );
    } catch (error) {
      fail(
        `Invalid --workload-labels ${values['workload-labels']}: ${error.message}`,
      );
    }
    if (
      !workloadLabels ||
      typeof workloadLabels !== 'object' ||
      Array.isArray(workloadLabels)
    ) {
      fail(
        `Invalid --workload-labels ${values['workload-labels']}: expected a JSON object of id to labels`,
      );
    }
  }

  const server = await startOpenCostReplayServer({
    port,
    host: values.host,
    token: values.token,
    allocationsFor: createDemoAllocations({
      ids,
      cluster: values.cluster,
      labelKey: values['label-key'],
      namespace: values.namespace,
      workloadLabels,
      idle: !values['no-idle'],
      unallocated: !values['no-unallocated'],
    }),
  });
  process.stdout.write(
    `OpenCost replay serving ${ids.length} workloads on ${server.url} ` +
      `(/allocation and /model/allocation)\n`,
  );

  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch(error => {
  process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
});
