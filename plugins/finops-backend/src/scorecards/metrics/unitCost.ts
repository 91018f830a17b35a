import { DayWindow } from '@tollgate/plugin-finops-common';
import { ScorecardMetricContext } from '@tollgate/plugin-finops-node';
import { ratio, sumUsage, totalOf, units } from './metricWindows';

/**
 * Spend per unit of a usage metric (such as `http.requests` or `outcomes`) in a
 * window, in currency units; undefined without usage.
 */
export async function unitCost(
  context: ScorecardMetricContext,
  metric: string,
  window: DayWindow,
): Promise<number | undefined> {
  const [daily, usage] = await Promise.all([
    context.dailySpend(window),
    context.usage(metric, window),
  ]);
  return ratio(units(totalOf(daily)), sumUsage(usage));
}
