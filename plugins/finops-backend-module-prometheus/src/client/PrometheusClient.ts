import { PrometheusQueryError } from './PrometheusQueryError';

/** One series of an instant query's answer. */
export interface PrometheusSample {
  labels: Record<string, string>;
  /** The value; NaN and infinities are kept as such. */
  value: number;
}

/** The answer of an instant query. */
export interface PrometheusQueryResult {
  samples: PrometheusSample[];
  /** Warnings that Prometheus attached to the answer. */
  warnings: string[];
}

/** How to reach one Prometheus server (or a compatible API: Thanos, Mimir, …). */
export interface PrometheusClientOptions {
  baseUrl: string;
  headers: Record<string, string>;
  /** How long one query may take, in milliseconds. */
  timeoutMs: number;
  fetch?: typeof fetch;
}

/**
 * Runs instant queries through `POST /api/v1/query` and turns every failure into a
 * {@link PrometheusQueryError} that names the query and the server's message.
 */
export class PrometheusClient {
  private readonly baseUrl: string;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: PrometheusClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  /** Evaluates a query at a time given in Unix seconds. */
  async query(
    query: string,
    time: number,
    signal: AbortSignal,
  ): Promise<PrometheusQueryResult> {
    const url = `${this.baseUrl}/api/v1/query`;
    const at = new Date(time * 1000).toISOString();
    const where = `Prometheus query at ${url} (time ${at}): ${query}`;
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    let response: Response;
    let text: string;
    try {
      response = await this.fetch(url, {
        method: 'POST',
        headers: {
          ...this.options.headers,
          accept: 'application/json',
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ query, time: String(time) }).toString(),
        signal: AbortSignal.any([signal, timeout]),
      });
      text = await response.text();
    } catch (error) {
      if (timeout.aborted && !signal.aborted) {
        throw new PrometheusQueryError(
          `${where} timed out after ${this.options.timeoutMs} ms`,
          query,
        );
      }
      if (signal.aborted) {
        throw new PrometheusQueryError(`${where} was aborted`, query);
      }
      throw new PrometheusQueryError(
        `${where} failed: ${(error as Error).message}`,
        query,
        undefined,
        error as Error,
      );
    }
    return parseBody(where, query, response, text);
  }
}

interface QueryBody {
  status?: unknown;
  errorType?: unknown;
  error?: unknown;
  warnings?: unknown;
  data?: { resultType?: unknown; result?: unknown };
}

function parseBody(
  where: string,
  query: string,
  response: Response,
  text: string,
): PrometheusQueryResult {
  let body: QueryBody | undefined;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const status = `HTTP ${response.status}${
    response.statusText ? ` ${response.statusText}` : ''
  }`;
  if (body && body.status === 'error') {
    const errorType =
      typeof body.errorType === 'string' ? body.errorType : undefined;
    throw new PrometheusQueryError(
      `${where} failed with ${status}, ${errorType ?? 'error'}: ${String(
        body.error,
      )}`,
      query,
      errorType,
    );
  }
  if (!response.ok) {
    throw new PrometheusQueryError(
      `${where} failed with ${status}: ${
        text.slice(0, 300).trim() || 'empty body'
      }`,
      query,
    );
  }
  if (!body || body.status !== 'success' || typeof body.data !== 'object') {
    throw new PrometheusQueryError(
      `${where} answered a malformed body: ${
        text.slice(0, 300).trim() || 'empty body'
      }`,
      query,
    );
  }
  const warnings = Array.isArray(body.warnings)
    ? body.warnings.map(String)
    : [];
  return { samples: readSamples(where, query, body.data), warnings };
}

function readSamples(
  where: string,
  query: string,
  data: { resultType?: unknown; result?: unknown },
): PrometheusSample[] {
  const malformed = (what: string) =>
    new PrometheusQueryError(
      `${where} answered a malformed body: ${what}`,
      query,
    );
  if (data.resultType === 'scalar') {
    return [{ labels: {}, value: readValue(data.result, malformed) }];
  }
  if (data.resultType !== 'vector') {
    throw malformed(
      `expected an instant vector or a scalar, got ${JSON.stringify(
        data.resultType,
      )}`,
    );
  }
  if (!Array.isArray(data.result)) {
    throw malformed('data.result is not a list');
  }
  return data.result.map((entry: { metric?: unknown; value?: unknown }) => {
    if (!entry || typeof entry.metric !== 'object' || entry.metric === null) {
      throw malformed('a series has no labels');
    }
    const labels: Record<string, string> = {};
    for (const [key, value] of Object.entries(entry.metric)) {
      labels[key] = String(value);
    }
    return { labels, value: readValue(entry.value, malformed) };
  });
}

function readValue(pair: unknown, malformed: (what: string) => Error): number {
  if (
    !Array.isArray(pair) ||
    pair.length !== 2 ||
    typeof pair[1] !== 'string'
  ) {
    throw malformed(
      `expected a [time, "value"] pair, got ${JSON.stringify(pair)}`,
    );
  }
  const text = pair[1];
  if (text === '+Inf' || text === 'Inf') {
    return Infinity;
  }
  if (text === '-Inf') {
    return -Infinity;
  }
  if (text === 'NaN') {
    return NaN;
  }
  const value = Number(text);
  if (Number.isNaN(value)) {
    throw malformed(`value ${JSON.stringify(text)} is not a number`);
  }
  return value;
}
