import { DayPlan, TrafficTokenType } from './dayPlan';

const DAY_MS = 86_400_000;

/** What befalls one model call before its answer: a refusal to retry, or none. */
export type UpstreamFailure = 429 | 503 | 'timeout';

/** One model call of a request. */
export interface ModelCall {
  provider: string;
  model: string;
  tokens: Record<TrafficTokenType, number>;
  /** Set when the first attempt failed; the retry then succeeds. */
  failure?: UpstreamFailure;
}

/** The k-th request (from 1) of a day, as the plan lays it out. */
export interface PlannedRequest {
  index: number;
  /** Milliseconds since the epoch when it is sent. */
  at: number;
  status: 200 | 500;
  latencySeconds: number;
  modelCalls: ModelCall[];
  apiCalls: Array<{
    host: string;
    method: string;
    route: string;
    operation: string;
    count: number;
  }>;
  outcomes: number;
}

/**
 * The k-th of n shares of `total` spread as evenly as whole numbers allow: the first
 * k shares sum to floor(k * total / n), so that all n sum to `total` exactly.
 */
export function share(total: number, n: number, k: number): number {
  return Math.floor((k * total) / n) - Math.floor(((k - 1) * total) / n);
}

/** When the k-th request of a day is sent, in milliseconds since the epoch. */
export function requestTime(plan: DayPlan, k: number): number {
  const start = Date.parse(`${plan.day}T00:00:00Z`);
  return start + Math.floor(((k - 0.5) * DAY_MS) / plan.requests);
}

/** How many of a day's requests are sent at or before `time`. */
export function requestsThrough(plan: DayPlan, time: number): number {
  const start = Date.parse(`${plan.day}T00:00:00Z`);
  if (time < start) return 0;
  const sent = Math.floor(((time - start) * plan.requests) / DAY_MS + 0.5);
  let k = Math.min(plan.requests, Math.max(0, sent));
  while (k > 0 && requestTime(plan, k) > time) k--;
  while (k < plan.requests && requestTime(plan, k + 1) <= time) k++;
  return k;
}

const GOLDEN = 0.6180339887498949;

/** A latency around the median: most near it, a tail up to about four times it. */
function latency(median: number, k: number, status: number): number {
  const u = (k * GOLDEN) % 1;
  const factor = u < 0.9 ? 0.55 + u : 1.45 + (u - 0.9) * 25;
  const seconds = median * factor * (status === 500 ? 0.5 : 1);
  return Math.round(seconds * 1000) / 1000;
}

/** The k-th request of n counted from another place in the day, to keep spreads apart. */
function shifted(k: number, n: number, part: number): number {
  return ((k - 1 + Math.floor(n * part) + 7) % n) + 1;
}

/** The failure a request's first model call meets first; one at most. */
function failureOf(plan: DayPlan, k: number): UpstreamFailure | undefined {
  const n = plan.requests;
  if (share(plan.throttled, n, k)) return 429;
  if (share(plan.unavailable, n, shifted(k, n, 1 / 3))) return 503;
  if (share(plan.timeouts, n, shifted(k, n, 2 / 3))) return 'timeout';
  return undefined;
}

/** The k-th request of the day's plan, from 1 to `plan.requests`. */
export function requestAt(plan: DayPlan, k: number): PlannedRequest {
  const n = plan.requests;
  const status = share(plan.serverErrors, n, k) ? 500 : 200;
  const failure = failureOf(plan, k);
  const modelCalls = plan.models.map(({ provider, model }, i) => {
    const tokens = {
      input: 0,
      output: 0,
      cache_read: 0,
      cache_creation: 0,
    } as Record<TrafficTokenType, number>;
    for (const t of plan.tokens) {
      if (t.model === model) tokens[t.tokenType] = share(t.total, n, k);
    }
    return {
      provider,
      model,
      tokens,
      ...(i === 0 && failure ? { failure } : {}),
    };
  });
  return {
    index: k,
    at: requestTime(plan, k),
    status,
    latencySeconds: latency(plan.profile.medianSeconds, k, status),
    modelCalls,
    apiCalls: plan.apiCalls
      .map(c => ({
        host: c.host,
        method: c.method,
        route: c.route,
        operation: c.operation,
        count: share(c.total, n, k),
      }))
      .filter(c => c.count > 0),
    outcomes: share(plan.outcomes, n, k),
  };
}
