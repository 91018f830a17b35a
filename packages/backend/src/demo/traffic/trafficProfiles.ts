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
    capability: 'insights-copilot',
    inputTokensPerRequest: 5000,
    serverErrorShare: 0.008,
    medianSeconds: 2.5,
    throttledShare: 0.01,
    unavailableShare: 0.003,
    timeoutShare: 0.002,
    outcome: { metric: 'insights_answered_total', perRequest: 0.9 },
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
