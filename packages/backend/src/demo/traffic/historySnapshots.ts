import { DayPlan } from './dayPlan';
import { PlannedRequest, requestAt, requestsThrough } from './requestAt';
import { genAiProviderName, providerHost } from './dayPlan';
import { vendorPath } from './vendorMessages';
import { successStatus } from './vendorReplay';

/** Upper bounds of the HTTP duration histograms, as the OpenTelemetry SDK advises. */
export const DURATION_BOUNDS = [
  0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10,
];

/** A duration histogram's bucket counts (one per bound, then +Inf) by `le`. */
export function durationBuckets(buckets: number[]): Array<[string, number]> {
  return [
    ...DURATION_BOUNDS.map((bound, i): [string, number] => [
      String(bound),
      buckets[i],
    ]),
    ['+Inf', buckets[DURATION_BOUNDS.length]],
  ];
}

/** Labels of one series, and its cumulative values at each snapshot. */
export type SeriesKey = string;

/** Cumulative values of one capability's series at one time. */
export interface Snapshot {
  /** Seconds since the epoch. */
  time: number;
  /** Server durations by status: bucket counts (one per bound and +Inf), and sum. */
  server: Map<number, { buckets: number[]; sum: number }>;
  /** Outbound calls by host, method, route and status or error, with their summed time. */
  client: Map<SeriesKey, { count: number; sum: number }>;
  /** Tokens by provider, model and token type. */
  tokens: Map<SeriesKey, { count: number; sum: number }>;
  outcomes: number;
}

const SAMPLE_HOURS = 24;
const HOUR_MS = 3_600_000;

/** One series of outbound calls. */
export interface ClientSeries {
  host: string;
  method: string;
  /** The path template called. */
  route: string;
  /** The status code answered, or the error type of a call without an answer. */
  outcome: string;
}

/** The key of a client call series. */
export function clientKey(series: ClientSeries): SeriesKey {
  return JSON.stringify([
    series.host,
    series.method,
    series.route,
    series.outcome,
  ]);
}

/** The series a key names. */
export function clientSeries(key: SeriesKey): ClientSeries {
  const [host, method, route, outcome] = JSON.parse(key) as string[];
  return { host, method, route, outcome };
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
    const model = {
      host: providerHost(call.provider),
      method: 'POST',
      route: vendorPath(call.provider),
    };
    if (call.failure === 'timeout') {
      add(
        state.client,
        clientKey({ ...model, outcome: 'TimeoutError' }),
        1,
        0.4,
      );
    } else if (call.failure) {
      add(
        state.client,
        clientKey({ ...model, outcome: String(call.failure) }),
        1,
        0.002,
      );
    }
    add(state.client, clientKey({ ...model, outcome: '200' }), 1, 0.02);
    for (const [type, tokens] of Object.entries(call.tokens)) {
      if (tokens > 0) {
        const provider = genAiProviderName(call.provider);
        add(state.tokens, tokenKey(provider, call.model, type), 1, tokens);
      }
    }
  }
  for (const { host, method, route, count } of request.apiCalls) {
    const outcome = successStatus(method);
    add(
      state.client,
      clientKey({ host, method, route, outcome }),
      count,
      0.002 * count,
    );
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
