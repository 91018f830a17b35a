import { DayPlan } from './dayPlan';
import { PlannedRequest, requestAt, requestsThrough } from './requestAt';
import { genAiProviderName, providerHost } from './dayPlan';

/** Upper bounds of the HTTP duration histograms, as the OpenTelemetry SDK advises. */
export const DURATION_BOUNDS = [
  0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10,
];

/** Labels of one series, and its cumulative values at each snapshot. */
export type SeriesKey = string;

/** Cumulative values of one capability's series at one time. */
export interface Snapshot {
  /** Seconds since the epoch. */
  time: number;
  /** Server durations by status: bucket counts (one per bound and +Inf), and sum. */
  server: Map<number, { buckets: number[]; sum: number }>;
  /** Outbound calls by `server_address` and status or error, with their summed time. */
  client: Map<SeriesKey, { count: number; sum: number }>;
  /** Tokens by provider, model and token type. */
  tokens: Map<SeriesKey, { count: number; sum: number }>;
  outcomes: number;
}

const SAMPLE_HOURS = 24;
const HOUR_MS = 3_600_000;

/** The key of a client call series: host, then status code or error type. */
export function clientKey(host: string, outcome: string): SeriesKey {
  return JSON.stringify([host, outcome]);
}

/** The key of a token usage series: provider name, model, token type. */
export function tokenKey(provider: string, model: string, type: string) {
  return JSON.stringify([provider, model, type]);
}

function cloneSnapshot(s: Snapshot, time: number): Snapshot {
  return {
    time,
    server: new Map(
      [...s.server].map(([k, v]) => [
        k,
        { buckets: [...v.buckets], sum: v.sum },
      ]),
    ),
    client: new Map([...s.client].map(([k, v]) => [k, { ...v }])),
    tokens: new Map([...s.tokens].map(([k, v]) => [k, { ...v }])),
    outcomes: s.outcomes,
  };
}

function add(
  map: Map<SeriesKey, { count: number; sum: number }>,
  key: SeriesKey,
  count: number,
  sum: number,
) {
  const entry = map.get(key) ?? { count: 0, sum: 0 };
  entry.count += count;
  entry.sum += sum;
  map.set(key, entry);
}

/** Adds one request's duration, outbound calls, tokens and outcomes to the state. */
function addRequest(state: Snapshot, request: PlannedRequest) {
  const server = state.server.get(request.status) ?? {
    buckets: new Array(DURATION_BOUNDS.length + 1).fill(0),
    sum: 0,
  };
  DURATION_BOUNDS.forEach((bound, i) => {
    if (request.latencySeconds <= bound) server.buckets[i] += 1;
  });
  server.buckets[DURATION_BOUNDS.length] += 1;
  server.sum += request.latencySeconds;
  state.server.set(request.status, server);
  for (const call of request.modelCalls) {
    const host = providerHost(call.provider);
    if (call.failure === 'timeout') {
      add(state.client, clientKey(host, 'TimeoutError'), 1, 0.4);
    } else if (call.failure) {
      add(state.client, clientKey(host, String(call.failure)), 1, 0.002);
    }
    add(state.client, clientKey(host, '200'), 1, 0.02);
    for (const [type, tokens] of Object.entries(call.tokens)) {
      if (tokens > 0) {
        const provider = genAiProviderName(call.provider);
        add(state.tokens, tokenKey(provider, call.model, type), 1, tokens);
      }
    }
  }
  for (const api of request.apiCalls) {
    add(state.client, clientKey(api.host, '201'), api.count, 0.002 * api.count);
  }
  state.outcomes += request.outcomes;
}

/**
 * Snapshots of a capability's cumulative series at the start of each planned day
 * up to `cutoff` (milliseconds), and at `cutoff`: what its instrumented process would
 * have exported had it served the requests planned up to then, so that each whole
 * day's increase is that day's plan.
 */
export function historySnapshots(
  plans: DayPlan[],
  cutoff: number,
  onRequest?: (plan: DayPlan, request: PlannedRequest) => void,
): Snapshot[] {
  const snapshots: Snapshot[] = [];
  const state: Snapshot = {
    time: 0,
    server: new Map(),
    client: new Map(),
    tokens: new Map(),
    outcomes: 0,
  };
  for (const plan of plans) {
    const start = Date.parse(`${plan.day}T00:00:00Z`);
    let sent = 0;
    for (let hour = 0; hour <= 24; hour += SAMPLE_HOURS) {
      const time = Math.min(start + hour * HOUR_MS, cutoff);
      const through = requestsThrough(plan, time);
      for (let k = sent + 1; k <= through; k++) {
        const request = requestAt(plan, k);
        addRequest(state, request);
        onRequest?.(plan, request);
      }
      sent = through;
      // A day's end is the next day's start, sampled with it.
      if (hour < 24 || time >= cutoff) {
        snapshots.push(cloneSnapshot(state, time / 1000));
      }
      if (time >= cutoff) return snapshots;
    }
  }
  return snapshots;
}
