const LEGACY_METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LEGACY_LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Whether a metric name can be written without quotes in PromQL. */
export function isLegacyMetricName(name: string): boolean {
  return LEGACY_METRIC_NAME.test(name);
}

/** Whether a label name can be written without quotes in PromQL. */
export function isLegacyLabelName(name: string): boolean {
  return LEGACY_LABEL_NAME.test(name);
}

/** Writes text as a double-quoted PromQL string. */
export function quotePromQLString(text: string): string {
  return `"${text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')}"`;
}

/**
 * Writes a label name for a matcher or a grouping clause; names outside the classic
 * character set use the Prometheus 3 quoting syntax.
 */
export function formatLabelName(name: string): string {
  return isLegacyLabelName(name) ? name : quotePromQLString(name);
}

/**
 * Writes a vector selector for a metric and label matchers (written without braces):
 * `name{matchers}`, or `{"dotted.name", matchers}` for a name outside the classic
 * character set.
 */
export function formatVectorSelector(metric: string, matchers: string): string {
  if (isLegacyMetricName(metric)) {
    return `${metric}{${matchers}}`;
  }
  return `{${quotePromQLString(metric)}${matchers ? `, ${matchers}` : ''}}`;
}
