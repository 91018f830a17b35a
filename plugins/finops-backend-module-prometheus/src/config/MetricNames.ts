/** The instrumentation whose metric names a source reads by default. */
export type MetricsProfile = 'otel' | 'naftiko';

/** @internal */
export const METRICS_PROFILES: readonly MetricsProfile[] = ['otel', 'naftiko'];

/** The metric and label names a source queries. */
export interface MetricNames {
  profile: MetricsProfile;
  /** Counter of handled requests (a counter, or a histogram's `_count`). */
  serverRequests: string;
  /** Label of {@link MetricNames.serverRequests} holding the response status. */
  serverStatusLabel: string;
  /** Histogram of request durations in seconds, without the `_bucket` suffix. */
  serverDuration: string;
  /** Counter of outbound client calls (a counter, or a histogram's `_count`). */
  clientRequests: string;
  /** Label of {@link MetricNames.clientRequests} holding the called host. */
  clientHostLabel: string;
  /** Label holding the status code the called server answered. */
  clientStatusLabel: string;
  /** Label holding the error of a call that got no answer (such as a timeout). */
  clientErrorLabel: string;
  /** Label holding the HTTP method of a call. */
  clientMethodLabel: string;
  /** Label holding the route template of a call, such as `/v1/charges`. */
  clientRouteLabel: string;
  /** OpenTelemetry GenAI token usage histogram, sanitized name, without `_sum`. */
  tokenUsage: string;
  /** The same histogram under its UTF-8 name, without `_sum`. */
  tokenUsageUtf8: string;
}

const GEN_AI = {
  tokenUsage: 'gen_ai_client_token_usage',
  tokenUsageUtf8: 'gen_ai.client.token.usage',
};

const OUTBOUND_LABELS = {
  clientHostLabel: 'server_address',
  clientStatusLabel: 'http_response_status_code',
  clientErrorLabel: 'error_type',
  clientMethodLabel: 'http_request_method',
  clientRouteLabel: 'url_template',
};

/**
 * Default names per profile: OpenTelemetry HTTP semantic conventions as exported to
 * Prometheus, and the metrics of the Naftiko (Ikanos) capability engine, whose
 * outbound calls carry the same semantic-convention labels.
 */
export const DEFAULT_METRIC_NAMES: Record<MetricsProfile, MetricNames> = {
  otel: {
    profile: 'otel',
    serverRequests: 'http_server_request_duration_seconds_count',
    serverStatusLabel: 'http_response_status_code',
    serverDuration: 'http_server_request_duration_seconds',
    clientRequests: 'http_client_request_duration_seconds_count',
    ...OUTBOUND_LABELS,
    ...GEN_AI,
  },
  naftiko: {
    profile: 'naftiko',
    serverRequests: 'naftiko_request_total',
    serverStatusLabel: 'status',
    serverDuration: 'naftiko_request_duration_seconds',
    clientRequests: 'naftiko_http_client_total',
    ...OUTBOUND_LABELS,
    ...GEN_AI,
  },
};

/** The keys of `metrics` that override one name. */
export const METRIC_NAME_KEYS = [
  'serverRequests',
  'serverStatusLabel',
  'serverDuration',
  'clientRequests',
  'clientHostLabel',
  'clientStatusLabel',
  'clientErrorLabel',
  'clientMethodLabel',
  'clientRouteLabel',
  'tokenUsage',
  'tokenUsageUtf8',
] as const;
