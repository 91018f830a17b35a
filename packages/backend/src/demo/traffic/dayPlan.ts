import {
  DEMO_ENTITY_TAG,
  DEMO_FOCUS_DAYS,
  DEMO_RUNAWAY,
  DemoFocusRow,
  generateDemoFocus,
} from '../demoFocus';
import {
  GEN_AI_PROVIDER_NAMES,
  OwnUsage,
  PROVIDER_HOSTS,
  TrafficProfile,
} from './trafficProfiles';

/** The token types of `gen_ai.token.type` the simulator reports. */
export type TrafficTokenType =
  | 'input'
  | 'output'
  | 'cache_read'
  | 'cache_creation';

/** One model's tokens of one type on one day. */
export interface ModelTokens {
  /** FOCUS ServiceProviderName, such as OpenAI. */
  provider: string;
  model: string;
  tokenType: TrafficTokenType;
  total: number;
}

/** Calls of one API operation on one day. */
export interface OperationCalls {
  host: string;
  method: string;
  /** The path template, as `url.template`. */
  route: string;
  operation: string;
  total: number;
}

/** What one capability does on one UTC day. */
export interface DayPlan {
  capability: string;
  day: string;
  requests: number;
  serverErrors: number;
  outcomes: number;
  /** Model calls answered 429, 503 or timing out, each retried once with success. */
  throttled: number;
  unavailable: number;
  timeouts: number;
  /** The models in the order each request calls them. */
  models: Array<{ provider: string; model: string }>;
  tokens: ModelTokens[];
  apiCalls: OperationCalls[];
  profile: TrafficProfile;
}

const TOKEN_TYPES: Record<string, TrafficTokenType> = {
  'Input Uncached': 'input',
  'Output Uncached': 'output',
  'Input Read': 'cache_read',
  'Input Write': 'cache_creation',
};

function capabilityOf(row: DemoFocusRow): string {
  const ref = JSON.parse(row.Tags)[DEMO_ENTITY_TAG] as string;
  return ref.slice(ref.indexOf('/') + 1);
}

function dayOf(row: DemoFocusRow): string {
  return row.ChargePeriodStart.slice(0, 10);
}

/**
 * Every day's plan of each profiled capability for the `days` days ending on `today`
 * (at most the span of the demo's exports): its tokens are exactly those of the demo's
 * AI invoice for the day as the demo generates it for `today`, its API calls those of
 * its SaaS invoice, and its requests follow from its first model's input; a
 * capability no invoice bills has its profile's own usage.
 */
export function planDays(options: {
  today: string;
  days: number;
  profiles: TrafficProfile[];
}): Map<string, DayPlan[]> {
  if (options.days > DEMO_FOCUS_DAYS) {
    throw new Error(
      `The demo's exports span ${DEMO_FOCUS_DAYS} days; cannot plan ${options.days}`,
    );
  }
  const first = new Date(
    Date.parse(`${options.today}T00:00:00Z`) - (options.days - 1) * 86_400_000,
  )
    .toISOString()
    .slice(0, 10);
  const exports = generateDemoFocus({
    today: options.today,
    days: DEMO_FOCUS_DAYS,
  });
  const inPlan = (row: DemoFocusRow) => dayOf(row) >= first;
  const aiProviders = exports.aiProviders.filter(inPlan);
  const saasApis = exports.saasApis.filter(inPlan);
  const plans = new Map<string, Map<string, DayPlan>>();
  const planOf = (profile: TrafficProfile, day: string) => {
    const byDay = plans.get(profile.capability) ?? new Map<string, DayPlan>();
    plans.set(profile.capability, byDay);
    let plan = byDay.get(day);
    if (!plan) {
      plan = {
        capability: profile.capability,
        day,
        requests: 0,
        serverErrors: 0,
        outcomes: 0,
        throttled: 0,
        unavailable: 0,
        timeouts: 0,
        models: [],
        tokens: [],
        apiCalls: [],
        profile,
      };
      byDay.set(day, plan);
    }
    return plan;
  };
  const profiles = new Map(options.profiles.map(p => [p.capability, p]));
  for (const row of aiProviders) {
    const profile = profiles.get(capabilityOf(row));
    if (!profile) continue;
    const details = JSON.parse(row.SkuPriceDetails);
    const plan = planOf(profile, dayOf(row));
    const provider = row.ServiceProviderName;
    const model = details.ModelId as string;
    if (!plan.models.some(m => m.model === model)) {
      plan.models.push({ provider, model });
    }
    plan.tokens.push({
      provider,
      model,
      tokenType:
        TOKEN_TYPES[`${details.TokenDirection} ${details.TokenCacheAction}`],
      total: Number(row.ConsumedQuantity),
    });
  }
  for (const row of saasApis) {
    const profile = profiles.get(capabilityOf(row));
    if (!profile) continue;
    planOf(profile, dayOf(row)).apiCalls.push({
      host: PROVIDER_HOSTS[row.ServiceProviderName],
      method: 'POST',
      route: `/${row.SkuId}`,
      operation: row.SkuId,
      total: Number(row.ConsumedQuantity),
    });
  }
  for (const profile of options.profiles) {
    if (!profile.usage) continue;
    for (let day = first; day <= options.today; day = nextDay(day)) {
      planOwnUsage(planOf(profile, day), profile.usage);
    }
  }
  const result = new Map<string, DayPlan[]>();
  for (const [capability, byDay] of plans) {
    const days = [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));
    days.forEach(plan => completePlan(plan, options.today));
    result.set(capability, days);
  }
  return result;
}

/** A day's tokens and API calls of a capability whose usage no invoice gives. */
function planOwnUsage(plan: DayPlan, usage: OwnUsage) {
  const weekday = new Date(`${plan.day}T00:00:00Z`).getUTCDay();
  const requests =
    weekday === 0 || weekday === 6
      ? Math.round(usage.requestsPerWeekday * usage.weekendShare)
      : usage.requestsPerWeekday;
  for (const { provider, model, tokensPerRequest } of usage.models) {
    plan.models.push({ provider, model });
    for (const [tokenType, perRequest] of Object.entries(tokensPerRequest)) {
      plan.tokens.push({
        provider,
        model,
        tokenType: tokenType as TrafficTokenType,
        total: requests * (perRequest ?? 0),
      });
    }
  }
  for (const { perRequest, ...call } of usage.apiCalls) {
    plan.apiCalls.push({ ...call, total: requests * perRequest });
  }
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000)
    .toISOString()
    .slice(0, 10);
}

/**
 * Requests, errors, outcomes and upstream failures from the plan's tokens. On the
 * days of the runaway agent loop, requests stay as many as usual: each one's loop
 * spends many times the tokens.
 */
function completePlan(plan: DayPlan, today: string) {
  const { profile } = plan;
  const first = plan.models[0];
  const input =
    plan.tokens.find(t => t.model === first?.model && t.tokenType === 'input')
      ?.total ?? 0;
  const runaway =
    plan.capability === DEMO_RUNAWAY.capability &&
    first?.model === DEMO_RUNAWAY.model &&
    daysBetween(plan.day, today) < DEMO_RUNAWAY.days;
  plan.requests = Math.max(
    24,
    Math.round(
      input /
        profile.inputTokensPerRequest /
        (runaway ? DEMO_RUNAWAY.factor : 1),
    ),
  );
  const share = (value: number) => Math.round(plan.requests * value);
  plan.serverErrors = share(profile.serverErrorShare);
  plan.outcomes = Math.min(
    plan.requests - plan.serverErrors,
    share(profile.outcome.perRequest),
  );
  plan.throttled = share(profile.throttledShare);
  plan.unavailable = share(profile.unavailableShare);
  plan.timeouts = share(profile.timeoutShare);
}

/** `gen_ai.provider.name` of a FOCUS provider. */
export function genAiProviderName(provider: string): string {
  return GEN_AI_PROVIDER_NAMES[provider] ?? provider.toLowerCase();
}

/** The API host of a FOCUS provider. */
export function providerHost(provider: string): string {
  return PROVIDER_HOSTS[provider];
}

function daysBetween(from: string, to: string): number {
  return (
    (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) /
    86_400_000
  );
}
