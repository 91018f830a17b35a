import { Entity } from '@backstage/catalog-model';
import {
  BudgetStatus,
  CostDimensionKind,
  CostGroupBy,
  DayWindow,
} from '@tollgate/plugin-finops-common';
import { UsageMetric } from './CostSource';

/** Spend (and quantity, where the records have one) for one key. @public */
export interface ScorecardCostGroup {
  key: string;
  /** Micro-units of the reporting currency. */
  costMicros: bigint;
  /** Units of 10^-6, when every record of the key has a quantity in one unit. */
  quantity?: bigint;
  unit?: string;
}

/** The spend of a team or cost center and the part that no entity carries. @public */
export interface ScopeAllocation {
  totalMicros: bigint;
  unallocatedMicros: bigint;
}

/**
 * What a scorecard metric may read about one entity. Spend covers the entity and its
 * parts, in the reporting currency; days are UTC.
 *
 * @public
 */
export interface ScorecardMetricContext {
  entity: Entity;
  /** The entity's ref, lower-case. */
  entityRef: string;
  /** The UTC day the scorecard is evaluated for. */
  asOf: string;
  currency: string;
  /** Spend per day, in micro-units; days without spend are absent. */
  dailySpend(window: DayWindow): Promise<Map<string, bigint>>;
  /** Spend and quantity grouped by a dimension, optionally of one dimension kind only. */
  costBy(
    groupBy: CostGroupBy,
    window: DayWindow,
    filter?: { dimensionKind?: CostDimensionKind },
  ): Promise<ScorecardCostGroup[]>;
  /** Stored usage metrics of the entity, such as `http.requests`. */
  usage(metric: string, window: DayWindow): Promise<UsageMetric[]>;
  /** Catalog entities this one has a relation of the given type to, such as `consumesApi`. */
  related(relationType: string): Entity[];
  /** The entity's own budget and those of its team and cost center. */
  budgets(): { own?: BudgetStatus; inherited: BudgetStatus[] };
  /** The spend of the entity's team or cost center; undefined when it has none. */
  scopeAllocation(
    by: 'team' | 'costCenter',
    window: DayWindow,
  ): Promise<ScopeAllocation | undefined>;
}

/**
 * A value that scorecard checks can be configured on. `compute` returns undefined when
 * the data it needs is missing, which makes the check not applicable.
 *
 * @public
 */
export interface ScorecardMetric {
  /** Unique, lower-case with dashes, such as `error-rate`. */
  readonly id: string;
  /** What the value is and its unit, for people writing checks. */
  readonly description: string;
  compute(
    context: ScorecardMetricContext,
  ): Promise<number | boolean | undefined> | number | boolean | undefined;
}
