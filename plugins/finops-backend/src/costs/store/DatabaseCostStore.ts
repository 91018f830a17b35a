import { InputError } from '@backstage/errors';
import {
  CostRecord,
  DayWindow,
  SummaryGroupBy,
} from '@tollgate/plugin-finops-common';
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
import { COST_GROUP_SQL } from './costGroupKeys';
import { BATCH_SIZE, WindowWriter } from './WindowWriter';
import { selectRows } from '../../database/selectRows';
import { lockSource } from '../../database/lockSource';
import {
  countOnce,
  countedAbove,
  countedBy,
  lostCounts,
  sourcesIn,
} from './countOnce';
import { CostPrecedence } from './CostPrecedence';
import { recordOfRow } from './recordOfRow';
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
import { UnitAggregate, compareBigDesc, mergeUnits } from './mergeUnits';
import { toBigInt } from '../../database/toBigInt';
import { EFFECTIVE_COST_SQL, sumEffectiveCost } from './effectiveCost';

export const UNALLOCATED_KEY = '(unallocated)';

/** The daily rollup has every dimension; the summary rollup a quarter of its rows. */
type Rollup = 'daily' | 'summary';
const ROLLUP_TABLES: Record<Rollup, string> = {
  daily: 'finops_daily_costs',
  summary: 'finops_summary_costs',
};

/** Each summary grouping's key, and the rollup that has its column. */
const SUMMARY_GROUPS: Record<SummaryGroupBy, { key: string; rollup: Rollup }> =
  {
    costCenter: {
      key: `COALESCE(cost_center, '${UNALLOCATED_KEY}')`,
      rollup: 'summary',
    },
    team: { key: `COALESCE(team, '${UNALLOCATED_KEY}')`, rollup: 'summary' },
    entity: {
      key: `COALESCE(entity_ref, '${UNALLOCATED_KEY}')`,
      rollup: 'summary',
    },
    // a model's spend is its tokens: the dimension kind is in the daily rollup only
    model: { key: COST_GROUP_SQL.model, rollup: 'daily' },
    provider: { key: COST_GROUP_SQL.provider, rollup: 'summary' },
    agent: { key: COST_GROUP_SQL.agent, rollup: 'daily' },
  };

const SPEND_SCOPE_COLUMNS: Record<SpendScopeKind, string> = {
  entity: 'entity_ref',
  team: 'team',
  costCenter: 'cost_center',
};

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
    return this.db.transaction(async trx => {
      await lockSource(trx, sourceId);
      const countedBefore = await countedBy(trx, sourceId, window);
      let replaced = 0;
      for (const table of [
        'finops_cost_records',
        'finops_daily_costs',
        'finops_summary_costs',
        'finops_usage_metrics',
      ]) {
        const deleted = await trx(table)
          .where('source_id', sourceId)
          .whereBetween('day', [window.from, window.to])
          .delete();
        if (table === 'finops_cost_records') {
          replaced = deleted;
        }
      }
      const writer = new WindowWriter(trx, sourceId);
      const counts = { records: 0, metrics: 0 };
      const add = (item: StoredItem) => {
        const day = item.type === 'cost' ? item.record.day : item.metric.day;
        if (day < window.from || day > window.to) {
          throw new InputError(
            `Source ${sourceId} returned data for ${day}, outside the window ${window.from}..${window.to}`,
          );
        }
        counts[item.type === 'cost' ? 'records' : 'metrics'] += 1;
        return item.type === 'cost'
          ? writer.addCost(item.record)
          : writer.addMetric(item.metric);
      };
      for await (const item of items) {
        for (const one of Array.isArray(item) ? item : [item]) {
          const written = add(one);
          if (written) {
            await written;
          }
        }
      }
      if (counts.records === 0 && replaced > 0 && !options.allowEmpty) {
        throw new InputError(
          `Source ${sourceId} returned no cost records for ${window.from}..${window.to}, which has ${replaced} stored: kept them (a source that may report empty days can allow it)`,
        );
      }
      await writer.finish();
      await countOnce(trx, window, this.precedence, {
        restore: {
          sourceId,
          lost: lostCounts(
            countedBefore,
            await countedBy(trx, sourceId, window),
          ),
        },
      });
      return counts;
    });
  }

  /** The effective cost of the rows, as `cost`: every query of spend reads it. */
  private effectiveSum() {
    return this.db.raw(sumEffectiveCost('cost'));
  }

  /**
   * Rows of the given entities. PostgreSQL gets the refs as one array: a list of
   * thousands of parameters costs more to send and plan than the query.
   */
  private ofEntities(builder: Knex.QueryBuilder, entityRefs: string[]) {
    return this.db.client.driverName === 'pg'
      ? builder.whereRaw('entity_ref = ANY(?)', [entityRefs])
      : builder.whereIn('entity_ref', entityRefs);
  }

  /**
   * Rollup rows of entities. Totals without a dimension read the summary rollup, which
   * has a fraction of the daily rollup's rows.
   */
  private entityRows(
    query: Omit<EntityCostQuery, 'groupBy'>,
    rollup: Rollup = 'daily',
  ) {
    const table = ROLLUP_TABLES[query.dimensionKind ? 'daily' : rollup];
    const rows = this.ofEntities(this.db(table), query.entityRefs)
      .where('currency', query.currency)
      .whereBetween('day', [query.window.from, query.window.to]);
    return query.dimensionKind
      ? rows.where('dimension_kind', query.dimensionKind)
      : rows;
  }

  async entityDaily(query: EntityCostQuery): Promise<DailyAggregate[]> {
    const key = COST_GROUP_SQL[query.groupBy];
    const rows: any[] = await this.entityRows(query)
      .select('day', this.db.raw(`${key} AS group_key`), this.effectiveSum())
      .groupBy('day')
      .groupBy(this.db.raw(key))
      .orderBy('day');
    return rows.map(row => ({
      day: row.day,
      key: String(row.group_key),
      costMicros: toBigInt(row.cost),
    }));
  }

  async entityBreakdown(query: EntityCostQuery): Promise<CostAggregate[]> {
    const key = COST_GROUP_SQL[query.groupBy];
    const rows: any[] = await this.entityRows(query)
      .select('unit', this.db.raw(`${key} AS group_key`), this.effectiveSum())
      .sum({ quantity: 'quantity' })
      .groupBy(this.db.raw(key))
      .groupBy('unit');
    return mergeUnits(rows.map(unitAggregate));
  }

  async entityTotal(query: Omit<EntityCostQuery, 'groupBy'>): Promise<bigint> {
    const [row] = await this.entityRows(query, 'summary').select(
      this.effectiveSum(),
    );
    return toBigInt(row?.cost);
  }

  async entitiesDaily(
    query: Omit<EntityCostQuery, 'groupBy'>,
  ): Promise<EntityDailySpend[]> {
    const rows: any[][] = await selectRows(
      this.db,
      this.entityRows(query, 'summary')
        .select('entity_ref', 'day', this.effectiveSum())
        .groupBy('entity_ref', 'day')
        .orderBy(['entity_ref', 'day']),
    );
    return rows.map(([entityRef, day, cost]) => ({
      entityRef,
      day,
      costMicros: toBigInt(cost),
    }));
  }

  async entityAgentSessions(
    query: Omit<EntityCostQuery, 'groupBy'>,
  ): Promise<Map<string, number>> {
    const key = COST_GROUP_SQL.agent;
    const rows: any[] = await this.entityRows(query)
      .whereNotNull('session')
      .select(this.db.raw(`${key} AS group_key`))
      .countDistinct({ sessions: 'session' })
      .groupBy(this.db.raw(key));
    return new Map(
      rows.map(row => [String(row.group_key), Number(row.sessions)]),
    );
  }

  async entitiesCostLines(
    query: Omit<EntityCostQuery, 'groupBy'>,
  ): Promise<EntityCostLine[]> {
    const columns = [
      'entity_ref',
      'source_id',
      'provider',
      'model',
      'dimension_kind',
      'dimension',
      'agent',
      'session',
      'unit',
    ];
    const rows: any[][] = await selectRows(
      this.db,
      this.entityRows(query)
        .select(columns)
        .select(this.effectiveSum())
        .sum({ quantity: 'quantity' })
        .groupBy(columns),
    );
    return rows.map(
      ([
        entityRef,
        sourceId,
        provider,
        model,
        dimensionKind,
        dimension,
        agent,
        session,
        unit,
        cost,
        quantity,
      ]) => ({
        entityRef,
        sourceId,
        provider,
        model: model ?? undefined,
        dimensionKind,
        dimension,
        agent: agent ?? undefined,
        session: session ?? undefined,
        unit: unit ?? undefined,
        costMicros: toBigInt(cost),
        quantity: toBigInt(quantity),
      }),
    );
  }

  /** Rows of the summary rollup, or of the daily one where a dimension is needed. */
  private summaryRows(
    window: DayWindow,
    currency: string,
    rollup: Rollup = 'summary',
  ) {
    return this.db(ROLLUP_TABLES[rollup])
      .where('currency', currency)
      .whereBetween('day', [window.from, window.to]);
  }

  async summaryGroups(query: SummaryQuery): Promise<CostAggregate[]> {
    const { key, rollup } = SUMMARY_GROUPS[query.groupBy];
    const rows: any[] = await this.summaryRows(
      query.window,
      query.currency,
      rollup,
    )
      .select(this.db.raw(`${key} AS group_key`), this.effectiveSum())
      .groupBy(this.db.raw(key));
    return rows
      .map(row => ({
        key: String(row.group_key),
        costMicros: toBigInt(row.cost),
      }))
      .sort((a, b) => compareBigDesc(a.costMicros, b.costMicros));
  }

  async summaryDaily(query: SummaryQuery): Promise<DailyAggregate[]> {
    const { key, rollup } = SUMMARY_GROUPS[query.groupBy];
    const rows: any[] = await this.summaryRows(
      query.window,
      query.currency,
      rollup,
    )
      .select('day', this.db.raw(`${key} AS group_key`), this.effectiveSum())
      .groupBy('day')
      .groupBy(this.db.raw(key))
      .orderBy('day');
    return rows.map(row => ({
      day: row.day,
      key: String(row.group_key),
      costMicros: toBigInt(row.cost),
    }));
  }

  async unallocatedTotal(window: DayWindow, currency: string): Promise<bigint> {
    const [row] = await this.summaryRows(window, currency)
      .whereNull('entity_ref')
      .select(this.effectiveSum());
    return toBigInt(row?.cost);
  }

  async dailySpend(query: {
    by: SpendScopeKind;
    window: DayWindow;
    currency: string;
  }): Promise<DailyAggregate[]> {
    const column = SPEND_SCOPE_COLUMNS[query.by];
    const rows: any[] = await this.summaryRows(query.window, query.currency)
      .whereNotNull(column)
      .select('day', `${column} as group_key`, this.effectiveSum())
      .groupBy('day', column);
    return rows.map(row => ({
      day: row.day,
      key: String(row.group_key),
      costMicros: toBigInt(row.cost),
    }));
  }

  async scopeAllocation(query: {
    by: 'team' | 'costCenter';
    window: DayWindow;
    currency: string;
  }): Promise<
    Array<{ key: string; totalMicros: bigint; unallocatedMicros: bigint }>
  > {
    const column = SPEND_SCOPE_COLUMNS[query.by];
    const rows: any[] = await this.summaryRows(query.window, query.currency)
      .whereNotNull(column)
      .select(
        `${column} as group_key`,
        this.db.raw(
          `SUM(CASE WHEN entity_ref IS NULL THEN ${EFFECTIVE_COST_SQL} ELSE 0 END) AS unallocated`,
        ),
        this.effectiveSum(),
      )
      .groupBy(column);
    return rows.map(row => ({
      key: String(row.group_key),
      totalMicros: toBigInt(row.cost),
      unallocatedMicros: toBigInt(row.unallocated),
    }));
  }

  async dimensionDaily(
    window: DayWindow,
    currency: string,
  ): Promise<DimensionDailySpend[]> {
    const rows: any[] = await this.summaryRows(window, currency, 'daily')
      .whereNotNull('entity_ref')
      .select(
        'entity_ref',
        'day',
        'provider',
        'model',
        'dimension_kind',
        'dimension',
        this.effectiveSum(),
      )
      .groupBy(
        'entity_ref',
        'day',
        'provider',
        'model',
        'dimension_kind',
        'dimension',
      );
    return rows.map(row => ({
      entityRef: row.entity_ref,
      day: row.day,
      dimension: `${row.provider}/${row.model ?? '-'}/${row.dimension_kind}:${
        row.dimension
      }`,
      costMicros: toBigInt(row.cost),
    }));
  }

  async usageMetrics(query: {
    entityRefs: string[];
    window: DayWindow;
    metrics?: string[];
  }): Promise<UsageMetric[]> {
    let builder = this.ofEntities(
      this.db('finops_usage_metrics'),
      query.entityRefs,
    )
      .select('day', 'entity_ref', 'metric', 'labels', 'value')
      .whereBetween('day', [query.window.from, query.window.to]);
    if (query.metrics) {
      builder = builder.whereIn('metric', query.metrics);
    }
    const rows: any[] = await builder.orderBy(['day', 'id']);
    const labels = labelsReader();
    return rows.map(row =>
      usageMetric(
        row.day,
        row.entity_ref,
        row.metric,
        labels(row.labels),
        row.value,
      ),
    );
  }

  async entitiesUsage(query: {
    entityRefs: string[];
    window: DayWindow;
    metric: string;
  }): Promise<UsageMetricRows> {
    const rows: any[][] = await selectRows(
      this.db,
      this.ofEntities(this.db('finops_usage_metrics'), query.entityRefs)
        .select('id', 'day', 'entity_ref', 'labels', 'value')
        .where('metric', query.metric)
        .whereBetween('day', [query.window.from, query.window.to])
        .orderBy(['entity_ref', 'day', 'id']),
    );
    const labels = labelsReader();
    return {
      metrics: rows.map(([, day, entityRef, text, value]) =>
        usageMetric(day, entityRef, query.metric, labels(text), value),
      ),
      ids: rows.map(([id]) => Number(id)),
    };
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

  async *exportRows(window: DayWindow): AsyncIterable<ExportedCostRow> {
    const sources = await sourcesIn(this.db, 'finops_cost_records', window);
    const counted = await sourcesIn(this.db, 'finops_summary_costs', window);
    let lastId = 0;
    for (;;) {
      const query = this.db('finops_cost_records')
        .whereBetween('day', [window.from, window.to])
        .where('id', '>', lastId);
      // spend that a source ranked higher counts is left out
      for (const sourceId of sources) {
        const above = this.precedence.above(sourceId, counted);
        if (above.length) {
          query.whereNot(superseded =>
            superseded
              .where('source_id', sourceId)
              .whereExists(countedAbove(this.db, 'finops_cost_records', above)),
          );
        }
      }
      const rows = await query.orderBy('id').limit(BATCH_SIZE);
      for (const row of rows) {
        yield { sourceId: row.source_id, ...recordOfRow(row) };
      }
      if (rows.length < BATCH_SIZE) {
        return;
      }
      lastId = Number(rows[rows.length - 1].id);
    }
  }
}

/** A (key, unit) row of a grouped query. */
function unitAggregate(row: {
  group_key: unknown;
  unit: string | null;
  cost: unknown;
  quantity: unknown;
}): UnitAggregate {
  return {
    key: String(row.group_key),
    unit: row.unit ?? undefined,
    costMicros: toBigInt(row.cost),
    quantity: toBigInt(row.quantity),
  };
}

function usageMetric(
  day: string,
  entityRef: string,
  metric: string,
  labels: Record<string, string>,
  value: unknown,
): UsageMetric {
  return { day, entityRef, metric, labels, value: Number(value) };
}

/** Parses labels, each distinct text once: metrics repeat a few label sets. */
function labelsReader() {
  const parsed = new Map<string, Record<string, string>>();
  return (text: string): Record<string, string> => {
    let labels = parsed.get(text);
    if (!labels) {
      labels = JSON.parse(text) as Record<string, string>;
      parsed.set(text, labels);
    }
    return { ...labels };
  };
}
