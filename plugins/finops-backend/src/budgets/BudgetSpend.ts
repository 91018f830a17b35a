import {
  Budget,
  FORECAST_HISTORY_DAYS,
  addDays,
  budgetPeriodWindow,
  budgetScopeKey,
} from '@tollgate/plugin-finops-common';
import { CostStore, SpendScopeKind } from '../costs/store/CostStore';
import { yieldToEventLoop } from '../database/yieldToEventLoop';
import { EMPTY, Series, SpendSeries } from './SpendSeries';

/** What spend budgets need: per currency, from which day and by which scopes. */
function neededSpend(budgets: Budget[], asOf: string) {
  const needed = new Map<string, { from: string; kinds: SpendScopeKind[] }>();
  const historyFrom = addDays(asOf, -FORECAST_HISTORY_DAYS);
  for (const budget of budgets) {
    const periodFrom = budgetPeriodWindow(budget.period, asOf).from;
    const from = periodFrom < historyFrom ? periodFrom : historyFrom;
    const entry = needed.get(budget.currency) ?? { from, kinds: [] };
    entry.from = from < entry.from ? from : entry.from;
    const { kind } = budgetScopeKey(budget.scope);
    if (!entry.kinds.includes(kind)) entry.kinds.push(kind);
    needed.set(budget.currency, entry);
  }
  return needed;
}

/**
 * The daily spend budgets are evaluated from, by entity, team and cost center in each
 * currency budgets use. After metered usage only today's spend is read again: the days
 * before are those of the last read, and the series of a scope whose today did not
 * change is the same object as before, so that its status need not be computed again.
 */
export class BudgetSpend {
  private last?: {
    asOf: string;
    needed: string;
    byCurrency: Map<string, Series>;
  };

  constructor(private readonly costStore: CostStore) {}

  async load(
    budgets: Budget[],
    asOf: string,
    options: { todayOnly?: boolean } = {},
  ): Promise<SpendSeries> {
    const needed = neededSpend(budgets, asOf);
    const fingerprint = JSON.stringify([...needed]);
    const last = this.last;
    const byCurrency =
      options.todayOnly && last?.asOf === asOf && last.needed === fingerprint
        ? await this.readToday(needed, asOf, last.byCurrency)
        : await this.readAll(needed, asOf);
    this.last = { asOf, needed: fingerprint, byCurrency };
    return new SpendSeries(byCurrency);
  }

  private async readAll(
    needed: ReturnType<typeof neededSpend>,
    asOf: string,
  ): Promise<Map<string, Series>> {
    const byCurrency = new Map<string, Series>();
    for (const [currency, { from, kinds }] of needed) {
      const series = new Map<string, Map<string, bigint>>();
      for (const by of kinds) {
        await yieldToEventLoop();
        for (const row of await this.costStore.dailySpend({
          by,
          window: { from, to: asOf },
          currency,
        })) {
          await yieldToEventLoop();
          const key = `${by}:${row.key}`;
          const daily = series.get(key) ?? new Map<string, bigint>();
          daily.set(row.day, (daily.get(row.day) ?? 0n) + row.costMicros);
          series.set(key, daily);
        }
      }
      byCurrency.set(currency, series);
    }
    return byCurrency;
  }

  private async readToday(
    needed: ReturnType<typeof neededSpend>,
    asOf: string,
    previous: Map<string, Series>,
  ): Promise<Map<string, Series>> {
    const byCurrency = new Map<string, Series>();
    for (const [currency, { kinds }] of needed) {
      const before: Series = previous.get(currency) ?? new Map();
      const today = new Map<string, bigint>();
      for (const by of kinds) {
        for (const row of await this.costStore.dailySpend({
          by,
          window: { from: asOf, to: asOf },
          currency,
        })) {
          const key = `${by}:${row.key}`;
          today.set(key, (today.get(key) ?? 0n) + row.costMicros);
        }
      }
      const series: Series = new Map(before);
      const withToday = (key: string, micros: bigint | undefined) => {
        const daily = new Map(before.get(key) ?? EMPTY);
        if (micros === undefined) daily.delete(asOf);
        else daily.set(asOf, micros);
        series.set(key, daily);
      };
      for (const [key, daily] of before) {
        if (daily.has(asOf) && !today.has(key)) withToday(key, undefined);
      }
      for (const [key, micros] of today) {
        if (before.get(key)?.get(asOf) !== micros) withToday(key, micros);
      }
      byCurrency.set(currency, series);
    }
    return byCurrency;
  }
}
