import { BudgetScope } from '../budgets/types';

/** Spend of one group of today's metered usage. @public */
export interface MeteredSpend {
  /**
   * The model, the agent id or the session id; metered spend outside models is named
   * by what it is: `API calls` or `Reported cost`; usage without an agent
   * `(no agent)`.
   */
  key: string;
  /** Decimal amount in the reporting currency. */
  cost: string;
  /** Usage events counted. */
  events: number;
}

/** A reservation still holding budget. @public */
export interface OpenReservation {
  id: string;
  amount: string;
  currency: string;
  agentId?: string;
  sessionId?: string;
  createdAt: string;
  expiresAt: string;
}

/** A spend-rate limit and what its trailing window has taken. @public */
export interface SpendRateLimitStatus {
  /** Whose spend it caps: the entity's, or its team's (a Group's limit). */
  scope?: BudgetScope;
  /** The limit as written, such as `25.00 USD/hour`. */
  limit: string;
  per: string;
  enforcement: 'advisory' | 'hard';
  /** Metered spend in the trailing window. */
  spent: string;
  /** Open reservations. */
  reserved: string;
  remaining: string;
  /** Spent and reserved, in percent of the limit. */
  utilization: number;
}

/**
 * The answer of `GET /v1/entities/{kind}/{namespace}/{name}/metering`: usage reported
 * today as it happens, the reservations holding budget and the spend-rate limit.
 * @public
 */
export interface EntityMeteringResponse {
  entityRef: string;
  /** Today, in UTC. */
  day: string;
  currency: string;
  /** When the answer was read. */
  asOf: string;
  today: {
    total: string;
    events: number;
    byModel: MeteredSpend[];
    byAgent: MeteredSpend[];
  };
  reservations: {
    count: number;
    total: string;
    /** Newest first, at most 50. */
    open: OpenReservation[];
  };
  spendRateLimit?: SpendRateLimitStatus;
}

/** Calls the guardrail denied for one entity. @public */
export interface GuardrailDenials {
  entityRef: string;
  count: number;
  lastAt: string;
  lastReason: string;
}

/** An agent's metered spend. @public */
export interface AgentSpend {
  agentId: string;
  cost: string;
  events: number;
  /** The entities it spent for. */
  entityRefs: string[];
}

/** A session's (a conversation's) metered spend. @public */
export interface SessionSpend {
  sessionId: string;
  agentId?: string;
  entityRef?: string;
  cost: string;
  events: number;
}

/**
 * The answer of `GET /v1/metering/summary?from&to`: calls denied by the guardrail, and
 * the agents and sessions that spent most.
 * @public
 */
export interface MeteringSummaryResponse {
  from: string;
  to: string;
  currency: string;
  denials: {
    total: number;
    /** Most denied first, at most 20. */
    byEntity: GuardrailDenials[];
  };
  /** Most spent first, at most 10. */
  topAgents: AgentSpend[];
  /** Most spent first, at most 10. */
  topSessions: SessionSpend[];
}
