import {
  DayWindow,
  QUANTITY_SCALE,
  divideRounded,
  parseQuantity,
} from '@tollgate/plugin-finops-common';
import { ScorecardMetricContext } from '@tollgate/plugin-finops-node';
import { ratio, sumUsage, totalOf, units } from './metricWindows';

/** What a unit cost reads: a scorecard metric context, or the same queries for a route. */
export type UnitCostReader = Pick<
  ScorecardMetricContext,
  'dailySpend' | 'usage'
>;

/** The spend of a window and the usage it paid for, the two sides of a unit cost. */
export interface UnitCostInputs {
  spendMicros: bigint;
  /** The sum of the usage metric's values, such as requests or outcomes. */
  usage: number;
}

/** Reads the spend of a window and the sum of a usage metric in it. */
export async function readUnitCostInputs(
  reader: UnitCostReader,
  metric: string,
  window: DayWindow,
): Promise<UnitCostInputs> {
  const [daily, usage] = await Promise.all([
    reader.dailySpend(window),
    reader.usage(metric, window),
  ]);
  return { spendMicros: totalOf(daily), usage: sumUsage(usage) };
}

/** Spend per unit of usage in currency units, for scorecards; undefined without usage. */
export function costPerUnit(inputs: UnitCostInputs): number | undefined {
  return ratio(units(inputs.spendMicros), inputs.usage);
}

/**
 * Spend per `per` units of usage (1 outcome, 1,000 requests) in micro-units, exactly:
 * the usage is taken to 6 decimals as quantities are, and the quotient rounded half to
 * even. Undefined without usage.
 */
export function microsPerUnit(
  inputs: UnitCostInputs,
  per: number = 1,
): bigint | undefined {
  const usage = inputs.usage > 0 ? parseQuantity(inputs.usage) : undefined;
  if (usage === undefined || usage <= 0n) {
    return undefined;
  }
  return divideRounded(
    inputs.spendMicros * BigInt(per) * 10n ** BigInt(QUANTITY_SCALE),
    usage,
  );
}

/**
 * Spend per unit of a usage metric (such as `http.requests` or `outcomes`) in a
 * window, in currency units; undefined without usage.
 */
export async function unitCost(
  reader: UnitCostReader,
  metric: string,
  window: DayWindow,
): Promise<number | undefined> {
  return costPerUnit(await readUnitCostInputs(reader, metric, window));
}
