import type { TrafficTokenType } from './dayPlan';

/**
 * What a capability's process exports: the OpenTelemetry HTTP semantic conventions
 * (the SDK's HTTP instrumentation), or the metrics of the Naftiko (Ikanos) capability
 * engine (`naftiko_request_total`, `naftiko_request_duration_seconds`,
 * `naftiko_http_client_total`). Each runtime's metrics go to a Prometheus of its own.
 */
export type TrafficRuntime = 'otel' | 'naftiko';

/**
 * The usage of a capability that no demo invoice bills (its spend is priced from its
 * token metrics alone): requests a day, and what each one uses.
 */
export interface OwnUsage {
  requestsPerWeekday: number;
  /** Saturdays' and Sundays' requests as a share of a weekday's. */
  weekendShare: number;
  models: Array<{
    provider: string;
    model: string;
    tokensPerRequest: Partial<Record<TrafficTokenType, number>>;
  }>;
  apiCalls: Array<{
    host: string;
    method: string;
    /** The path template, as `url.template`. */
    route: string;
    operation: string;
    perRequest: number;
  }>;
}

/**
 * How each example capability with traffic behaves: how many input tokens one request
 * sends to its first model (which sets its requests per day, from its FOCUS tokens),
 * its share of server errors, its latency, how often its upstreams push back, and the
 * business outcome it counts. The tokens themselves are those of the demo's AI
 * invoice (demoFocus.ts): one usage model behind the invoice, the Prometheus history
 * and the live traffic.
 */
export interface TrafficProfile {
  capability: string;
  runtime: TrafficRuntime;
  /** Its usage, when no invoice gives it. */
  usage?: OwnUsage;
  /** Uncached input tokens one request sends to the capability's first model. */
  inputTokensPerRequest: number;
  /** Share of requests answered with a server error (500). */
  serverErrorShare: number;
  /** Typical time to answer a request, in seconds. */
  medianSeconds: number;
  /** Shares of model calls answered 429 or 503, or timing out, before a retry that succeeds. */
  throttledShare: number;
  unavailableShare: number;
  timeoutShare: number;
  /** The counter of business outcomes, and outcomes per request. */
  outcome: { metric: string; perRequest: number };
}

export const TRAFFIC_PROFILES: TrafficProfile[] = [
  {
    runtime: 'otel',
    capability: 'support-summarizer',
    inputTokensPerRequest: 3000,
    serverErrorShare: 0.004,
    medianSeconds: 1.4,
    throttledShare: 0.012,
    unavailableShare: 0.003,
    timeoutShare: 0.001,
    outcome: { metric: 'support_summaries_total', perRequest: 0.97 },
  },
  {
    runtime: 'otel',
    capability: 'ticket-triage',
    inputTokensPerRequest: 1500,
    serverErrorShare: 0.006,
    medianSeconds: 0.6,
    throttledShare: 0.02,
    unavailableShare: 0.002,
    timeoutShare: 0.001,
    outcome: { metric: 'tickets_triaged_total', perRequest: 0.99 },
  },
  {
    runtime: 'otel',
    capability: 'fraud-scorer',
    inputTokensPerRequest: 1200,
    serverErrorShare: 0.002,
    medianSeconds: 0.4,
    throttledShare: 0.005,
    unavailableShare: 0.001,
    timeoutShare: 0.0005,
    outcome: { metric: 'orders_scored_total', perRequest: 1 },
  },
  {
    runtime: 'otel',
    capability: 'rag-gateway',
    inputTokensPerRequest: 4000,
    serverErrorShare: 0.005,
    medianSeconds: 1.8,
    throttledShare: 0.015,
    unavailableShare: 0.004,
    timeoutShare: 0.002,
    outcome: { metric: 'answers_served_total', perRequest: 0.95 },
  },
  {
    runtime: 'otel',
    capability: 'insights-copilot',
    inputTokensPerRequest: 5000,
    serverErrorShare: 0.008,
    medianSeconds: 2.5,
    throttledShare: 0.01,
    unavailableShare: 0.003,
    timeoutShare: 0.002,
    outcome: { metric: 'insights_answered_total', perRequest: 0.9 },
  },
  {
    // The Naftiko capability of examples/naftiko/support-triage.yml.
    runtime: 'naftiko',
    capability: 'support-triage',
    inputTokensPerRequest: 2500,
    serverErrorShare: 0.003,
    medianSeconds: 0.9,
    throttledShare: 0.01,
    unavailableShare: 0.002,
    timeoutShare: 0.001,
    outcome: { metric: 'tickets_routed_total', perRequest: 0.98 },
    usage: {
      requestsPerWeekday: 4000,
      weekendShare: 0.35,
      models: [
        {
          provider: 'OpenAI',
          model: 'gpt-4o-mini',
          tokensPerRequest: { input: 2500, cache_read: 800, output: 300 },
        },
      ],
      apiCalls: [
        {
          host: 'tickets.example.com',
          method: 'GET',
          route: '/api/tickets/{ticket_id}',
          operation: 'get-ticket',
          perRequest: 1,
        },
        {
          host: 'tickets.example.com',
          method: 'PATCH',
          route: '/api/tickets/{ticket_id}',
          operation: 'update-ticket',
          perRequest: 1,
        },
      ],
    },
  },
];

/** The hosts of the vendors' APIs, as the example catalog's API entities name them. */
export const PROVIDER_HOSTS: Record<string, string> = {
  OpenAI: 'api.openai.com',
  Anthropic: 'api.anthropic.com',
  Twilio: 'api.twilio.com',
  Stripe: 'api.stripe.com',
  Google: 'maps.googleapis.com',
  Algolia: 'latency-dsn.algolia.net',
};

/** `gen_ai.provider.name` of the OpenTelemetry GenAI conventions, by FOCUS provider. */
export const GEN_AI_PROVIDER_NAMES: Record<string, string> = {
  OpenAI: 'openai',
  Anthropic: 'anthropic',
};
