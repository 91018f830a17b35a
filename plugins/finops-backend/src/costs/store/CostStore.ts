import {
  CostDimensionKind,
  CostGroupBy,
  CostRecord,
  DayWindow,
  SummaryGroupBy,
} from '@tollgate/plugin-finops-common';
import { UsageMetric } from '@tollgate/plugin-finops-node';
import { CostLineColumns } from './costGroupKeys';
import type { UnknownEntityClaim } from './unknownEntityRecords';
import type { UnallocatedTagSet, UnallocatedTagSpend } from './unallocatedTags';

export type { UnknownEntityClaim, UnallocatedTagSet, UnallocatedTagSpend };

/** What a source run writes into a window: cost records and usage metrics. */
export type StoredItem =
  | { type: 'cost'; record: CostRecord }
  | { type: 'metric'; metric: UsageMetric };

/** A sum of money and quantity for one key. Money in micro-units. */
export interface CostAggregate {
  key: string;
  costMicros: bigint;
  quantity?: bigint;
  unit?: string;
}

export interface DailyAggregate extends CostAggregate {
  day: string;
}

/** One entity's spend on one day. Money in micro-units. */
export interface EntityDailySpend {
  entityRef: string;
  day: string;
  costMicros: bigint;
}

/** One entity's spend in a window on one source, provider, model, dimension, agent, session and unit. */
export interface EntityCostLine extends CostLineColumns {
  entityRef: string;
  unit?: string;
  costMicros: bigint;
  /** Units of 10^-6; 0 when the records have none. */
  quantity: bigint;
}

/** Usage metrics, and the row id of each, which orders metrics of the same day. */
export interface UsageMetricRows {
  metrics: UsageMetric[];
  ids: number[];
}

export interface EntityCostQuery {
  entityRefs: string[];
  window: DayWindow;
  groupBy: CostGroupBy;
  currency: string;
  /** Only records of this dimension kind, such as `tokenType` for AI spend. */
  dimensionKind?: CostDimensionKind;
}

export interface SummaryQuery {
  window: DayWindow;
  groupBy: SummaryGroupBy;
  currency: string;
}

/** What spend is totalled by for budgets: the entity, team or cost center it is attributed to. */
export type SpendScopeKind = 'entity' | 'team' | 'costCenter';

/** One day's spend of one entity on one dimension, such as a model's output tokens. */
export interface DimensionDailySpend {
  entityRef: string;
  day: string;
  /** provider, model and dimension, such as `openai/gpt-4o/tokenType:output`. */
  dimension: string;
  costMicros: bigint;
}

export interface ExportedCostRow {
  sourceId: string;
  day: string;
  entityRef?: string;
  costCenter?: string;
  team?: string;
  provider: string;
  service: string;
  model?: string;
  dimensionKind: string;
  dimension: string;
  quantity?: bigint;
  unit?: string;
  billedCostMicros: bigint;
  listCostMicros?: bigint;
  /** Absent where it equals the billed cost. */
  effectiveCostMicros?: bigint;
  currency: string;
  tags?: Record<string, string>;
}

/**
 * Stores cost records per source and window, keeps their daily rollups, and answers
 * the queries of the entity, summary and export routes from those rollups. Every sum
 * of spend is of the effective cost (FOCUS EffectiveCost, the billed cost where a
 * record has none); the export answers both costs of each record.
 */
export interface CostStore {
  /**
   * Replaces everything a source stored for the days of a window with the given items,
   * atomically: when the items throw, nothing of the window changes. Items with no
   * cost record for a window that had some fail the same way, unless `allowEmpty`.
   * Items may come in arrays, which are stored at once.
   */
  replaceWindow(
    sourceId: string,
    window: DayWindow,
    items: AsyncIterable<StoredItem | StoredItem[]>,
    options?: {
      /** Replace stored cost records even when the items hold none; else that fails. */
      allowEmpty?: boolean;
    },
  ): Promise<{ records: number; metrics: number }>;

  entityDaily(query: EntityCostQuery): Promise<DailyAggregate[]>;
  entityBreakdown(query: EntityCostQuery): Promise<CostAggregate[]>;
  entityTotal(query: Omit<EntityCostQuery, 'groupBy'>): Promise<bigint>;
  /**
   * The sessions (conversations) of each agent in the entities' counted spend, by the
   * agent's key in a breakdown by agent; agents whose spend names no session are absent.
   */
  entityAgentSessions(
    query: Omit<EntityCostQuery, 'groupBy'>,
  ): Promise<Map<string, number>>;

  /** Spend per entity and day of many entities at once, by entity and day. */
  entitiesDaily(
    query: Omit<EntityCostQuery, 'groupBy'>,
  ): Promise<EntityDailySpend[]>;
  /**
   * Spend and quantity of many entities at once per source, provider, model,
   * dimension, agent, session and unit, in no particular order: every grouping of `entityBreakdown`
   * can be made from these lines (see costGroupKey).
   */
  entitiesCostLines(
    query: Omit<EntityCostQuery, 'groupBy'>,
  ): Promise<EntityCostLine[]>;

  summaryGroups(query: SummaryQuery): Promise<CostAggregate[]>;
  summaryDaily(query: SummaryQuery): Promise<DailyAggregate[]>;
  unallocatedTotal(window: DayWindow, currency: string): Promise<bigint>;

  /** Spend per day and entity, team or cost center; unattributed spend is left out. */
  dailySpend(query: {
    by: SpendScopeKind;
    window: DayWindow;
    currency: string;
  }): Promise<DailyAggregate[]>;

  /**
   * Spend per team or cost center in a window, and the part of it that no entity
   * carries (records attributed to the team or cost center only).
   */
  scopeAllocation(query: {
    by: 'team' | 'costCenter';
    window: DayWindow;
    currency: string;
  }): Promise<
    Array<{ key: string; totalMicros: bigint; unallocatedMicros: bigint }>
  >;

  /** Spend per entity, day and dimension, for anomaly detection. */
  dimensionDaily(
    window: DayWindow,
    currency: string,
  ): Promise<DimensionDailySpend[]>;

  /** Usage metrics of the given entities, by day and then in the order they were stored. */
  usageMetrics(query: {
    entityRefs: string[];
    window: DayWindow;
    metrics?: string[];
  }): Promise<UsageMetric[]>;
  /**
   * One usage metric of many entities at once, by entity, then by day and row id:
   * each entity's metrics in the order `usageMetrics` answers.
   */
  entitiesUsage(query: {
    entityRefs: string[];
    window: DayWindow;
    metric: string;
  }): Promise<UsageMetricRows>;

  exportRows(window: DayWindow): AsyncIterable<ExportedCostRow>;

  /** Every source and day with records kept as unallocated for lack of their entity. */
  unknownEntityClaims(): Promise<UnknownEntityClaim[]>;
  /**
   * Every source and day with unallocated records holding one of the tags, once per
   * distinct set of those tags' values (such as the vendor ids of the records).
   */
  unallocatedTagSets(tagKeys: readonly string[]): Promise<UnallocatedTagSet[]>;
  /**
   * Unallocated spend in a window, of the records holding one of the tags, summed by
   * the values of those tags.
   */
  unallocatedSpendByTags(query: {
    window: DayWindow;
    currency: string;
    tagKeys: readonly string[];
  }): Promise<UnallocatedTagSpend[]>;
  /**
   * Gives a source's stored records in a window the attribution `attribute` answers
   * (the same record to leave it), rebuilding the window's rollups, atomically.
   * Answers how many records changed.
   */
  reattributeWindow(
    sourceId: string,
    window: DayWindow,
    attribute: (record: CostRecord) => CostRecord,
  ): Promise<number>;
}
