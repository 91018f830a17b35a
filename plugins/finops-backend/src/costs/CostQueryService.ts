import {
  CostGroupBy,
  DailyCost,
  DayWindow,
  EntityCostResponse,
  SummaryGroupBy,
  SummaryResponse,
  costOutsideOf,
  formatMicros,
  formatQuantity,
  previousWindow,
} from '@tollgate/plugin-finops-common';
import { CostStore, DailyAggregate } from './store/CostStore';
import { SourceStatusService } from '../sources/SourceStatusService';

/**
 * Assembles the answers of the entity cost and organization summary routes, whose
 * figures are the effective cost (FOCUS EffectiveCost, amortized).
 */
export class CostQueryService {
  constructor(
    private readonly costStore: CostStore,
    private readonly sourceStatus: SourceStatusService,
    private readonly currency: string,
  ) {}

  async entityCost(options: {
    entityRef: string;
    /** The entity and the entities whose spend rolls up into it. */
    entityRefs: string[];
    window: DayWindow;
    groupBy: CostGroupBy;
  }): Promise<EntityCostResponse> {
    const query = {
      entityRefs: options.entityRefs,
      window: options.window,
      groupBy: options.groupBy,
      currency: this.currency,
    };
    const [daily, breakdown, previous, sources, sessions] = await Promise.all([
      this.costStore.entityDaily(query),
      this.costStore.entityBreakdown(query),
      this.costStore.entityTotal({
        ...query,
        window: previousWindow(options.window),
      }),
      this.sourceStatus.list(),
      options.groupBy === 'agent'
        ? this.costStore.entityAgentSessions(query)
        : undefined,
    ]);
    const total = breakdown.reduce((sum, item) => sum + item.costMicros, 0n);
    return {
      entityRef: options.entityRef,
      from: options.window.from,
      to: options.window.to,
      currency: this.currency,
      groupBy: options.groupBy,
      costBasis: 'effective',
      total: formatMicros(total),
      previousTotal: formatMicros(previous),
      daily: toDailySeries(daily),
      breakdown: breakdown.map(item => ({
        key: item.key,
        ...outside(item.key),
        cost: formatMicros(item.costMicros),
        ...(item.unit && item.quantity !== undefined
          ? { quantity: formatQuantity(item.quantity), unit: item.unit }
          : {}),
        ...(sessions ? { sessions: sessions.get(item.key) ?? 0 } : {}),
      })),
      sources,
    };
  }

  async summary(options: {
    window: DayWindow;
    groupBy: SummaryGroupBy;
  }): Promise<SummaryResponse> {
    const query = { ...options, currency: this.currency };
    const before = { ...query, window: previousWindow(options.window) };
    const [groups, previousGroups, daily, unallocated] = await Promise.all([
      this.costStore.summaryGroups(query),
      this.costStore.summaryGroups(before),
      this.costStore.summaryDaily(query),
      this.costStore.unallocatedTotal(options.window, this.currency),
    ]);
    const previousByKey = new Map(
      previousGroups.map(g => [g.key, g.costMicros]),
    );
    const keys = new Set(groups.map(g => g.key));
    const all = [
      ...groups,
      ...previousGroups
        .filter(g => !keys.has(g.key))
        .map(g => ({ key: g.key, costMicros: 0n })),
    ];
    const sum = (list: { costMicros: bigint }[]) =>
      list.reduce((total, g) => total + g.costMicros, 0n);
    return {
      from: options.window.from,
      to: options.window.to,
      currency: this.currency,
      groupBy: options.groupBy,
      costBasis: 'effective',
      total: formatMicros(sum(groups)),
      previousTotal: formatMicros(sum(previousGroups)),
      unallocated: formatMicros(unallocated),
      groups: all.map(g => ({
        key: g.key,
        ...outside(g.key),
        cost: formatMicros(g.costMicros),
        previousCost: formatMicros(previousByKey.get(g.key) ?? 0n),
      })),
      daily: toDailySeries(daily),
    };
  }
}

/** What a key's spend is, where it is none of its dimension's values. */
function outside(key: string) {
  const kind = costOutsideOf(key);
  return kind ? { outside: kind } : {};
}

/** Folds per-day, per-key sums into one entry per day with its total. */
export function toDailySeries(rows: DailyAggregate[]): DailyCost[] {
  const byDay = new Map<
    string,
    { total: bigint; breakdown: Map<string, bigint> }
  >();
  for (const row of rows) {
    const entry = byDay.get(row.day) ?? { total: 0n, breakdown: new Map() };
    entry.total += row.costMicros;
    entry.breakdown.set(
      row.key,
      (entry.breakdown.get(row.key) ?? 0n) + row.costMicros,
    );
    byDay.set(row.day, entry);
  }
  return [...byDay.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, entry]) => ({
      day,
      total: formatMicros(entry.total),
      breakdown: Object.fromEntries(
        [...entry.breakdown.entries()].map(([k, v]) => [k, formatMicros(v)]),
      ),
    }));
}
