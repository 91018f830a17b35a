import { OpenMetricsWriter } from './OpenMetricsWriter';

/**
 * Test data: two UTC days of metrics of a `summarizer` component (OpenTelemetry
 * names, no data on the third day) and three days of a `triage` component (Naftiko
 * engine names). Every series grows at a constant rate within a day, sampled hourly.
 */
export const FIRST_DAY = '2025-03-01';

const summarizer = { job: 'summarizer' };
const triage = { job: 'triage' };

const chat = {
  ...summarizer,
  server_address: 'api.openai.com',
  http_request_method: 'POST',
  url_template: '/v1/chat/completions',
};

const gpt4o = {
  ...summarizer,
  gen_ai_system: 'openai',
  gen_ai_request_model: 'gpt-4o',
  gen_ai_response_model: 'gpt-4o-2024-08-06',
};

/** A histogram series with one `+Inf` bucket: only its count and sum matter. */
function countAndSum(counts: number[], sums: number[]) {
  return counts.map((count, day) => ({
    buckets: { '+Inf': count },
    sum: sums[day],
  }));
}

/** The OpenMetrics text; UTF-8 named series only when the server can ingest them. */
export function scenarioOpenMetrics(options: { utf8Names: boolean }): string {
  const writer = new OpenMetricsWriter(FIRST_DAY)
    // Day 1: 2400 requests, p50 at 0.1 s, p95 at 0.25 s, p99 at 1 s.
    // Day 2: 4800 requests.
    .histogram('http_server_request_duration_seconds', [
      {
        labels: { ...summarizer, http_response_status_code: '200' },
        perDay: [
          {
            buckets: { '0.1': 1200, '0.25': 2280, '1': 2280, '+Inf': 2280 },
            sum: 240,
          },
          {
            buckets: { '0.1': 2400, '0.25': 4704, '1': 4704, '+Inf': 4704 },
            sum: 480,
          },
        ],
      },
      {
        labels: { ...summarizer, http_response_status_code: '500' },
        perDay: [
          { buckets: { '0.1': 0, '0.25': 0, '1': 96, '+Inf': 96 }, sum: 48 },
          { buckets: { '0.1': 0, '0.25': 0, '1': 96, '+Inf': 96 }, sum: 48 },
        ],
      },
      {
        labels: { ...summarizer, http_response_status_code: '404' },
        perDay: [
          { buckets: { '0.1': 0, '0.25': 0, '1': 0, '+Inf': 24 }, sum: 24 },
          { buckets: { '0.1': 0, '0.25': 0, '1': 0, '+Inf': 0 }, sum: 0 },
        ],
      },
    ])
    .histogram('http_client_request_duration_seconds', [
      {
        labels: { ...chat, http_response_status_code: '200' },
        perDay: countAndSum([504, 1008], [48, 48]),
      },
      {
        labels: { ...chat, http_response_status_code: '429' },
        perDay: countAndSum([48, 48], [24, 24]),
      },
      {
        labels: { ...chat, http_response_status_code: '503' },
        perDay: countAndSum([24, 24], [24, 24]),
      },
      {
        labels: { ...chat, error_type: 'java.net.SocketTimeoutException' },
        perDay: countAndSum([24, 24], [240, 240]),
      },
      {
        labels: {
          ...summarizer,
          server_address: 'api.stripe.com',
          http_request_method: 'POST',
          url_template: '/v1/charges',
          http_response_status_code: '200',
        },
        perDay: countAndSum([240, 480], [24, 24]),
      },
      {
        labels: {
          ...summarizer,
          server_address: 'internal.example.com',
          http_request_method: 'GET',
          url_template: '/health',
          http_response_status_code: '200',
        },
        perDay: countAndSum([24, 24], [24, 24]),
      },
    ])
    .histogram('gen_ai_client_token_usage', [
      {
        labels: { ...gpt4o, gen_ai_token_type: 'input' },
        perDay: countAndSum([504, 1008], [1_234_560, 2_400_000]),
      },
      {
        labels: { ...gpt4o, gen_ai_token_type: 'output' },
        perDay: countAndSum([504, 1008], [240_000, 480_000]),
      },
      {
        labels: { ...gpt4o, gen_ai_token_type: 'cache_read' },
        perDay: countAndSum([48, 48], [120_000, 120_000]),
      },
      {
        labels: {
          ...summarizer,
          gen_ai_provider_name: 'acme',
          gen_ai_request_model: 'mystery-model',
          gen_ai_token_type: 'input',
        },
        perDay: countAndSum([24, 24], [24_000, 24_000]),
      },
    ])
    .counter('summaries_generated', [
      { labels: summarizer, perDay: [720, 1440] },
    ])
    // Naftiko engine metrics of triage: 1200 requests a day, 24 of them errors.
    .counter('naftiko_request', [
      {
        labels: {
          ...triage,
          naftiko_adapter_type: 'rest',
          naftiko_operation_id: 'triage-ticket',
          status: '200',
        },
        perDay: [1176, 1176, 1176],
      },
      {
        labels: {
          ...triage,
          naftiko_adapter_type: 'rest',
          naftiko_operation_id: 'triage-ticket',
          status: 'ERROR',
        },
        perDay: [24, 24, 24],
      },
    ])
    .histogram('naftiko_request_duration_seconds', [
      {
        labels: { ...triage, naftiko_operation_id: 'triage-ticket' },
        perDay: [0, 1, 2].map(() => ({
          buckets: { '0.5': 1200, '1': 2280, '5': 2400, '+Inf': 2400 },
          sum: 960,
        })),
      },
    ])
    .counter('naftiko_http_client', [
      {
        labels: {
          ...triage,
          http_request_method: 'POST',
          server_address: 'api.anthropic.com',
          http_response_status_code: '200',
        },
        perDay: [456, 456, 456],
      },
      {
        labels: {
          ...triage,
          http_request_method: 'POST',
          server_address: 'api.anthropic.com',
          http_response_status_code: '429',
        },
        perDay: [24, 24, 24],
      },
      {
        labels: {
          ...triage,
          http_request_method: 'POST',
          server_address: 'api.anthropic.com',
          error_type: 'transport',
        },
        perDay: [24, 24, 24],
      },
    ]);
  if (options.utf8Names) {
    writer.histogram('gen_ai.client.token.usage', [
      // The summarizer's input tokens once more under the UTF-8 names: counted once.
      {
        labels: {
          ...summarizer,
          'gen_ai.system': 'openai',
          'gen_ai.request.model': 'gpt-4o',
          'gen_ai.token.type': 'input',
        },
        perDay: countAndSum([504, 1008], [1_234_560, 2_400_000]),
      },
      // Tokens that only the UTF-8 names carry.
      {
        labels: {
          job: 'writer',
          'gen_ai.provider.name': 'anthropic',
          'gen_ai.response.model': 'claude-sonnet-4',
          'gen_ai.token.type': 'cache_creation',
        },
        perDay: countAndSum([24, 24], [96_000, 96_000]),
      },
    ]);
  }
  return writer.toString();
}
