import { BudgetEnforcement, BudgetPeriod } from '../annotations/parsers';
import { CostBasis } from '../costBasis';

/** What a budget covers: one entity (and its parts), a team, or a cost center. @public */
export type BudgetScope =
  | { entityRef: string }
  | { team: string }
  | { costCenter: string };

/** @public */
export type BudgetScopeKind = 'entity' | 'team' | 'costCenter';

/** Where a budget is declared. @public */
export type BudgetOrigin = 'annotation' | 'api';

/** A budget as the API returns it. Amounts are exact decimal strings. @public */
export interface Budget {
  /** `annotation:<entityRef>` for a catalog annotation, else the id the API gave it. */
  id: string;
  scope: BudgetScope;
  amount: string;
  currency: string;
  period: BudgetPeriod;
  /** Whole percentages, increasing. */
  thresholds: number[];
  enforcement: BudgetEnforcement;
  origin: BudgetOrigin;
  updatedAt?: string;
  updatedBy?: string;
}

/** A validated budget to create or replace through the API. @public */
export interface BudgetInput {
  scope: BudgetScope;
  amountMicros: bigint;
  currency: string;
  period: BudgetPeriod;
  thresholds: number[];
  enforcement: BudgetEnforcement;
}

/** Where a budget stands in its current period. @public */
export interface BudgetStatus {
  budget: Budget;
  /** The current period, calendar-aligned in UTC, both days inclusive. */
  period: { from: string; to: string };
  /** When the period ends and the budget resets (ISO 8601, UTC). */
  resetsAt: string;
  /** The UTC day the status was computed for. */
  asOf: string;
  /**
   * Which cost `spent`, `forecast` and `remaining` are: `effective` (amortized, see
   * {@link CostBasis}); absent from backends that stored only the billed cost.
   */
  costBasis?: CostBasis;
  spent: string;
  /** Spent so far plus the projection to the end of the period. */
  forecast: string;
  remaining: string;
  /** Spent as a percentage of the amount, rounded to one decimal. */
  utilization: number;
  forecastUtilization: number;
  /** Thresholds that actual spend has reached. */
  thresholdsCrossed: number[];
  /** Thresholds that the forecast reaches by the end of the period. */
  forecastThresholdsCrossed: number[];
  /** Days from `asOf` until the forecast exhausts the budget; null when it lasts the period. */
  daysUntilExhaustion: number | null;
}

/** The budgets that apply to one entity, as `GET .../budget` returns them. @public */
export interface EntityBudgetResponse {
  entityRef: string;
  /** The entity's own budget, if any. */
  own?: BudgetStatus;
  /** Budgets of the entity's team and cost center, which also cover its spend. */
  inherited: BudgetStatus[];
  /**
   * Budgets for the same scope that lose to the one in force: a catalog annotation
   * wins over a budget made through the API.
   */
  overridden: Budget[];
}

/** @public */
export type GuardrailVerdict = 'allow' | 'warn' | 'deny';

/** The answer of `GET /v1/guardrails/check`. @public */
export interface GuardrailDecision {
  decision: GuardrailVerdict;
  entityRef: string;
  estimatedCost: string;
  currency: string;
  /** Why, in a sentence a gateway can log or show. */
  reason: string;
  /** The budget that decided, when one did. */
  budget?: {
    id: string;
    scope: BudgetScope;
    amount: string;
    period: BudgetPeriod;
    enforcement: BudgetEnforcement;
    spent: string;
    remaining: string;
    /** Percentage of the amount spent after this estimate. */
    utilizationAfter: number;
    resetsAt: string;
  };
  /** When the budget snapshot the answer came from was taken. */
  snapshotAt: string;
  /**
   * Set when that snapshot is older than the configured age: spend since then is not
   * counted, and a hard budget denies.
   */
  stale?: boolean;
}

/**
 * What raised an alert: a budget threshold reached by spend (`actual`) or by its
 * forecast, a spend anomaly, a spend-rate limit passed, or figures of a provider's
 * spend that drift apart (`reconciliation`).
 *
 * @public
 */
export type AlertKind =
  | 'actual'
  | 'forecast'
  | 'anomaly'
  | 'spend-rate'
  | 'reconciliation';

/**
 * What an alert is about: an entity, team or cost center, or (reconciliation) a
 * provider whose metered, vendor and invoiced figures drift apart.
 *
 * @public
 */
export type AlertScope = BudgetScope | { provider: string };

/** An alert as `GET /v1/alerts` returns it. @public */
export interface FinopsAlert {
  id: string;
  kind: AlertKind;
  /**
   * The entity the alert is about, the team / cost center of the budget, or the
   * provider of a reconciliation alert.
   */
  scope: AlertScope;
  budgetId?: string;
  /** First day of the budget period, or the anomalous or drifting day. */
  periodStart: string;
  threshold?: number;
  /**
   * For anomalies: the dimension that spiked, such as `model:gpt-4o/output`; for
   * reconciliation: the model whose figures drift.
   */
  dimension?: string;
  title: string;
  description: string;
  createdAt: string;
  acknowledgedAt?: string;
  acknowledgedBy?: string;
  resolvedAt?: string;
}

/** The answer of `GET /v1/budgets`: every budget in force with its status. @public */
export interface BudgetListResponse {
  items: BudgetStatus[];
}

/** The answer of `GET /v1/alerts`. @public */
export interface AlertListResponse {
  items: FinopsAlert[];
}

/** The body of a budget create or replace request (`POST /v1/budgets`, `PUT /v1/budgets/{id}`). @public */
export interface BudgetRequest {
  scope: BudgetScope;
  /** A positive decimal such as "100.00". */
  amount: string;
  currency: string;
  period: BudgetPeriod;
  /** Whole percentages, increasing. */
  thresholds: number[];
  enforcement: BudgetEnforcement;
}
