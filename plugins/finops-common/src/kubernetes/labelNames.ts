const NOT_IN_LABEL_NAME = /[^a-zA-Z0-9_]/g;

/**
 * The name OpenCost reports a Kubernetes label under, such as
 * `backstage_io_kubernetes_id` for `backstage.io/kubernetes-id`: every character
 * other than a letter, digit or underscore becomes `_`. A leading digit stays, as
 * in OpenCost and kube-state-metrics, which write the name behind a `label_` prefix
 * (`label_9lives`) and OpenCost answers it without the prefix (`9lives`).
 *
 * @public
 */
export function openCostLabelName(key: string): string {
  return key.replace(NOT_IN_LABEL_NAME, '_');
}

/**
 * A Kubernetes label key as a Prometheus label name of its own: as
 * {@link openCostLabelName}, with `_` before a leading digit, since a Prometheus
 * label name cannot start with one (`9lives` becomes `_9lives`).
 *
 * @public
 * @deprecated OpenCost does not add the `_`: use {@link openCostLabelName} for the
 * name OpenCost reports a label under.
 */
export function sanitizePrometheusLabelName(name: string): string {
  const sanitized = openCostLabelName(name);
  return /^[0-9]/.test(sanitized) ? `_${sanitized}` : sanitized;
}
