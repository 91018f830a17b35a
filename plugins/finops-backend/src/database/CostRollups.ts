import { CostRecord } from '@tollgate/plugin-finops-common';

/** The columns of the daily rollup, in the order `takeDaily` writes them. */
export const DAILY_COLUMNS = [
  'source_id',
  'day',
  'entity_ref',
  'cost_center',
  'team',
  'provider',
  'model',
  'dimension_kind',
  'dimension',
  'unit',
  'currency',
  'quantity',
  'billed_cost',
  'record_count',
] as const;

/** The columns of the summary rollup, in the order `takeSummary` writes them. */
export const SUMMARY_COLUMNS = [
  'source_id',
  'day',
  'entity_ref',
  'cost_center',
  'team',
  'provider',
  'model',
  'currency',
  'billed_cost',
] as const;

interface Sum {
  /** The group's columns, before the sums. */
  group: unknown[];
  quantity?: bigint;
  billed: bigint;
  records: number;
}

const SEPARATOR = '\u0000';
const ABSENT = '\u0001';

function addTo(
  sums: Map<string, Sum>,
  key: string,
  group: () => unknown[],
  record: CostRecord,
) {
  const sum = sums.get(key);
  if (!sum) {
    sums.set(key, {
      group: group(),
      quantity: record.quantity,
      billed: record.billedCostMicros,
      records: 1,
    });
    return;
  }
  sum.billed += record.billedCostMicros;
  if (record.quantity !== undefined) {
    sum.quantity = (sum.quantity ?? 0n) + record.quantity;
  }
  sum.records += 1;
}

/**
 * Sums the cost records of one source into its two rollups while they are written,
 * instead of reading them back: the daily rollup (per day, entity, cost center, team,
 * provider, model, dimension, unit and currency), which entity queries read, and the
 * summary rollup (the same without dimension and unit), which organization-wide
 * queries read. A quantity sums like SQL's SUM: absent when no record has one.
 *
 * The sums are taken whenever there are many groups, so memory stays bounded whatever
 * the number of records; a group may then have several rows, which every query sums.
 */
export class CostRollups {
  private daily = new Map<string, Sum>();
  private summary = new Map<string, Sum>();

  constructor(private readonly sourceId: string) {}

  add(record: CostRecord): void {
    const summaryKey = [
      record.day,
      record.entityRef ?? ABSENT,
      record.costCenter ?? ABSENT,
      record.team ?? ABSENT,
      record.provider,
      record.model ?? ABSENT,
      record.currency,
    ].join(SEPARATOR);
    const dailyKey = [
      summaryKey,
      record.dimensionKind,
      record.dimension,
      record.unit ?? ABSENT,
    ].join(SEPARATOR);
    addTo(this.summary, summaryKey, () => this.summaryGroup(record), record);
    addTo(this.daily, dailyKey, () => this.dailyGroup(record), record);
  }

  /** Groups held in memory; the daily rollup has the most. */
  get size(): number {
    return this.daily.size;
  }

  /** The daily rollup rows summed so far, in DAILY_COLUMNS order; forgets them. */
  takeDaily(): unknown[][] {
    const rows = [...this.daily.values()].map(sum => [
      ...sum.group,
      sum.quantity ?? null,
      sum.billed,
      sum.records,
    ]);
    this.daily = new Map();
    return rows;
  }

  /** The summary rollup rows summed so far, in SUMMARY_COLUMNS order; forgets them. */
  takeSummary(): unknown[][] {
    const rows = [...this.summary.values()].map(sum => [
      ...sum.group,
      sum.billed,
    ]);
    this.summary = new Map();
    return rows;
  }

  private summaryGroup(record: CostRecord): unknown[] {
    return [
      this.sourceId,
      record.day,
      record.entityRef ?? null,
      record.costCenter ?? null,
      record.team ?? null,
      record.provider,
      record.model ?? null,
      record.currency,
    ];
  }

  private dailyGroup(record: CostRecord): unknown[] {
    return [
      this.sourceId,
      record.day,
      record.entityRef ?? null,
      record.costCenter ?? null,
      record.team ?? null,
      record.provider,
      record.model ?? null,
      record.dimensionKind,
      record.dimension,
      record.unit ?? null,
      record.currency,
    ];
  }
}
