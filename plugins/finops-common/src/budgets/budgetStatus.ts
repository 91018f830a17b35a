import { formatMicros, parseMicros } from '../money/Money';
import { budgetPeriodWindow, budgetResetsAt } from './budgetPeriod';
import { forecastSpend } from './forecastSpend';
import { Budget, BudgetStatus } from './types';

/**
 * Where a budget stands on a day: spent in its period so far, the forecast to the
 * period's end, utilization, thresholds crossed by each, and days until exhaustion.
 *
 * @param daily - effective spend (see `CostBasis`) per day in micro-units in the
 * budget's currency, covering at least the period so far and the forecast history
 * before `asOf`
 * @public
 */
export function budgetStatus(options: {
  budget: Budget;
  daily: ReadonlyMap<string, bigint>;
  asOf: string;
}): BudgetStatus {
  const { budget, daily, asOf } = options;
  const amountMicros = parseMicros(budget.amount) ?? 0n;
  const period = budgetPeriodWindow(budget.period, asOf);
  const forecast = forecastSpend({ daily, period, asOf });
  const utilization = percentOf(forecast.spentMicros, amountMicros);
  const forecastUtilization = percentOf(forecast.forecastMicros, amountMicros);
  const remaining = amountMicros - forecast.spentMicros;
  return {
    budget,
    period,
    resetsAt: budgetResetsAt(period),
    asOf,
    costBasis: 'effective',
    spent: formatMicros(forecast.spentMicros),
    forecast: formatMicros(forecast.forecastMicros),
    remaining: formatMicros(remaining > 0n ? remaining : 0n),
    utilization: roundPercent(utilization),
    forecastUtilization: roundPercent(forecastUtilization),
    thresholdsCrossed: crossed(
      budget.thresholds,
      forecast.spentMicros,
      amountMicros,
    ),
    forecastThresholdsCrossed: crossed(
      budget.thresholds,
      forecast.forecastMicros,
      amountMicros,
    ),
    daysUntilExhaustion: daysUntilExhaustion(
      forecast.spentMicros,
      amountMicros,
      forecast.projected,
    ),
  };
}

/** Thresholds (whole percentages) that spend has reached, compared exactly. @public */
export function crossed(
  thresholds: number[],
  spentMicros: bigint,
  amountMicros: bigint,
): number[] {
  return thresholds.filter(t => spentMicros * 100n >= amountMicros * BigInt(t));
}

function daysUntilExhaustion(
  spent: bigint,
  amount: bigint,
  projected: Array<{ costMicros: bigint }>,
): number | null {
  if (spent >= amount) {
    return 0;
  }
  let total = spent;
  for (let i = 0; i < projected.length; i++) {
    total += projected[i].costMicros;
    if (total >= amount) {
      return i + 1;
    }
  }
  return null;
}

/**
 * A percentage as a number, for display and ordering; decisions compare micros exactly.
 *
 * @public
 */
export function percentOf(part: bigint, whole: bigint): number {
  if (whole <= 0n) {
    return 0;
  }
  return Number((part * 1_000_000n) / whole) / 10_000;
}

function roundPercent(value: number): number {
  return Math.round(value * 10) / 10;
}
