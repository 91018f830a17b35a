import { CostRecord, DayWindow } from '@tollgate/plugin-finops-common';
import { UsageMetric } from '@tollgate/plugin-finops-node';
import { Knex } from 'knex';
import {
  CostAggregate,
  CostStore,
  DailyAggregate,
  DimensionDailySpend,
  EntityCostQuery,
  EntityCostLine,
  EntityDailySpend,
  ExportedCostRow,
  SpendScopeKind,
  StoredItem,
  SummaryQuery,
  UsageMetricRows,
} from './CostStore';
import { CostPrecedence } from './CostPrecedence';
import {
  UnknownEntityClaim,
  reattributeWindow,
  unknownEntityClaims,
} from './unknownEntityRecords';
import {
  UnallocatedTagSet,
  UnallocatedTagSpend,
  unallocatedSpendByTags,
  unallocatedTagSets,
} from './unallocatedTags';
import { replaceSourceWindow } from './replaceSourceWindow';
import {
  entitiesCostLines,
  entitiesDaily,
  entityAgentSessions,
  entityBreakdown,
  entityDaily,
  entityTotal,
} from './entityCostQueries';
import {
  dailySpend,
  dimensionDaily,
  scopeAllocation,
  summaryDaily,
  summaryGroups,
  unallocatedTotal,
} from './summaryCostQueries';
import { entitiesUsage, usageMetrics } from './usageMetricQueries';
import { exportCostRows } from './exportCostRows';

/** The knex implementation of CostStore, for SQLite and PostgreSQL. */
export class DatabaseCostStore implements CostStore {
  /** With `precedence`, which source counts where sources overlap; else metered counts last. */
  static fromKnex(
    db: Knex,
    precedence = CostPrecedence.meteredLowest(),
  ): DatabaseCostStore {
    return new DatabaseCostStore(db, precedence);
  }

  private constructor(
    private readonly db: Knex,
    private readonly precedence: CostPrecedence,
  ) {}

  async replaceWindow(
    sourceId: string,
    window: DayWindow,
    items: AsyncIterable<StoredItem | StoredItem[]>,
    options: { allowEmpty?: boolean } = {},
  ): Promise<{ records: number; metrics: number }> {
    return replaceSourceWindow(
      this.db,
      this.precedence,
      sourceId,
      window,
      items,
      options,
    );
  }

  entityDaily(query: EntityCostQuery): Promise<DailyAggregate[]> {
    return entityDaily(this.db, query);
  }

  entityBreakdown(query: EntityCostQuery): Promise<CostAggregate[]> {
    return entityBreakdown(this.db, query);
  }

  entityTotal(query: Omit<EntityCostQuery, 'groupBy'>): Promise<bigint> {
    return entityTotal(this.db, query);
  }

  entitiesDaily(
    query: Omit<EntityCostQuery, 'groupBy'>,
  ): Promise<EntityDailySpend[]> {
    return entitiesDaily(this.db, query);
  }

  entityAgentSessions(
    query: Omit<EntityCostQuery, 'groupBy'>,
  ): Promise<Map<string, number>> {
    return entityAgentSessions(this.db, query);
  }

  entitiesCostLines(
    query: Omit<EntityCostQuery, 'groupBy'>,
  ): Promise<EntityCostLine[]> {
    return entitiesCostLines(this.db, query);
  }

  summaryGroups(query: SummaryQuery): Promise<CostAggregate[]> {
    return summaryGroups(this.db, query);
  }

  summaryDaily(query: SummaryQuery): Promise<DailyAggregate[]> {
    return summaryDaily(this.db, query);
  }

  unallocatedTotal(window: DayWindow, currency: string): Promise<bigint> {
    return unallocatedTotal(this.db, window, currency);
  }

  dailySpend(query: {
    by: SpendScopeKind;
    window: DayWindow;
    currency: string;
  }): Promise<DailyAggregate[]> {
    return dailySpend(this.db, query);
  }

  scopeAllocation(query: {
    by: 'team' | 'costCenter';
    window: DayWindow;
    currency: string;
  }): Promise<
    Array<{ key: string; totalMicros: bigint; unallocatedMicros: bigint }>
  > {
    return scopeAllocation(this.db, query);
  }

  dimensionDaily(
    window: DayWindow,
    currency: string,
  ): Promise<DimensionDailySpend[]> {
    return dimensionDaily(this.db, window, currency);
  }

  usageMetrics(query: {
    entityRefs: string[];
    window: DayWindow;
    metrics?: string[];
  }): Promise<UsageMetric[]> {
    return usageMetrics(this.db, query);
  }

  entitiesUsage(query: {
    entityRefs: string[];
    window: DayWindow;
    metric: string;
  }): Promise<UsageMetricRows> {
    return entitiesUsage(this.db, query);
  }

  unknownEntityClaims(): Promise<UnknownEntityClaim[]> {
    return unknownEntityClaims(this.db);
  }

  unallocatedTagSets(tagKeys: readonly string[]): Promise<UnallocatedTagSet[]> {
    return unallocatedTagSets(this.db, tagKeys);
  }

  unallocatedSpendByTags(query: {
    window: DayWindow;
    currency: string;
    tagKeys: readonly string[];
  }): Promise<UnallocatedTagSpend[]> {
    return unallocatedSpendByTags(this.db, query);
  }

  reattributeWindow(
    sourceId: string,
    window: DayWindow,
    attribute: (record: CostRecord) => CostRecord,
  ): Promise<number> {
    return reattributeWindow(
      this.db,
      sourceId,
      window,
      attribute,
      this.precedence,
    );
  }

  exportRows(window: DayWindow): AsyncIterable<ExportedCostRow> {
    return exportCostRows(this.db, window, this.precedence);
  }
}
