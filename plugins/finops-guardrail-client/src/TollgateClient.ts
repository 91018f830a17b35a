import type { SpendRateLimitStatus } from '@tollgate/plugin-finops-common';
/**
 * A usage report of one call: tokens of a model, calls of an operation, or a cost.
 *
 * @public
 */
export type GuardrailUsage =
  | {
      provider: string;
      model: string;
      tokens: {
        input?: number;
        output?: number;
        cacheRead?: number;
        cacheWrite?: number;
        reasoning?: number;
      };
    }
  | { calls: { apiRef: string; operation: string; count: number } }
  | { cost: { amount: string; currency: string } };

/** What Tollgate answers a reservation. @public */
export interface ReservationAnswer {
  decision: 'allow' | 'warn' | 'deny';
  reason: string;
  entityRef: string;
  estimatedCost: string;
  currency: string;
  reservationId?: string;
  expiresAt?: string;
  budget?: { id: string; amount: string; spent: string; remaining: string };
  session?: { id: string; cap: string; spent: string; remaining: string };
  /** The spend-rate limit: metered spend and open reservations of its trailing window. */
  spendRateLimit?: SpendRateLimitStatus;
}

/**
 * Prices per million tokens of a model, as the backend's price book has them today.
 *
 * @public
 */
export interface ModelPrices {
  provider: string;
  model: string;
  currency: string;
  perMillionTokens: Partial<
    Record<'input' | 'output' | 'cache-read' | 'cache-write', string>
  >;
}

/** Thrown when Tollgate denies a reservation: the call was not made. @public */
export class GuardrailDeniedError extends Error {
  readonly name = 'GuardrailDeniedError';

  constructor(readonly answer: ReservationAnswer) {
    super(answer.reason);
  }
}

/** Thrown when Tollgate answers an error, with its status and message. @public */
export class TollgateRequestError extends Error {
  readonly name = 'TollgateRequestError';

  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/**
 * Talks to the finops backend's metering routes (`/api/finops/v1/...`) with a
 * Backstage token, such as a static external access token allowed
 * `finops.usage.report`.
 *
 * @public
 */
export class TollgateClient {
  private readonly baseUrl: string;

  constructor(
    private readonly options: {
      /** The backend, such as https://backstage.example.com; `/api/finops` is added. */
      baseUrl: string;
      token: string;
      fetch?: typeof fetch;
    },
  ) {
    this.baseUrl = `${options.baseUrl.replace(/\/+$/, '')}/api/finops/v1`;
  }

  modelPrices(provider: string, model: string): Promise<ModelPrices> {
    const query = new URLSearchParams({ provider, model });
    return this.request('GET', `/prices/models?${query}`);
  }

  /** Reserves an estimate; throws GuardrailDeniedError when Tollgate denies it. */
  async reserve(request: {
    entityRef: string;
    estimatedCost: string;
    currency?: string;
    idempotencyKey?: string;
    ttlSeconds?: number;
    agentId?: string;
    sessionId?: string;
    maxSessionCost?: string;
  }): Promise<ReservationAnswer> {
    const answer = await this.request<ReservationAnswer>(
      'POST',
      '/guardrails/reservations',
      request,
    );
    if (answer.decision === 'deny') {
      throw new GuardrailDeniedError(answer);
    }
    return answer;
  }

  commit(reservationId: string, usage: GuardrailUsage): Promise<unknown> {
    return this.request(
      'POST',
      `/guardrails/reservations/${encodeURIComponent(reservationId)}/commit`,
      usage,
    );
  }

  release(reservationId: string): Promise<unknown> {
    return this.request(
      'DELETE',
      `/guardrails/reservations/${encodeURIComponent(reservationId)}`,
    );
  }

  private async request<T>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<T> {
    const response = await (this.options.fetch ?? fetch)(
      `${this.baseUrl}${path}`,
      {
        method,
        headers: {
          authorization: `Bearer ${this.options.token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      },
    );
    const text = await response.text();
    if (!response.ok) {
      let message = text;
      try {
        message = JSON.parse(text).error?.message ?? text;
      } catch {
        // not JSON: the text says it
      }
      throw new TollgateRequestError(
        response.status,
        `Tollgate answered ${response.status} to ${method} ${path}: ${message}`,
      );
    }
    return JSON.parse(text) as T;
  }
}
