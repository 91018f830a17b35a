'use strict';

/**
 * A local HTTP server answering the OpenCost `/allocation` (and `/allocation/compute`)
 * and Kubecost `/model/allocation` APIs in their real response shape, from recorded
 * or scaled allocation records. For tests and demos where no OpenCost runs.
 *
 * Plain CommonJS so that `node` runs it without a build step.
 */

const http = require('node:http');
const {
  RATIO_FIELDS,
  TIME_EXTENSIVE_FIELDS,
  recomputeTotal,
  round5,
  scaleAllocation,
} = require('./allocations');

const DAY_MS = 24 * 60 * 60 * 1000;
const OPENCOST_PATHS = new Set(['/allocation', '/allocation/compute']);
const KUBECOST_PATHS = new Set(['/model/allocation']);
const IDLE_NAME = '__idle__';

class RequestProblem extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

function isoSeconds(ms) {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

function parseInstant(text) {
  if (/^\d+$/.test(text)) {
    return Number(text) * 1000;
  }
  if (
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(
      text,
    )
  ) {
    return NaN;
  }
  return Date.parse(text);
}

/** Accepts what OpenCost accepts for explicit windows: two RFC3339 times or two unix seconds. */
function parseWindow(text) {
  const parts = (text || '').split(',');
  if (parts.length !== 2) {
    throw new RequestProblem(
      400,
      `Invalid 'window' parameter: expected "start,end" as RFC3339 or unix seconds, got "${
        text || ''
      }"`,
    );
  }
  const [start, end] = parts.map(part => parseInstant(part.trim()));
  if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) {
    throw new RequestProblem(
      400,
      `Invalid 'window' parameter: "${text}" is not a start before an end`,
    );
  }
  return { start, end };
}

/** Splits a window at UTC midnights. */
function splitIntoDays({ start, end }) {
  const chunks = [];
  let chunkStart = start;
  while (chunkStart < end) {
    const midnight = Math.floor(chunkStart / DAY_MS) * DAY_MS + DAY_MS;
    const chunkEnd = Math.min(midnight, end);
    chunks.push({
      day: new Date(chunkStart).toISOString().slice(0, 10),
      start: chunkStart,
      end: chunkEnd,
    });
    chunkStart = chunkEnd;
  }
  return chunks;
}

function withWindow(allocation, start, end) {
  const window = { start: isoSeconds(start), end: isoSeconds(end) };
  return { ...allocation, window, start: window.start, end: window.end };
}

function isIdle(name) {
  return name === IDLE_NAME || name.endsWith(`/${IDLE_NAME}`);
}

/**
 * Shares idle CPU, RAM and GPU cost among the other allocations in proportion to
 * their own cost of that resource (evenly where they have none), as shareIdle does.
 */
function shareIdle(set) {
  const names = Object.keys(set);
  const idleNames = names.filter(isIdle);
  const targets = names.filter(name => !isIdle(name));
  if (idleNames.length === 0 || targets.length === 0) {
    return set;
  }
  const result = {};
  for (const name of targets) {
    result[name] = { ...set[name] };
  }
  for (const resource of ['cpuCost', 'ramCost', 'gpuCost']) {
    const idleCost = idleNames.reduce(
      (sum, name) => sum + (set[name][resource] || 0),
      0,
    );
    const weights = targets.map(name => set[name][resource] || 0);
    const weightTotal = weights.reduce((a, b) => a + b, 0);
    targets.forEach((name, i) => {
      const share =
        weightTotal > 0 ? weights[i] / weightTotal : 1 / targets.length;
      result[name][resource] = round5(
        (result[name][resource] || 0) + idleCost * share,
      );
    });
  }
  for (const name of targets) {
    recomputeTotal(result[name]);
  }
  return result;
}

function applyIdleParameters(set, { includeIdle, share }) {
  if (share) {
    return shareIdle(set);
  }
  if (includeIdle) {
    return set;
  }
  return Object.fromEntries(
    Object.entries(set).filter(([name]) => !isIdle(name)),
  );
}

/** Adds allocations of the same name, as accumulate does. */
function accumulate(sets, start, end) {
  const result = {};
  for (const set of sets) {
    for (const [name, allocation] of Object.entries(set)) {
      const previous = result[name];
      if (!previous) {
        result[name] = { ...allocation };
        continue;
      }
      const merged = { ...previous };
      const minutes = (previous.minutes || 0) + (allocation.minutes || 0);
      for (const [field, value] of Object.entries(allocation)) {
        if (typeof value !== 'number' || RATIO_FIELDS.has(field)) {
          continue;
        }
        if (field === 'minutes') {
          merged.minutes = round5(minutes);
        } else if (TIME_EXTENSIVE_FIELDS.has(field)) {
          merged[field] = round5((previous[field] || 0) + value);
        } else if (minutes > 0) {
          merged[field] = round5(
            ((previous[field] || 0) * (previous.minutes || 0) +
              value * (allocation.minutes || 0)) /
              minutes,
          );
        }
      }
      result[name] = merged;
    }
  }
  for (const name of Object.keys(result)) {
    result[name] = withWindow(result[name], start, end);
  }
  return result;
}

function readFlag(query, name, fallback) {
  const value = query.get(name);
  if (value === null || value === '') {
    return fallback;
  }
  return value === 'true' || value === '1';
}

/**
 * Builds the answer to one allocation request: one set per day with `step=1d`, one
 * set for the whole window without a step or with `accumulate=true`.
 */
function buildAllocationResponse(flavor, query, options) {
  const window = parseWindow(query.get('window'));
  const step = query.get('step');
  if (step && step !== '1d' && step !== '24h') {
    throw new RequestProblem(
      400,
      `Invalid step parameter: the replay serves "1d" steps, got "${step}"`,
    );
  }
  const accumulateAll = readFlag(query, 'accumulate', false) || !step;
  const includeIdle =
    flavor === 'kubecost'
      ? readFlag(query, 'idle', true)
      : readFlag(query, 'includeIdle', false);
  const share = readFlag(query, 'shareIdle', false);

  const daily = splitIntoDays(window).map(chunk => {
    const fraction = (chunk.end - chunk.start) / DAY_MS;
    const recorded =
      options.allocationsFor(chunk.day, {
        aggregate: query.get('aggregate') || undefined,
      }) || {};
    const set = {};
    for (const [name, allocation] of Object.entries(recorded)) {
      const served =
        fraction < 1
          ? scaleAllocation(allocation, { timeFactor: fraction })
          : allocation;
      set[name] = withWindow(served, chunk.start, chunk.end);
    }
    return options.honourIdleParameters
      ? applyIdleParameters(set, { includeIdle, share })
      : set;
  });
  const data = accumulateAll
    ? [accumulate(daily, window.start, window.end)]
    : daily;
  return { code: 200, status: 'success', data };
}

function send(res, status, body, contentType = 'application/json') {
  res.writeHead(status, { 'content-type': contentType });
  res.end(body);
}

/** Waits, but no longer than the client waits for the answer. */
function delay(ms, res) {
  return new Promise(resolve => {
    const timer = setTimeout(resolve, ms);
    res.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Starts the replay server. `allocationsFor(day, { aggregate })` answers the
 * allocations of one whole UTC day (YYYY-MM-DD), keyed by allocation name, in the
 * OpenCost shape, for the requested aggregation.
 */
async function startOpenCostReplayServer(options) {
  const {
    port = 0,
    host = '127.0.0.1',
    allocationsFor,
    token,
    honourIdleParameters = true,
    intercept,
  } = options || {};
  if (typeof allocationsFor !== 'function') {
    throw new TypeError('startOpenCostReplayServer needs allocationsFor(day)');
  }
  const requests = [];

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url || '/', 'http://replay.invalid');
    const request = {
      method: req.method || 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
    };
    requests.push(request);
    try {
      const override = intercept ? await intercept(request) : undefined;
      if (override && override.delayMs) {
        await delay(override.delayMs, res);
      }
      if (res.destroyed) {
        return;
      }
      if (
        override &&
        (override.status !== undefined || override.body !== undefined)
      ) {
        const body =
          typeof override.body === 'string'
            ? override.body
            : JSON.stringify(override.body ?? '');
        request.status = override.status ?? 200;
        request.body = body;
        send(res, request.status, body, override.contentType);
        return;
      }
      let flavor;
      if (OPENCOST_PATHS.has(url.pathname)) {
        flavor = 'opencost';
      } else if (KUBECOST_PATHS.has(url.pathname)) {
        flavor = 'kubecost';
      }
      if (!flavor) {
        throw new RequestProblem(404, `No route for ${url.pathname}`);
      }
      if (request.method !== 'GET') {
        throw new RequestProblem(405, `Method ${request.method} not allowed`);
      }
      if (
        token !== undefined &&
        req.headers.authorization !== `Bearer ${token}`
      ) {
        throw new RequestProblem(401, 'Missing or wrong bearer token');
      }
      const body = JSON.stringify(
        buildAllocationResponse(flavor, url.searchParams, {
          allocationsFor,
          honourIdleParameters,
        }),
      );
      request.status = 200;
      request.body = body;
      send(res, 200, body);
    } catch (error) {
      const status = error instanceof RequestProblem ? error.status : 500;
      const body = JSON.stringify({
        code: status,
        status: 'error',
        message: String(error && error.message ? error.message : error),
      });
      request.status = status;
      request.body = body;
      if (!res.destroyed) {
        send(res, status, body);
      }
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const boundPort =
    typeof address === 'object' && address ? address.port : port;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${boundPort}`,
    port: boundPort,
    requests,
    close() {
      return new Promise((resolve, reject) => {
        server.close(error => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}

module.exports = { startOpenCostReplayServer };
