import { CostBasis } from './costBasis';
import { CostOutside } from './costOutside';

/**
 * Dimensions that an entity's cost can be broken down by. `model` splits model
 * tokens; `agent` and `session` are the OpenTelemetry GenAI agent and conversation
 * its records' tags name (see {@link agentOfTags}). Spend without a value of the
 * dimension is one line per kind, named by what it is (see {@link CostOutside}):
 * `(Kubernetes)`, `(API calls)`, `(AI models)`, `(other services)`, and model tokens
 * that name no value `(no model)`, `(no agent)` or `(no session)`.
 *
 * @public
 */
export type CostGroupBy =
  | 'source'
  | 'model'
  | 'tokenType'
  | 'operation'
  | 'resource'
  | 'provider'
  | 'agent'
  | 'session';
/** @public */
export const COST_GROUP_BYS: readonly CostGroupBy[] = [
  'source',
  'model',
  'tokenType',
  'operation',
  'resource',
  'provider',
  'agent',
  'session',
];

/** Dimensions of the organization summary; `agent` as in {@link CostGroupBy}. @public */
export type SummaryGroupBy =
  | 'costCenter'
  | 'team'
  | 'entity'
  | 'model'
  | 'provider'
  | 'agent';
/** @public */
export const SUMMARY_GROUP_BYS: readonly SummaryGroupBy[] = [
  'costCenter',
  'team',
  'entity',
  'model',
  'provider',
  'agent',
];

/**
 * What a cost record's dimension value is: a token type (input, output, cache-read,
 * cache-write), an API operation, a Kubernetes resource (cpu, ram, gpu, pv, network,
 * loadBalancer, shared) or a plain usage line.
 *
 * @public
 */
export type CostDimensionKind =
  | 'tokenType'
  | 'operation'
  | 'resource'
  | 'usage';

/** Token types of AI model usage. @public */
export type TokenType = 'input' | 'output' | 'cache-read' | 'cache-write';
/** @public */
export const TOKEN_TYPES: readonly TokenType[] = [
  'input',
  'output',
  'cache-read',
  'cache-write',
];

/**
 * One normalized cost record, aligned with FOCUS: a charge for one day, attributed to
 * an entity or kept as unallocated.
 *
 * @public
 */
export interface CostRecord {
  /** The UTC day of the charge, YYYY-MM-DD. */
  day: string;
  /** The entity the spend is attributed to; undefined keeps it as unallocated. */
  entityRef?: string;
  /** Cost center the spend is attributed to when no entity is known. */
  costCenter?: string;
  /** Team the spend is attributed to when no entity is known. */
  team?: string;
  /** Who charges: openai, anthropic, aws, kubernetes, stripe, … */
  provider: string;
  /** The service or product charged: a model API, a SaaS API, a cluster. */
  service: string;
  /** The model or SKU, where the charge has one. */
  model?: string;
  dimensionKind: CostDimensionKind;
  /** The value of the dimension: a token type, an operation id, a resource. */
  dimension: string;
  /** Consumed quantity in units of 10^-6 (see QUANTITY_SCALE). */
  quantity?: bigint;
  unit?: string;
  /** Billed cost in micro-units: what the invoice charges (FOCUS BilledCost). */
  billedCostMicros: bigint;
  /** List (undiscounted) cost in micro-units. */
  listCostMicros?: bigint;
  /**
   * Effective cost in micro-units (FOCUS EffectiveCost): the amortized cost after
   * commitments and discounts, such as usage covered by a commitment (billed 0) and
   * the commitment's purchase spread over that usage (billed whole, effective 0).
   * Absent means equal to the billed cost. Showback, budgets, forecasts, alerts and
   * scorecards count it; invoices and reconciliation count the billed cost.
   */
  effectiveCostMicros?: bigint;
  currency: string;
  tags?: Record<string, string>;
}

/** A UTC day range, both ends inclusive, as YYYY-MM-DD. @public */
export interface DayWindow {
  from: string;
  to: string;
}

/**
 * One row of a cost breakdown in an API answer. Money is decimal text. A row that is
 * none of the dimension's values (Kubernetes spend in a split by model, API calls in
 * a split by token type) says what it is in `outside`.
 *
 * @public
 */
export interface CostBreakdownItem {
  key: string;
  cost: string;
  quantity?: string;
  unit?: string;
  /** Present on a row of spend outside the dimension's values: what that spend is. */
  outside?: CostOutside;
  /** Of a breakdown by agent: the sessions (conversations) the agent's spend names. */
  sessions?: number;
}

/** One day of a cost series. @public */
export interface DailyCost {
  day: string;
  total: string;
  /** Cost per key of the requested dimension. */
  breakdown: Record<string, string>;
}

/** How fresh one source's data is. @public */
export interface SourceStatus {
  id: string;
  type: string;
  lastRunAt?: string;
  lastSuccessAt?: string;
  lastError?: string;
  lastErrorAt?: string;
  /** Seconds since the last successful run; undefined when it never succeeded. */
  staleSeconds?: number;
  stale: boolean;
  running: boolean;
  progress?: { daysDone: number; daysTotal: number };
}

/** The answer of the entity cost route. @public */
export interface EntityCostResponse {
  entityRef: string;
  from: string;
  to: string;
  currency: string;
  groupBy: CostGroupBy;
  /**
   * Which cost the figures are: `effective` (amortized, see {@link CostBasis}); absent
   * from backends that stored only the billed cost.
   */
  costBasis?: CostBasis;
  total: string;
  previousTotal: string;
  daily: DailyCost[];
  breakdown: CostBreakdownItem[];
  sources: SourceStatus[];
}

/**
 * Spend per unit of what an entity delivers or serves, in a period and the period of
 * the same length before it. Money is decimal text.
 *
 * @public
 */
export interface UnitCostComparison {
  /** Outcomes or requests in the period. */
  units: number;
  previousUnits: number;
  /** Spend per outcome, or per 1,000 requests; null without any in the period. */
  cost: string | null;
  previousCost: string | null;
  /** Relative change against the previous period (0.25 = a quarter dearer); null without both. */
  change: number | null;
}

/** One day of an entity's unit costs. @public */
export interface DailyUnitCost {
  day: string;
  spend: string;
  outcomes: number;
  requests: number;
  /** Null on a day without outcomes. */
  costPerOutcome: string | null;
  /** Null on a day without requests. */
  costPer1kRequests: string | null;
}

/** The answer of the entity unit cost route. @public */
export interface EntityUnitCostResponse {
  entityRef: string;
  from: string;
  to: string;
  currency: string;
  /**
   * The entity's `tollgate.dev/outcome-query`, and its `tollgate.dev/outcome-unit`
   * when set; null when the entity declares no outcome query.
   */
  outcome: { query: string; unit?: string } | null;
  spend: string;
  previousSpend: string;
  /** Spend per business outcome (usage metric `outcomes`). */
  costPerOutcome: UnitCostComparison;
  /** Spend per 1,000 served requests (usage metric `http.requests`). */
  costPer1kRequests: UnitCostComparison;
  /** Every day of the period, oldest first. */
  daily: DailyUnitCost[];
}

/** The answer of the organization summary route. @public */
export interface SummaryResponse {
  from: string;
  to: string;
  currency: string;
  groupBy: SummaryGroupBy;
  /** Which cost the figures are, as in {@link EntityCostResponse}. */
  costBasis?: CostBasis;
  total: string;
  unallocated: string;
  previousTotal: string;
  /** `outside` as in {@link CostBreakdownItem}: spend outside a model split. */
  groups: Array<{
    key: string;
    cost: string;
    previousCost: string;
    outside?: CostOutside;
  }>;
  daily: DailyCost[];
}
