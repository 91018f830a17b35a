import { CostRecord } from '@tollgate/plugin-finops-common';
import { UsageMetric } from '@tollgate/plugin-finops-node';
import { Knex } from 'knex';
import { CostRollups, DAILY_COLUMNS, SUMMARY_COLUMNS } from './CostRollups';
import {
  ROWS_PER_STATEMENT,
  insertRowValues,
  insertRows,
} from '../../database/insertRows';
import { ROLLUP_TABLES } from './rollupRows';
import { storedEffectiveCost } from './effectiveCost';

/** Records per batch on SQLite: a statement's rows (see insertRows). */
export const BATCH_SIZE = ROWS_PER_STATEMENT;

/** Cost records per COPY on PostgreSQL, which has no limit of variables. */
const PG_BATCH_SIZE = 5000;

/** Rollup groups held in memory before they are written. */
const DEFAULT_MAX_ROLLUP_GROUPS = 50_000;

export const COST_COLUMNS = [
  'source_id',
  'day',
  'entity_ref',
  'cost_center',
  'team',
  'provider',
  'service',
  'model',
  'dimension_kind',
  'dimension',
  'quantity',
  'unit',
  'billed_cost',
  'effective_cost',
  'list_cost',
  'currency',
  'tags',
] as const;

const METRIC_COLUMNS = [
  'source_id',
  'day',
  'entity_ref',
  'metric',
  'labels',
  'value',
] as const;

/**
 * Writes one source's cost records and usage metrics inside a transaction, in batches,
 * summing the records into the daily and summary rollups as they go. On PostgreSQL a
 * batch of records is written while the next one is made: the database and the
 * writer each work meanwhile.
 */
export class WindowWriter {
  /** The buffered records' row values, row after row (see insertRowValues). */
  private costs: unknown[];
  private costCount = 0;
  /** A full batch's array whose write has ended, filled again by the next batch. */
  private spareCosts: unknown[] | undefined;
  private readonly batchSize: number;
  /** The write of the previous batch of records while it is under way. */
  private writing: Promise<void> | undefined;
  private metrics: unknown[][] = [];
  private readonly rollups: CostRollups;
  private readonly tagTexts = new WeakMap<object, string | null>();

  constructor(
    private readonly trx: Knex.Transaction,
    private readonly sourceId: string,
    private readonly maxRollupGroups = DEFAULT_MAX_ROLLUP_GROUPS,
  ) {
    this.rollups = new CostRollups(sourceId);
    this.batchSize =
      trx.client.driverName === 'pg' ? PG_BATCH_SIZE : BATCH_SIZE;
    this.costs = this.newCostBatch();
  }

  /**
   * Buffers a record; answers a promise only when a batch is being written, so that
   * the many records in between cost no promise each.
   */
  addCost(record: CostRecord): Promise<void> | undefined {
    this.pushCostRow(record);
    this.costCount += 1;
    this.rollups.add(record);
    return this.costCount >= this.batchSize ||
      this.rollups.size >= this.maxRollupGroups
      ? this.flushFull()
      : undefined;
  }

  /**
   * Sums a record that is stored already into the rollups only; answers a promise only
   * when the rollups are being written.
   */
  addToRollups(record: CostRecord): Promise<void> | undefined {
    this.rollups.add(record);
    return this.rollups.size >= this.maxRollupGroups
      ? this.flushRollups()
      : undefined;
  }

  /** Buffers a metric; answers a promise only when a batch is being written. */
  addMetric(metric: UsageMetric): Promise<void> | undefined {
    this.metrics.push(metricRow(this.sourceId, metric));
    if (this.metrics.length >= BATCH_SIZE) {
      return this.flushMetrics();
    }
    return undefined;
  }

  /** Writes what is still buffered. */
  async finish(): Promise<void> {
    await this.flushCosts();
    await this.written();
    await this.flushMetrics();
    await this.flushRollups();
  }

  /** Writes the records when a batch is full, and the rollups when they hold many groups. */
  private async flushFull() {
    if (this.costCount >= this.batchSize) {
      await this.flushCosts();
    }
    if (this.rollups.size >= this.maxRollupGroups) {
      await this.written();
      await this.flushRollups();
    }
  }

  /**
   * Starts writing the buffered records once the previous batch is written; on
   * PostgreSQL without waiting for them to be written.
   */
  private async flushCosts() {
    await this.written();
    const costs = this.costs;
    const full = this.costCount === this.batchSize;
    costs.length = this.costCount * COST_COLUMNS.length;
    this.costs = this.spareCosts ?? this.newCostBatch();
    this.spareCosts = undefined;
    this.costCount = 0;
    const writing = insertRowValues(
      this.trx,
      'finops_cost_records',
      COST_COLUMNS,
      costs,
    );
    if (this.trx.client.driverName !== 'pg') {
      await writing;
      // Written: its array is free for the batch after next, as large as it was.
      if (full) {
        this.spareCosts = costs;
      }
      return;
    }
    // Its failure is thrown where it is awaited; if the window fails first, it is moot.
    writing.catch(() => {});
    this.writing = writing;
  }

  /** Waits for the batch of records under way, and throws where it failed. */
  private async written() {
    const writing = this.writing;
    this.writing = undefined;
    await writing;
  }

  private async flushMetrics() {
    await insertRows(
      this.trx,
      'finops_usage_metrics',
      METRIC_COLUMNS,
      this.metrics,
    );
    this.metrics = [];
  }

  /**
   * Room for a batch's row values, made at once rather than grown value by value; on
   * SQLite two arrays serve every batch in turn (each over 100 KiB to allocate).
   */
  private newCostBatch(): unknown[] {
    return new Array(this.batchSize * COST_COLUMNS.length);
  }

  /** Writes the record's row in COST_COLUMNS order after the others, with no array of its own. */
  private pushCostRow(r: CostRecord) {
    const v = this.costs;
    let i = this.costCount * COST_COLUMNS.length;
    v[i++] = this.sourceId;
    v[i++] = r.day;
    v[i++] = r.entityRef ?? null;
    v[i++] = r.costCenter ?? null;
    v[i++] = r.team ?? null;
    v[i++] = r.provider;
    v[i++] = r.service;
    v[i++] = r.model ?? null;
    v[i++] = r.dimensionKind;
    v[i++] = r.dimension;
    v[i++] = r.quantity ?? null;
    v[i++] = r.unit ?? null;
    v[i++] = r.billedCostMicros;
    v[i++] = storedEffectiveCost(r) ?? null;
    v[i++] = r.listCostMicros ?? null;
    v[i++] = r.currency;
    v[i] = r.tags ? this.tagsText(r.tags) : null;
  }

  /** Tags as stored; sources share one tags object across many records. */
  private tagsText(tags: Record<string, string>): string | null {
    let text = this.tagTexts.get(tags);
    if (text === undefined) {
      text = Object.keys(tags).length ? JSON.stringify(tags) : null;
      this.tagTexts.set(tags, text);
    }
    return text;
  }

  /**
   * Writes the rollups a statement's rows at a time, each made just before it is
   * written: tens of thousands of groups made at once would hold the event loop.
   */
  private async flushRollups() {
    for (const { rollup, rows } of this.rollups.takeInSlices(
      ROWS_PER_STATEMENT,
    )) {
      await insertRows(
        this.trx,
        ROLLUP_TABLES[rollup],
        rollup === 'daily' ? DAILY_COLUMNS : SUMMARY_COLUMNS,
        rows,
      );
    }
  }
}

function metricRow(sourceId: string, metric: UsageMetric): unknown[] {
  return [
    sourceId,
    metric.day,
    metric.entityRef,
    metric.metric,
    JSON.stringify(metric.labels ?? {}),
    metric.value,
  ];
}
