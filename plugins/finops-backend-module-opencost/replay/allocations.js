'use strict';

/**
 * Allocation records for the OpenCost replay server: the recorded responses in
 * ../fixtures, and daily records scaled from them for any list of workloads.
 *
 * Plain CommonJS so that `node` runs it without a build step.
 */

const fs = require('node:fs');
const path = require('node:path');

const FIXTURES_DIR = path.resolve(__dirname, '..', 'fixtures');
const DEFAULT_FIXTURE = 'allocation-example-output.json';
const MINUTES_PER_DAY = 1440;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Fields that accumulate over time, so scale with the minutes covered. */
const TIME_EXTENSIVE_FIELDS = new Set([
  'cpuCoreHours',
  'cpuCost',
  'cpuCostAdjustment',
  'gpuHours',
  'gpuCost',
  'gpuCostAdjustment',
  'networkTransferBytes',
  'networkReceiveBytes',
  'networkCost',
  'networkCrossZoneCost',
  'networkCrossRegionCost',
  'networkInternetCost',
  'networkCostAdjustment',
  'loadBalancerCost',
  'loadBalancerCostAdjustment',
  'pvByteHours',
  'pvCost',
  'pvCostAdjustment',
  'ramByteHours',
  'ramCost',
  'ramCostAdjustment',
  'externalCost',
  'sharedCost',
  'totalCost',
]);

/** Ratios are kept as recorded whatever the scale. */
const RATIO_FIELDS = new Set([
  'cpuEfficiency',
  'gpuEfficiency',
  'ramEfficiency',
  'totalEfficiency',
]);

/** The parts that OpenCost adds up into totalCost. */
const COST_PARTS = [
  'cpuCost',
  'cpuCostAdjustment',
  'gpuCost',
  'gpuCostAdjustment',
  'networkCost',
  'networkCostAdjustment',
  'loadBalancerCost',
  'loadBalancerCostAdjustment',
  'pvCost',
  'pvCostAdjustment',
  'ramCost',
  'ramCostAdjustment',
  'sharedCost',
  'externalCost',
];

/** Costs that idle allocations carry; everything else of an idle allocation is zero. */
const IDLE_FIELDS = new Set([
  'cpuCores',
  'cpuCoreHours',
  'cpuCost',
  'gpuCount',
  'gpuHours',
  'gpuCost',
  'ramBytes',
  'ramByteHours',
  'ramCost',
  'totalCost',
]);

/** Rounds like the OpenCost server does before it answers (5 decimals). */
function round5(value) {
  const rounded = Math.round(value * 1e5) / 1e5;
  return rounded === 0 ? 0 : rounded;
}

/** FNV-1a: a small, stable hash so that scaled values are the same on every run. */
function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function deepClone(value) {
  return JSON.parse(JSON.stringify(value));
}

/** The Prometheus form of a label name, as OpenCost reports it: `app.kubernetes.io/name` becomes `app_kubernetes_io_name`. */
function sanitizeLabelName(name) {
  return name.replace(/[^a-zA-Z0-9_]/g, '_');
}

/**
 * Reads a recorded OpenCost response from ../fixtures and answers its allocation
 * sets, each a map from allocation name to allocation, as recorded.
 */
function loadRecordedAllocationSets(file = DEFAULT_FIXTURE) {
  const fullPath = path.isAbsolute(file) ? file : path.join(FIXTURES_DIR, file);
  const body = JSON.parse(fs.readFileSync(fullPath, 'utf8'));
  if (!body || !Array.isArray(body.data)) {
    throw new Error(`${fullPath} is not an OpenCost allocation response`);
  }
  return body.data;
}

/** Sets totalCost to the rounded sum of its parts. */
function recomputeTotal(allocation) {
  let total = 0;
  for (const field of COST_PARTS) {
    if (typeof allocation[field] === 'number') {
      total += allocation[field];
    }
  }
  allocation.totalCost = round5(total);
  return allocation;
}

/**
 * Scales a recorded allocation: `sizeFactor` multiplies every amount (a bigger or
 * smaller workload), `timeFactor` multiplies what accumulates over time (a shorter or
 * longer window). Ratios stay as recorded; totalCost is the sum of the scaled parts.
 */
function scaleAllocation(allocation, { sizeFactor = 1, timeFactor = 1 } = {}) {
  const scaled = deepClone(allocation);
  for (const [field, value] of Object.entries(scaled)) {
    if (typeof value !== 'number' || RATIO_FIELDS.has(field)) {
      continue;
    }
    if (field === 'minutes') {
      scaled.minutes = round5(value * timeFactor);
    } else if (TIME_EXTENSIVE_FIELDS.has(field)) {
      scaled[field] = round5(value * sizeFactor * timeFactor);
    } else {
      scaled[field] = round5(value * sizeFactor);
    }
  }
  return recomputeTotal(scaled);
}

function dayWindow(day) {
  return {
    start: `${day}T00:00:00Z`,
    end: `${nextDay(day)}T00:00:00Z`,
  };
}

function nextDay(day) {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** A recorded allocation turned into one whole day of a given workload. */
function dailyAllocation(template, { name, day, sizeFactor, properties }) {
  const window = dayWindow(day);
  const recordedMinutes =
    typeof template.minutes === 'number' && template.minutes > 0
      ? template.minutes
      : MINUTES_PER_DAY;
  const scaled = scaleAllocation(template, {
    sizeFactor,
    timeFactor: MINUTES_PER_DAY / recordedMinutes,
  });
  scaled.minutes = MINUTES_PER_DAY;
  return {
    ...scaled,
    name,
    properties,
    window,
    start: window.start,
    end: window.end,
  };
}

/** An `__idle__` allocation: only CPU, RAM and GPU costs, as OpenCost reports idle. */
function idleAllocation(template, options) {
  const allocation = dailyAllocation(template, options);
  for (const [field, value] of Object.entries(allocation)) {
    if (
      typeof value === 'number' &&
      field !== 'minutes' &&
      !RATIO_FIELDS.has(field) &&
      !IDLE_FIELDS.has(field)
    ) {
      allocation[field] = 0;
    }
  }
  for (const field of RATIO_FIELDS) {
    if (field in allocation) {
      allocation[field] = 0;
    }
  }
  return recomputeTotal(allocation);
}

/** The labels OpenCost reports for a workload: sanitized names, the aggregated label always set. */
function reportedLabels(labels, labelKey, id) {
  const reported = {};
  for (const [key, value] of Object.entries(labels || {})) {
    if (typeof value === 'string') {
      reported[sanitizeLabelName(key)] = value;
    }
  }
  reported[sanitizeLabelName(labelKey)] = id;
  return reported;
}

/** Whether a request's aggregation asks for one allocation per controller. */
function isWorkloadAggregate(aggregate) {
  return (aggregate || '')
    .split(',')
    .some(part => part.trim() === 'controller');
}

/**
 * Answers `allocationsFor(day, { aggregate })`: plausible daily allocations for the
 * given workloads, aggregated by a label as `aggregate=label:<labelKey>` does, plus
 * `__unallocated__` and `__idle__`. Each workload is one of the recorded allocations,
 * scaled by a size stable for its id and a day-to-day variation stable for its id and
 * day, so the same day always gives the same numbers.
 *
 * Each workload is a deployment named by its id in `namespace`, carrying the labels
 * `workloadLabels[id]` (Kubernetes label keys; the aggregated label is always set to
 * the id). When the aggregation names `controller` (such as
 * `cluster,namespace,controller`), the allocations are named and described per
 * workload, `<cluster>/<namespace>/deployment:<id>`, as OpenCost names them.
 */
function createDemoAllocations(options) {
  const {
    ids,
    cluster = 'demo-cluster',
    namespace = 'default',
    labelKey = 'backstage.io/kubernetes-id',
    workloadLabels = {},
    unallocated = true,
    idle = true,
    fixture = DEFAULT_FIXTURE,
  } = options || {};
  if (!Array.isArray(ids) || ids.some(id => typeof id !== 'string' || !id)) {
    throw new TypeError('createDemoAllocations needs ids, a list of names');
  }
  const templates = loadRecordedAllocationSets(fixture).flatMap(set =>
    Object.values(set || {}),
  );
  if (templates.length === 0) {
    throw new Error(`${fixture} holds no allocations`);
  }
  const largest = templates.reduce((a, b) =>
    (b.totalCost || 0) > (a.totalCost || 0) ? b : a,
  );

  return function allocationsFor(day, request) {
    if (!DAY_PATTERN.test(day)) {
      throw new TypeError(`Invalid day ${day}: expected YYYY-MM-DD`);
    }
    const perWorkload = isWorkloadAggregate(request && request.aggregate);
    const result = {};
    for (const id of ids) {
      const size = 10 + (hash(id) % 5000) / 100;
      const variation = 0.8 + (hash(`${id}|${day}`) % 4000) / 10000;
      const labels = reportedLabels(workloadLabels[id], labelKey, id);
      const name = perWorkload
        ? `${cluster}/${namespace}/deployment:${id}`
        : id;
      result[name] = dailyAllocation(templates[hash(id) % templates.length], {
        name,
        day,
        sizeFactor: size * variation,
        properties: perWorkload
          ? {
              cluster,
              namespace,
              controller: id,
              controllerKind: 'deployment',
              labels,
            }
          : { cluster, labels },
      });
    }
    if (unallocated) {
      const variation = 0.8 + (hash(`__unallocated__|${day}`) % 4000) / 10000;
      result.__unallocated__ = dailyAllocation(largest, {
        name: '__unallocated__',
        day,
        sizeFactor: 2 * variation,
        properties: { cluster },
      });
    }
    if (idle) {
      const variation = 0.8 + (hash(`__idle__|${day}`) % 4000) / 10000;
      result.__idle__ = idleAllocation(largest, {
        name: '__idle__',
        day,
        sizeFactor: 6 * variation,
        properties: { cluster },
      });
    }
    return result;
  };
}

module.exports = {
  COST_PARTS,
  TIME_EXTENSIVE_FIELDS,
  RATIO_FIELDS,
  createDemoAllocations,
  loadRecordedAllocationSets,
  recomputeTotal,
  round5,
  sanitizeLabelName,
  scaleAllocation,
};
