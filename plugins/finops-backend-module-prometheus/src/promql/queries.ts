import { LabelSelector } from './LabelSelector';
import { formatLabelName, formatVectorSelector } from './names';

/**
 * `sum by (labels) (increase(metric{selector}[range]))`: how much a counter grew
 * over the range, per combination of the given labels.
 */
export function increaseByQuery(
  labels: readonly string[],
  metric: string,
  selector: LabelSelector,
  range: string,
): string {
  const by = labels.map(formatLabelName).join(', ');
  const series = formatVectorSelector(metric, selector.toString());
  return `sum by (${by}) (increase(${series}[${range}]))`;
}

/**
 * `histogram_quantile(q, sum by (le) (increase(histogram_bucket{selector}[range])))`:
 * a quantile of a classic histogram over the range, across all its series.
 */
export function quantileQuery(
  quantile: number,
  histogram: string,
  selector: LabelSelector,
  range: string,
): string {
  const buckets = formatVectorSelector(
    `${histogram}_bucket`,
    selector.toString(),
  );
  return `histogram_quantile(${quantile}, sum by (le) (increase(${buckets}[${range}])))`;
}
